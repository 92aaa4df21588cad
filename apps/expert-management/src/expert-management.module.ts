import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { AcceptAssignment } from './assignments/accept-assignment';
import { AssignExpert } from './assignments/assign-expert';
import { ScoreApplication } from './assignments/score-application';
import { RecuseAssignment } from './assignments/recuse-assignment';
import { CallConsensusRound } from './consensus/call-consensus-round';
import { ConcludeConsensusRound } from './consensus/conclude-consensus-round';
import { ConsensusController } from './consensus/consensus.controller';
import { ReadReview } from './reviews/read-review';
import { AssignmentsController } from './assignments/assignments.controller';
import { CommissionInstitution } from './commissions/commission-institution';
import { ReadCommissions } from './commissions/read-commissions';
import { CommissionsController } from './commissions/commissions.controller';
import { SanctionsConsumer } from './commissions/sanctions.consumer';
import { ReadExpertPool } from './experts/read-expert-pool';
import { ExpertsController } from './experts/experts.controller';
import { CompleteReview } from './reviews/complete-review';
import { ReadReviews } from './reviews/read-reviews';
import { SearchReviews } from './reviews/search-reviews';
import { ReviewStarter } from './reviews/review-starter';
import { ReviewsController } from './reviews/reviews.controller';
import { ReceiveRecommendationsConsumer } from './reviews/receive-recommendations.consumer';
import { createPrisma } from './prisma';

export function expertManagementModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    controllers: [
      CommissionsController,
      AssignmentsController,
      ExpertsController,
      ReviewsController,
      ConsensusController,
      SanctionsConsumer,
      ReceiveRecommendationsConsumer,
    ],
    providers: [
      ReviewStarter,
      CommissionInstitution,
      AssignExpert,
      AcceptAssignment,
      ScoreApplication,
      RecuseAssignment,
      CallConsensusRound,
      ConcludeConsensusRound,
      ReadReview,
      CompleteReview,
      ReadReviews,
      SearchReviews,
      ReadExpertPool,
      ReadCommissions,
    ],
  })
  class ExpertManagementModule {}
  return ExpertManagementModule;
}
