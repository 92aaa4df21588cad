import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { ReceiveSubmissionsConsumer } from './cases/receive-submissions.consumer';
import { ReadReviewCases } from './cases/read-review-cases';
import { RecommendApplication } from './cases/recommend-application';
import { PreliminaryReviewHandlers } from './preliminary-review.handlers';
import { createPrisma } from './prisma';

export function preliminaryReviewModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    providers: [ReceiveSubmissionsConsumer, ReadReviewCases, RecommendApplication, PreliminaryReviewHandlers],
  })
  class PreliminaryReviewModule {}
  return PreliminaryReviewModule;
}
