import { Injectable } from '@nestjs/common';
import { ApplicationState, toShanghaiDate } from '@firstset/domain';
import { ApplicationRefDto, AssignmentAccepted } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { assertExpertQualified } from '../commissions/sanctions';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { expertOf, ownAssignment } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';
import { AssignmentView, toAssignmentView } from './assignment-view';

/**
 * The assigned expert accepts the assignment and signs the confidentiality undertaking, with its
 * time (M11.1): only then may they read the application and score it (the acceptance goes out as
 * an event; intake then lets the expert download the materials). Accepting again changes nothing:
 * the first acceptance stands.
 */
@Injectable()
export class AcceptAssignment {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  execute(input: ApplicationRefDto, meta: MessageMeta): Promise<AssignmentView> {
    const actor = requireActor(meta, ['expert']);
    const expertId = expertOf(actor);
    const spec = { action: 'assignment.accept', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await lockCase(tx, input.applicationId);
      const assignment = await ownAssignment(tx, input.applicationId, expertId);
      if (assignment.acceptedAt) return { result: toAssignmentView(assignment, assignment.expert), detail: { alreadyAccepted: true } };
      assertExpertQualified(assignment.expert, toShanghaiDate(now));
      if (assignment.reviewCase.state !== ApplicationState.UNDER_COMPREHENSIVE_REVIEW) {
        throw ExpertManagementErrors.reviewNotInProgress(assignment.reviewCase.state);
      }
      const { count } = await tx.assignment.updateMany({ where: { id: assignment.id, acceptedAt: null }, data: { acceptedAt: now } });
      if (count !== 1) throw ExpertManagementErrors.concurrentChange();
      // Intake opens the application's materials to this expert (and to no one else of the pool).
      await this.outbox.append(
        tx,
        AssignmentAccepted,
        { applicationId: input.applicationId, expertId, institutionId: assignment.expert.institutionId, acceptedAt: now.toISOString() },
        meta,
      );
      return {
        result: toAssignmentView({ ...assignment, acceptedAt: now }, assignment.expert),
        detail: { confidentialityUndertakingAcceptedAt: now.toISOString() },
      };
    });
  }
}
