import { Injectable } from '@nestjs/common';
import { AssignmentEnded, RecuseAssignmentV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { expertOf, ownAssignment } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';
import { AssignmentView, toAssignmentView } from './assignment-view';

/**
 * The expert withdraws from an assignment with a reason (M11.1; the undertaking promises they
 * will): at any time before their scores are in, accepted or not. The assignment ends ('recused',
 * with its time and reason) and no longer counts; intake revokes the expert's access on the
 * event; the institution assigns a replacement. After scoring it is refused (409).
 */
@Injectable()
export class RecuseAssignment {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  execute(input: RecuseAssignmentV1, meta: MessageMeta): Promise<AssignmentView> {
    const actor = requireActor(meta, ['expert']);
    const expertId = expertOf(actor);
    const spec = { action: 'assignment.recuse', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await lockCase(tx, input.applicationId);
      const assignment = await ownAssignment(tx, input.applicationId, expertId);
      if (assignment.scoredAt) throw ExpertManagementErrors.recusalAfterScoring();
      const reason = input.reason.trim();
      const data = { status: 'recused', endedAt: now, endReason: reason };
      const { count } = await tx.assignment.updateMany({ where: { id: assignment.id, status: 'active', scoredAt: null }, data });
      if (count !== 1) throw ExpertManagementErrors.concurrentChange();
      await this.outbox.append(
        tx,
        AssignmentEnded,
        { applicationId: input.applicationId, expertId, cause: 'recused', reason, endedAt: now.toISOString() },
        meta,
      );
      return { result: toAssignmentView({ ...assignment, ...data }, assignment.expert), detail: { reason, wasAccepted: assignment.acceptedAt !== null } };
    });
  }
}
