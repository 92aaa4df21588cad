import type { BatchDecisionViewV1 } from '@firstset/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ApplicationAction,
  ApplicationState,
  canonicalListContent,
  decisionProblems,
  FrozenListEntry,
  toShanghaiDate,
  transition,
} from '@firstset/domain';
import { ApplicationDecided, DecideBatchV1, DecisionListed } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { PublicityErrors } from '../publicity.errors';
import { Tx } from '../prisma';
import { Candidate } from '../generated/prisma/client';
import { toDecisionListView } from './decision-list-view';

/**
 * The Department decides every reviewed candidate of a batch at once (M9.1): each exactly once,
 * a reason for each one not selected, or nothing changes. The selected make one list, frozen as it
 * is decided (its public entries and their SHA-256); the enterprise is told either way.
 */
@Injectable()
export class DecideBatch {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: DecideBatchV1, meta: MessageMeta): Promise<BatchDecisionViewV1> {
    const actor = requireActor(meta, ['department_officer']);
    const now = this.clock.now();
    const decidedOn = toShanghaiDate(now);
    if (input.meetingOn > decidedOn) throw PublicityErrors.meetingInFuture(decidedOn);
    const spec = { action: 'decision.decide-batch', objectType: 'batch', objectId: input.batchId };
    return this.commands.run(meta, spec, async (tx) => {
      const candidates = await tx.candidate.findMany({ where: { batchId: input.batchId, state: ApplicationState.REVIEWED } });
      const problems = decisionProblems(candidates.map((c) => c.applicationId), input.decisions);
      if (problems.length > 0) throw PublicityErrors.decisionIncomplete(problems);
      const byId = new Map(candidates.map((c) => [c.applicationId, c]));
      const selected = input.decisions.filter((d) => d.outcome === 'selected').map((d) => byId.get(d.applicationId)!);
      const notSelected = input.decisions.filter((d) => d.outcome === 'not_selected');
      for (const d of input.decisions) {
        const action = d.outcome === 'selected' ? ApplicationAction.placeOnDecisionList : ApplicationAction.notSelect;
        domainRule(() => transition(ApplicationState.REVIEWED, action, 'department_officer', { reason: d.reason }));
      }
      const listId = selected.length > 0 ? randomUUID() : null;
      // Compare-and-set: a candidate decided by someone else meanwhile makes a count short.
      for (const d of notSelected) {
        const { count } = await tx.candidate.updateMany({
          where: { applicationId: d.applicationId, state: ApplicationState.REVIEWED },
          data: { state: ApplicationState.NOT_SELECTED, decision: 'not_selected', decisionReason: d.reason!.trim() },
        });
        if (count !== 1) throw PublicityErrors.concurrentChange();
      }
      const ordered = [...selected].sort(listOrder);
      let list: BatchDecisionViewV1['list'] = null;
      if (listId) {
        const moved = await tx.candidate.updateMany({
          where: { applicationId: { in: ordered.map((c) => c.applicationId) }, state: ApplicationState.REVIEWED },
          data: { state: ApplicationState.ON_DECISION_LIST, decision: 'selected', decisionListId: listId },
        });
        if (moved.count !== ordered.length) throw PublicityErrors.concurrentChange();
        const content = ordered.map((c, i) => frozenEntry(c, i + 1));
        const contentHash = createHash('sha256').update(canonicalListContent({ batchId: input.batchId, decidedOn, entries: content }), 'utf8').digest('hex');
        const row = await tx.decisionList.create({
          data: {
            id: listId,
            batchId: input.batchId,
            status: 'DECIDED',
            decidedOn,
            decidedBy: actor.userId,
            decidedByName: actor.displayName?.trim() || actor.userId,
            decidedAt: now,
            meetingRef: input.meetingRef.trim(),
            meetingOn: input.meetingOn,
            deliberation: input.deliberation.trim(),
            content: content as unknown as object[],
            contentHash,
          },
        });
        await tx.decisionListEntry.createMany({
          data: ordered.map((c, i) => ({ id: randomUUID(), decisionListId: listId, applicationId: c.applicationId, seq: i + 1 })),
        });
        const applicationIds = ordered.map((c) => c.applicationId);
        await this.outbox.append(tx, DecisionListed, { decisionListId: listId, batchId: input.batchId, applicationIds }, meta);
        list = toDecisionListView(row, applicationIds);
      }
      for (const c of ordered) {
        await this.outbox.append(tx, ApplicationDecided, { applicationId: c.applicationId, batchId: input.batchId, outcome: 'selected', decisionListId: listId! }, meta);
      }
      for (const d of notSelected) {
        await this.outbox.append(tx, ApplicationDecided, { applicationId: d.applicationId, batchId: input.batchId, outcome: 'not_selected', reason: d.reason!.trim() }, meta);
      }
      return {
        result: {
          batchId: input.batchId,
          decidedOn,
          list,
          selected: ordered.map((c) => c.applicationId),
          notSelected: notSelected.map((d) => ({ applicationId: d.applicationId, reason: d.reason!.trim() })),
        },
        detail: { decisionListId: listId, selected: ordered.length, notSelected: notSelected.length, meetingRef: input.meetingRef },
      };
    });
  }
}

/** The list's order: by prefecture, then application number (stable, and what the notice shows). */
function listOrder(a: Candidate, b: Candidate): number {
  return a.prefectureId.localeCompare(b.prefectureId) || a.applicationNo.localeCompare(b.applicationNo);
}

function frozenEntry(c: Candidate, seq: number): FrozenListEntry {
  return {
    seq,
    applicationNo: c.applicationNo,
    enterpriseName: c.enterpriseName,
    uscc: c.uscc,
    prefectureId: c.prefectureId,
    productKind: c.productKind,
    productName: c.productName,
    series: c.series,
    model: c.model,
  };
}
