import type { DecisionListViewV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicationAction, ApplicationState, toShanghaiDate, transition } from '@firstset/domain';
import { DecideListV1, DecisionListed } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { PublicityErrors } from '../publicity.errors';
import { Tx } from '../prisma';

export type DecisionListView = DecisionListViewV1;

/**
 * The Department decides the recognition list from the expert opinions (M9.1). Every application
 * must be a reviewed candidate of the batch, or nothing changes and the offending ids are named.
 */
@Injectable()
export class DecideList {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: DecideListV1, meta: MessageMeta): Promise<DecisionListView> {
    const actor = requireActor(meta, ['department_officer']);
    const id = randomUUID();
    const spec = { action: 'decision-list.create', objectType: 'decision-list', objectId: id };
    return this.commands.run(meta, spec, async (tx) => {
      const ids = input.applicationIds;
      const candidates = await tx.candidate.findMany({ where: { applicationId: { in: ids } } });
      const ok = new Set(
        candidates
          .filter((c) => c.batchId === input.batchId && c.state === ApplicationState.REVIEWED)
          .map((c) => c.applicationId),
      );
      const offending = ids.filter((a) => !ok.has(a));
      if (offending.length > 0) throw PublicityErrors.notReviewedCandidates(offending);
      const { to } = domainRule(() =>
        transition(ApplicationState.REVIEWED, ApplicationAction.placeOnDecisionList, 'department_officer'),
      );
      // Compare-and-set: a candidate placed on another list meanwhile makes the count short.
      const { count } = await tx.candidate.updateMany({
        where: { applicationId: { in: ids }, state: ApplicationState.REVIEWED },
        data: { state: to },
      });
      if (count !== ids.length) throw PublicityErrors.concurrentChange();
      const decidedOn = toShanghaiDate(this.clock.now());
      await tx.decisionList.create({
        data: { id, batchId: input.batchId, status: 'DECIDED', decidedOn, decidedBy: actor.userId },
      });
      await tx.decisionListEntry.createMany({
        data: ids.map((applicationId) => ({ id: randomUUID(), decisionListId: id, applicationId })),
      });
      await this.outbox.append(tx, DecisionListed, { decisionListId: id, batchId: input.batchId, applicationIds: ids }, meta);
      return {
        result: { id, batchId: input.batchId, status: 'DECIDED', decidedOn, applicationIds: ids },
        detail: { applications: ids.length },
      };
    });
  }
}
