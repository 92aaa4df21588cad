import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { AcceptAssignment } from './assignments/accept-assignment';
import { AssignExpert } from './assignments/assign-expert';
import { ScoreApplication } from './assignments/score-application';
import { CommissionInstitution } from './commissions/commission-institution';
import { CompleteReview } from './reviews/complete-review';
import { ReadCommissions } from './commissions/read-commissions';
import { ReadExpertPool } from './experts/read-expert-pool';
import { ReadReviews } from './reviews/read-reviews';
import { SearchReviews } from './reviews/search-reviews';
import { ReceiveRecommendationsConsumer } from './reviews/receive-recommendations.consumer';
import { ReviewStarter } from './reviews/review-starter';
import { ExpertManagementHandlers } from './expert-management.handlers';
import { SanctionsConsumer } from './commissions/sanctions.consumer';
import { createPrisma } from './prisma';

export function expertManagementModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    providers: [
      SanctionsConsumer,
      ReviewStarter,
      ReceiveRecommendationsConsumer,
      CommissionInstitution,
      AssignExpert,
      AcceptAssignment,
      ScoreApplication,
      CompleteReview,
      ReadReviews,
      SearchReviews,
      ReadExpertPool,
      ReadCommissions,
      ExpertManagementHandlers,
    ],
  })
  class ExpertManagementModule {}
  return ExpertManagementModule;
}
