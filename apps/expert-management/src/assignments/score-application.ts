import { Injectable } from '@nestjs/common';
import { ApplicationState, toShanghaiDate } from '@firstset/domain';
import { ScoreApplicationV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { assertExpertQualified } from '../commissions/sanctions';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { expertOf, ownAssignment } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';
import { AssignmentView, toAssignmentView } from './assignment-view';

/**
 * An assigned expert scores the application with an opinion: only after accepting the
 * confidentiality undertaking (M11.1), only while qualified (M11.2), once.
 */
@Injectable()
export class ScoreApplication {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: ScoreApplicationV1, meta: MessageMeta): Promise<AssignmentView> {
    const actor = requireActor(meta, ['expert']);
    const expertId = expertOf(actor);
    const spec = { action: 'review.score', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await lockCase(tx, input.applicationId);
      const assignment = await ownAssignment(tx, input.applicationId, expertId);
      if (!assignment.acceptedAt) throw ExpertManagementErrors.undertakingRequired();
      if (assignment.scoredAt) throw ExpertManagementErrors.alreadyScored();
      assertExpertQualified(assignment.expert, toShanghaiDate(now));
      if (assignment.reviewCase.state !== ApplicationState.UNDER_COMPREHENSIVE_REVIEW) {
        throw ExpertManagementErrors.reviewNotInProgress(assignment.reviewCase.state);
      }
      const data = { score: input.score, opinion: input.opinion, scoredAt: now };
      const { count } = await tx.assignment.updateMany({ where: { id: assignment.id, scoredAt: null }, data });
      if (count !== 1) throw ExpertManagementErrors.alreadyScored();
      return { result: toAssignmentView({ ...assignment, ...data }, assignment.expert), detail: { score: input.score } };
    });
  }
}
