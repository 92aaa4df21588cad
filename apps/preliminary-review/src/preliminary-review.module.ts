import { Module } from '@nestjs/common';
import { streamSpecs } from '@firstset/contracts';
import { MessagingModule } from '@firstset/messaging';
import { PRISMA, prismaTransactionRunner, ServiceConfig, ServiceKitModule } from '@firstset/service-kit';
import { ReceiveSubmissionsConsumer } from './cases/receive-submissions.consumer';
import { ReadReviewCases } from './cases/read-review-cases';
import { RecommendApplication } from './cases/recommend-application';
import { PreliminaryReviewHandlers } from './preliminary-review.handlers';
import { createPrisma, Db } from './prisma';

export function preliminaryReviewModule(config: ServiceConfig) {
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
    providers: [ReceiveSubmissionsConsumer, ReadReviewCases, RecommendApplication, PreliminaryReviewHandlers],
  })
  class PreliminaryReviewModule {}
  return PreliminaryReviewModule;
}
