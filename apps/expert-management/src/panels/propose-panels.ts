import type { PanelRunViewV1 } from '@firstset/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ProposePanelsV1 } from '@firstset/contracts';
import { ApplicationState, panelFieldCode, PolicyProfileRegistry, solvePanels, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, requireActor } from '@firstset/service-kit';
import { assertInstitutionNotBanned, workSuspendedOn } from '../commissions/sanctions';
import { conflictsForCases } from '../conflicts/conflicts-for-case';
import { Tx } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { lockBatch } from '../reviews/locks';
import { availableOn, batchLoads, qualifiedOn, sharedReviewProfileOf } from './eligibility';
import { asJson, openCommissionsOf, StoredProposal, toPanelRunView } from './panel-run';

/**
 * The institution asks the solver for panels (M8.1): every case its open commissions hold in the
 * batch under review with fewer active experts than the profile's panel size, or one case. Active
 * experts stay (a replacement after a recusal or an exclusion fills only the missing seats);
 * conflicted (M11.1), disqualified (M11.2), unavailable and fully loaded experts are never proposed.
 * A dry run: the proposal is stored as a panel run and nothing is assigned; the seed is audited.
 */
@Injectable()
export class ProposePanels {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: ProposePanelsV1, meta: MessageMeta): Promise<PanelRunViewV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const id = randomUUID();
    const seed = input.seed ?? randomBytes(8).toString('hex');
    return this.commands.run(meta, { action: 'panel.propose', objectType: 'panel-run', objectId: id }, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      await lockBatch(tx, input.batchId);
      const commissions = await openCommissionsOf(tx, institutionId, input.batchId);
      // No open commission of the caller's institution: another institution's batch, an ended commission, or none.
      if (commissions.length === 0) throw notFound('batch');
      const institution = await tx.institution.findUniqueOrThrow({ where: { id: institutionId } });
      assertInstitutionNotBanned(institution, today);
      const held = await tx.reviewCase.findMany({
        where: {
          commissionId: { in: commissions.map((c) => c.id) },
          state: ApplicationState.UNDER_COMPREHENSIVE_REVIEW,
          ...(input.applicationId ? { id: input.applicationId } : {}),
        },
        include: { assignments: { select: { expertId: true, status: true } } },
        orderBy: { applicationNo: 'asc' },
      });
      if (input.applicationId && held.length === 0) throw notFound('application');
      const rules = sharedReviewProfileOf(this.profiles, held) ?? this.profiles.resolve(null).comprehensiveReview;
      const active = (c: (typeof held)[number]) => c.assignments.filter((a) => a.status === 'active').map((a) => a.expertId);
      const cases = input.applicationId ? held : held.filter((c) => active(c).length < rules.panelSize);

      const experts = await tx.expert.findMany({ where: { institutionId }, orderBy: { id: 'asc' } });
      const loads = await batchLoads(tx, input.batchId);
      const conflicts = await conflictsForCases(tx, cases, experts, today, this.profiles);
      const proposal = solvePanels({
        applications: cases.map((c) => ({
          id: c.id,
          fieldCode: panelFieldCode(c.productKind, c.fieldCode),
          // Conflicted experts, and those who recused from or were excluded on the case.
          excludedExpertIds: [...conflicts.get(c.id)!.keys(), ...c.assignments.filter((a) => a.status !== 'active').map((a) => a.expertId)],
        })),
        experts: experts.map((e) => ({ id: e.id, fieldCodes: e.fieldCodes, available: qualifiedOn(e, today) && !workSuspendedOn(e, today) && availableOn(e, today), load: loads.get(e.id) ?? 0 })),
        rules,
        keep: cases.flatMap((c) => active(c).map((expertId) => ({ applicationId: c.id, expertId }))),
        seed,
      });
      const caseById = new Map(cases.map((c) => [c.id, c]));
      const stored: StoredProposal = {
        rules: { panelSize: rules.panelSize, fieldMatchesRequired: rules.fieldMatchesRequired, maxLoadPerExpert: rules.maxLoadPerExpert },
        applicationId: input.applicationId ?? null,
        seatsWanted: proposal.seatsWanted,
        applications: proposal.panels.map((p) => {
          const c = caseById.get(p.applicationId)!;
          return {
            applicationId: c.id,
            applicationNo: c.applicationNo,
            productName: c.productName,
            enterpriseName: c.enterpriseName,
            fieldCode: panelFieldCode(c.productKind, c.fieldCode),
            commissionId: c.commissionId!,
            kept: p.keptExpertIds,
            proposed: p.proposed.map((s) => ({ expertId: s.expertId, fieldMatch: s.fieldMatch, loadAfter: s.loadAfter, reasonZh: s.reasonZh, reasonEn: s.reasonEn, adjusted: false })),
            shortfalls: p.shortfalls,
          };
        }),
      };
      const run = await tx.panelRun.create({
        data: {
          id,
          batchId: input.batchId,
          commissionId: cases[0]?.commissionId ?? commissions[0].id,
          seed,
          proposal: asJson(stored),
          proposedBy: actor.userId,
          proposedAt: now,
        },
      });
      return {
        result: await toPanelRunView(tx, run),
        detail: {
          batchId: input.batchId,
          seed,
          seedGiven: input.seed !== undefined,
          applicationId: input.applicationId ?? null,
          applications: cases.length,
          seatsWanted: proposal.seatsWanted,
          seatsFilled: proposal.seatsFilled,
        },
      };
    });
  }
}
