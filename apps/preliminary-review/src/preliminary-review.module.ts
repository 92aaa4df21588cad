import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { ReceiveLifecycleConsumer } from './cases/receive-lifecycle.consumer';
import { ReceiveSubmissionsConsumer } from './cases/receive-submissions.consumer';
import { ReadReviewCases } from './cases/read-review-cases';
import { ApprovalSettings } from './decisions/approval-settings';
import { ApproveDecision } from './decisions/approve-decision';
import { DiscardDecisionDraft } from './decisions/discard-decision-draft';
import { DecideApplication } from './decisions/decide-application';
import { ClaimCase } from './queue/claim-case';
import { ListOfficers } from './queue/list-officers';
import { RegisterOfficer } from './queue/register-officer';
import { SearchQueue } from './queue/search-queue';
import { FormalReview } from './review/formal-review';
import { ExportSummary } from './summary/export-summary';
import { ReadPrefectureProgress } from './summary/prefecture-progress';
import { ReadSummary } from './summary/read-summary';
import { SubmitSummary } from './summary/submit-summary';
import { CasesController } from './cases/cases.controller';
import { QueueController } from './queue/queue.controller';
import { ReviewController } from './review/review.controller';
import { DecisionsController } from './decisions/decisions.controller';
import { SummaryController } from './summary/summary.controller';
import { WorkloadController } from './workload/workload.controller';
import { ReadWorkload } from './workload/read-workload';
import { createPrisma } from './prisma';

export function preliminaryReviewModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    controllers: [
      CasesController,
      QueueController,
      ReviewController,
      DecisionsController,
      SummaryController,
      WorkloadController,
      ReceiveSubmissionsConsumer,
      ReceiveLifecycleConsumer,
    ],
    providers: [
      ReadReviewCases,
      SearchQueue,
      ClaimCase,
      ListOfficers,
      RegisterOfficer,
      FormalReview,
      DecideApplication,
      ApproveDecision,
      DiscardDecisionDraft,
      ApprovalSettings,
      SubmitSummary,
      ReadSummary,
      ExportSummary,
      ReadPrefectureProgress,
      ReadWorkload,
    ],
  })
  class PreliminaryReviewModule {}
  return PreliminaryReviewModule;
}
