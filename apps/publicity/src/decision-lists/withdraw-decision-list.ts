import type { DecisionListViewV1 } from '@firstset/contracts';
import { Injectable } from '@nestjs/common';
import { ApplicationAction, ApplicationState, transition } from '@firstset/domain';
import { DecisionListWithdrawn, WithdrawDecisionListV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { PublicityErrors } from '../publicity.errors';
import { Tx } from '../prisma';
import { toDecisionListView } from './decision-list-view';

/**
 * The Department withdraws a decided list before it is published (M9.1, ADR 0025), with a reason:
 * its candidates return to REVIEWED to be decided again; the not selected keep their decision.
 * The list stays on record as WITHDRAWN with its frozen content, its hash and the applications it
 * held; only its entry rows go, so that the same applications can go on the next list.
 */
@Injectable()
export class WithdrawDecisionList {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: WithdrawDecisionListV1, meta: MessageMeta): Promise<DecisionListViewV1> {
    const actor = requireActor(meta, ['department_officer']);
    const reason = input.reason.trim();
    const spec = { action: 'decision-list.withdraw', objectType: 'decision-list', objectId: input.decisionListId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const list = await tx.decisionList.findUnique({
        where: { id: input.decisionListId },
        include: { entries: { include: { candidate: true }, orderBy: { seq: 'asc' } } },
      });
      if (!list) throw PublicityErrors.decisionListNotFound();
      if (list.status === 'WITHDRAWN') throw PublicityErrors.listWithdrawn();
      if (list.status !== 'DECIDED') throw PublicityErrors.publishedCannotWithdraw(list.status);
      if (list.version !== input.expectedVersion) throw PublicityErrors.staleVersion(list.version);
      for (const e of list.entries) {
        domainRule(() => transition(e.candidate.state as ApplicationState, ApplicationAction.withdrawDecision, 'department_officer', { reason }));
      }
      const applicationIds = list.entries.map((e) => e.applicationId);
      const listCas = await tx.decisionList.updateMany({
        where: { id: list.id, status: 'DECIDED', version: input.expectedVersion },
        data: {
          status: 'WITHDRAWN',
          version: { increment: 1 },
          withdrawnAt: now,
          withdrawnBy: actor.userId,
          withdrawnByName: actor.displayName?.trim() || actor.userId,
          withdrawalReason: reason,
          withdrawnApplicationIds: applicationIds,
        },
      });
      if (listCas.count !== 1) throw PublicityErrors.concurrentChange();
      const moved = await tx.candidate.updateMany({
        where: { applicationId: { in: applicationIds }, state: ApplicationState.ON_DECISION_LIST, decisionListId: list.id },
        data: { state: ApplicationState.REVIEWED, decision: null, decisionReason: null, decisionListId: null },
      });
      if (moved.count !== applicationIds.length) throw PublicityErrors.concurrentChange();
      await tx.decisionListEntry.deleteMany({ where: { decisionListId: list.id } });
      if (applicationIds.length > 0) {
        await this.outbox.append(tx, DecisionListWithdrawn, { decisionListId: list.id, batchId: list.batchId, applicationIds, reason, withdrawnAt: now.toISOString() }, meta);
      }
      const saved = await tx.decisionList.findUniqueOrThrow({ where: { id: list.id } });
      return {
        result: toDecisionListView(saved, applicationIds),
        detail: { batchId: list.batchId, applicationIds, contentHash: list.contentHash, reason },
      };
    });
  }
}
