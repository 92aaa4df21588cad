import { Module } from '@nestjs/common';
import { streamSpecs } from '@firstset/contracts';
import { MessagingModule } from '@firstset/messaging';
import { PRISMA, prismaTransactionRunner, ServiceConfig, ServiceKitModule } from '@firstset/service-kit';
import { AcceptAssignment } from './assignments/accept-assignment';
import { AssignExpert } from './assignments/assign-expert';
import { ScoreApplication } from './assignments/score-application';
import { CommissionInstitution } from './commissions/commission-institution';
import { CompleteReview } from './reviews/complete-review';
import { ReadReviews } from './reviews/read-reviews';
import { ReceiveRecommendationsConsumer } from './reviews/receive-recommendations.consumer';
import { ReviewStarter } from './reviews/review-starter';
import { ExpertManagementHandlers } from './expert-management.handlers';
import { createPrisma, Db } from './prisma';

export function expertManagementModule(config: ServiceConfig) {
  @Module({
    imports: [
      ServiceKitModule.forRoot({ config, createPrisma }),
      MessagingModule.forRootAsync({
        inject: [PRISMA],
        useFactory: (prisma: Db) => ({
          serviceName: config.serviceName,
          natsUrl: config.natsUrl,
          namespace: config.natsNamespace,
          dbSchema: config.dbSchema,
          streams: streamSpecs(),
          transactionRunner: prismaTransactionRunner(prisma),
        }),
      }),
    ],
    providers: [
      ReviewStarter,
      ReceiveRecommendationsConsumer,
      CommissionInstitution,
      AssignExpert,
      AcceptAssignment,
      ScoreApplication,
      CompleteReview,
      ReadReviews,
      ExpertManagementHandlers,
    ],
  })
  class ExpertManagementModule {}
  return ExpertManagementModule;
}
