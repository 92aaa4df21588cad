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
import { CaseHandover } from './commissions/case-handover';
import { EndCommission } from './commissions/end-commission';
import { InstitutionsController } from './institutions/institutions.controller';
import { ReadInstitution } from './institutions/read-institution';
import { RegisterInstitution } from './institutions/register-institution';
import { UpdateInstitution } from './institutions/update-institution';
import { ReadExpertPool } from './experts/read-expert-pool';
import { ExpertsController } from './experts/experts.controller';
import { AddExpert } from './experts/add-expert';
import { UpdateExpert } from './experts/update-expert';
import { AddExpertTie } from './experts/add-expert-tie';
import { RemoveExpertTie } from './experts/remove-expert-tie';
import { ImportExperts } from './experts/import-experts';
import { ExpertTemplate } from './experts/expert-template';
import { BindExpertAccount } from './experts/bind-expert-account';
import { ReadExpert } from './experts/read-expert';
import { IDENTITY_KEY } from './experts/identity-key';
import { ConflictsController } from './conflicts/conflicts.controller';
import { ReadCaseConflicts, ReadExpertConflicts } from './conflicts/read-conflicts';
import { RecordConflict } from './conflicts/record-conflict';
import { loadIdentityKey } from './config';
import { ReadReviews } from './reviews/read-reviews';
import { SearchReviews } from './reviews/search-reviews';
import { ReviewStarter } from './reviews/review-starter';
import { ReviewsController } from './reviews/reviews.controller';
import { WorkloadController } from './workload/workload.controller';
import { ReadWorkload } from './workload/read-workload';
import { ReceiveRecommendationsConsumer } from './reviews/receive-recommendations.consumer';
import { ReceiveWithdrawalsConsumer } from './reviews/receive-withdrawals.consumer';
import { AdjustPanelSeat } from './panels/adjust-panel-seat';
import { ConfirmPanelRun } from './panels/confirm-panel-run';
import { PanelsController } from './panels/panels.controller';
import { ProposePanels } from './panels/propose-panels';
import { ReadPanels } from './panels/read-panels';
import { createPrisma } from './prisma';
import { AnswerSiteFinding } from './site-visits/answer-site-finding';
import { CancelSiteVisit } from './site-visits/cancel-site-visit';
import { ConcludeSiteVisit } from './site-visits/conclude-site-visit';
import { ReadSiteVisits } from './site-visits/read-site-visits';
import { RecordSiteFinding } from './site-visits/record-site-finding';
import { ScheduleSiteVisit, UpdateSiteVisit } from './site-visits/schedule-site-visit';
import { SiteEvidence } from './site-visits/site-evidence';
import { SiteVisitsController } from './site-visits/site-visits.controller';
import { ReadBatchReports, SaveBatchReport, SignOffBatchReport } from './reports/batch-reports';
import { ExportReports } from './reports/export-reports';
import { ReadReviewReport } from './reports/read-review-report';
import { ReportsController } from './reports/reports.controller';
import { SaveReviewReport } from './reports/save-review-report';
import { SignOffReviewReport } from './reports/sign-off-review-report';

export function expertManagementModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    controllers: [
      CommissionsController,
      AssignmentsController,
      ExpertsController,
      ConflictsController,
      ReviewsController,
      WorkloadController,
      ConsensusController,
      SanctionsConsumer,
      ReceiveRecommendationsConsumer,
      ReceiveWithdrawalsConsumer,
      InstitutionsController,
      PanelsController,
      SiteVisitsController,
      ReportsController,
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
      ReadReviews,
      SearchReviews,
      ReadWorkload,
      ReadExpertPool,
      ReadExpert,
      AddExpert,
      UpdateExpert,
      AddExpertTie,
      RemoveExpertTie,
      ImportExperts,
      ExpertTemplate,
      BindExpertAccount,
      ReadCaseConflicts,
      ReadExpertConflicts,
      RecordConflict,
      { provide: IDENTITY_KEY, useFactory: () => loadIdentityKey() },
      ReadCommissions,
      CaseHandover,
      EndCommission,
      RegisterInstitution,
      UpdateInstitution,
      ReadInstitution,
      ProposePanels,
      AdjustPanelSeat,
      ConfirmPanelRun,
      ReadPanels,
      ScheduleSiteVisit,
      UpdateSiteVisit,
      CancelSiteVisit,
      RecordSiteFinding,
      ConcludeSiteVisit,
      AnswerSiteFinding,
      SiteEvidence,
      ReadSiteVisits,
      ReadReviewReport,
      SaveReviewReport,
      SignOffReviewReport,
      ReadBatchReports,
      SaveBatchReport,
      SignOffBatchReport,
      ExportReports,
    ],
  })
  class ExpertManagementModule {}
  return ExpertManagementModule;
}
