import { Injectable } from '@nestjs/common';
import { ApplicationState, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { ScoreApplicationV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { assertExpertQualified } from '../commissions/sanctions';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { expertOf, ownAssignment } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';
import { checkRubricScores, reviewProfileOf } from '../reviews/review-rules';
import { AssignmentView, toAssignmentView } from './assignment-view';

/**
 * An assigned expert scores every criterion of the case's rubric (M8.1) with a comment each, a
 * recommendation and an opinion; the stored score is the weighted total. Only after the
 * undertaking (M11.1), only while the assignment is active and the expert qualified (M11.2).
 * Once: scores cannot change afterwards, except while the institution holds a consensus round on
 * the application, when an expert who has scored may revise them until the round is concluded
 * (ADR 0022); each revision is audited with the scores it replaced.
 */
@Injectable()
export class ScoreApplication {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
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
      const round = assignment.scoredAt
        ? await tx.consensusRound.findFirst({ where: { applicationId: input.applicationId, concludedAt: null } })
        : null;
      if (assignment.scoredAt && !round) throw ExpertManagementErrors.alreadyScored();
      assertExpertQualified(assignment.expert, toShanghaiDate(now));
      if (assignment.reviewCase.state !== ApplicationState.UNDER_COMPREHENSIVE_REVIEW) {
        throw ExpertManagementErrors.reviewNotInProgress(assignment.reviewCase.state);
      }
      const { problems, stored, total } = checkRubricScores(reviewProfileOf(this.profiles, assignment.reviewCase).rubric, input.criteria);
      if (problems.length) throw ExpertManagementErrors.rubricInvalid(problems);
      const data = { criterionScores: stored, score: total, recommendation: input.recommendation, opinion: input.opinion.trim(), scoredAt: now };
      const guard = round ? { scoredAt: assignment.scoredAt } : { scoredAt: null };
      const { count } = await tx.assignment.updateMany({ where: { id: assignment.id, status: 'active', ...guard }, data });
      if (count !== 1) throw ExpertManagementErrors.concurrentChange();
      const revised = round
        ? { revisedInRound: round.id, previous: { criterionScores: assignment.criterionScores, score: assignment.score, recommendation: assignment.recommendation } }
        : {};
      return {
        result: toAssignmentView({ ...assignment, ...data }, assignment.expert),
        detail: { score: total, recommendation: input.recommendation, ...revised },
      };
    });
  }
}
