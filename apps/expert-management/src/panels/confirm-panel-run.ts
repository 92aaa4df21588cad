import type { PanelRunViewV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfirmPanelRunV1 } from '@firstset/contracts';
import { PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { assertInstitutionNotBanned } from '../commissions/sanctions';
import { conflictsForCases } from '../conflicts/conflicts-for-case';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { lockBatch, lockCase } from '../reviews/locks';
import { batchLoads, blockersOf, sharedReviewProfileOf } from './eligibility';
import { asJson, assertRunCurrent, proposalOf, runOfInstitution, toPanelRunView } from './panel-run';

/**
 * The institution confirms a panel run (M8.1): every proposed seat becomes an active assignment
 * under the commission holding the case, marked with the run. Everything is checked again first —
 * the cases and their active experts are as proposed, and no chosen expert has since become
 * conflicted (M11.1), disqualified (M11.2), unavailable or fully loaded — else the run is stale
 * (409) and nothing is assigned. A run is confirmed once; a retry with its Idempotency-Key gets
 * the same answer.
 */
@Injectable()
export class ConfirmPanelRun {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: ConfirmPanelRunV1, meta: MessageMeta): Promise<PanelRunViewV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    return this.commands.run(meta, { action: 'panel.confirm', objectType: 'panel-run', objectId: input.runId }, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const found = await runOfInstitution(tx, input.runId, institutionId);
      await lockBatch(tx, found.batchId);
      const run = await tx.panelRun.findUniqueOrThrow({ where: { id: found.id } });
      if (run.confirmedAt) throw ExpertManagementErrors.panelRunConfirmed();
      const institution = await tx.institution.findUniqueOrThrow({ where: { id: institutionId } });
      assertInstitutionNotBanned(institution, today);
      const proposal = proposalOf(run);
      for (const id of proposal.applications.map((a) => a.applicationId).sort()) await lockCase(tx, id);
      await assertRunCurrent(tx, run, proposal);

      const cases = await tx.reviewCase.findMany({ where: { id: { in: proposal.applications.map((a) => a.applicationId) } } });
      const chosenIds = [...new Set(proposal.applications.flatMap((a) => a.proposed.map((s) => s.expertId)))];
      const experts = await tx.expert.findMany({ where: { id: { in: chosenIds } } });
      const expertById = new Map(experts.map((e) => [e.id, e]));
      const rules = sharedReviewProfileOf(this.profiles, cases);
      const conflicts = rules ? await conflictsForCases(tx, cases, experts, today, this.profiles) : new Map();
      const ended = await tx.assignment.findMany({ where: { applicationId: { in: cases.map((c) => c.id) }, status: { not: 'active' } }, select: { applicationId: true, expertId: true } });
      const loads = await batchLoads(tx, run.batchId);
      const problems: string[] = [];
      for (const a of proposal.applications) {
        for (const s of a.proposed) {
          const expert = expertById.get(s.expertId);
          if (!expert || expert.institutionId !== institutionId) {
            problems.push(`${a.applicationNo}: expert ${s.expertId} left the pool`);
            continue;
          }
          const blockers = blockersOf({
            expert,
            today,
            conflicts: conflicts.get(a.applicationId)?.get(expert.id) ?? [],
            load: loads.get(expert.id) ?? 0,
            maxLoad: proposal.rules.maxLoadPerExpert,
            onPanel: false,
            endedOnCase: ended.some((x) => x.applicationId === a.applicationId && x.expertId === expert.id),
          });
          if (blockers.length > 0) problems.push(`${a.applicationNo} ${expert.name}: ${blockers.map((b) => b.zh).join('；')}`);
          loads.set(expert.id, (loads.get(expert.id) ?? 0) + 1);
        }
      }
      if (problems.length > 0) throw ExpertManagementErrors.panelRunStale(problems.join('\n'));

      let created = 0;
      for (const a of proposal.applications) {
        for (const s of a.proposed) {
          await tx.assignment.create({
            data: {
              id: randomUUID(),
              applicationId: a.applicationId,
              expertId: s.expertId,
              commissionId: a.commissionId,
              status: 'active',
              assignedBy: actor.userId,
              assignedAt: now,
              panelRunId: run.id,
            },
          });
          created += 1;
        }
      }
      const saved = await tx.panelRun.update({
        where: { id: run.id },
        data: { confirmedAt: now, confirmedBy: actor.userId, proposal: asJson({ ...proposal, assignmentsCreated: created }) },
      });
      return { result: await toPanelRunView(tx, saved), detail: { batchId: run.batchId, seed: run.seed, assignmentsCreated: created } };
    });
  }
}
