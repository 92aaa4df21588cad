import type { WorkloadV1, WorkspaceHomeV1 } from './common/views/workload-view.v1';
import type { AuditLogPageV1, AuditRecordV1 } from './common/views/audit-views.v1';
import type { AccountSecurityV1, ActorV1, EnterpriseUserV1, HealthReportV1, LivenessV1, LoginResultV1, OfficerAccountV1, ProblemDetailsV1, TotpEnrolmentV1, UploadSessionV1 } from './common/views/http-views.v1';
import type { ApplicantBanViewV1, ExpertDisqualificationViewV1, ExpiryRunV1, InstitutionBanViewV1, RecognitionViewV1 } from './compliance/views/compliance-views.v1';
import type { ComplianceCasePageV1, ComplianceCaseViewV1, PublicSanctionV1, SanctionPageV1, SanctionRecordV1 } from './compliance/views/case-views.v1';
import type { TrackableRecognitionPageV1, TrackingEvaluationPageV1, TrackingEvaluationViewV1 } from './compliance/views/tracking-views.v1';
import type { TrackingSummaryV1 } from './compliance/views/tracking-summary-views.v1';
import type { CommissionEndedV1, InstitutionDetailV1, SanctionSubjectV1 } from './expert-management/views/institution-views.v1';
import type { PanelCandidateViewV1, PanelOverviewV1, PanelRunViewV1 } from './expert-management/views/panel-views.v1';
import type { SiteVisitViewV1 } from './expert-management/views/site-visit-views.v1';
import type { CaseConflictsV1, ExpertConflictsV1, ExpertDetailV1, ExpertImportV1 } from './expert-management/views/pool-views.v1';
import type { AssignmentViewV1, CommissionPageV1, ConsensusRoundViewV1, CommissionViewV1, ExpertPageV1, InstitutionPageV1, ReviewListEntryV1, ReviewPageV1 } from './expert-management/views/review-views.v1';
import type { BatchReportViewV1, ReviewReportViewV1 } from './expert-management/views/report-views.v1';
import type { ApplicationDetailV1, ApplicationPageV1, ApplicationVersionV1, ApplicationViewV1, CheckResultV1, DraftSavedV1, SubmissionReceiptV1 } from './intake/views/application-view.v1';
import type { BatchListEntryV1, BatchViewV1 } from './intake/views/batch-view.v1';
import type { EnterpriseProfileViewV1, EnterpriseViewV1 } from './intake/views/enterprise-view.v1';
import type { DownloadGrantV1, MaterialRemovedV1, MaterialViewV1, UnreferencedObjectsV1, UploadGrantV1 } from './intake/views/material-view.v1';
import type { NotificationInboxV1, NotificationReadV1, NotificationsMarkedReadV1 } from './intake/views/notification-view.v1';
import type { PolicyProfileViewV1 } from './intake/views/policy-profile-view.v1';
import type { CatalogueImportV1, EarlierRecognitionImportV1, EarlierRecognitionViewV1, ScopeCatalogueViewV1 } from './intake/views/reference-import-view.v1';
import type { FormalReviewSheetV1 } from './preliminary-review/views/formal-review-view.v1';
import type { ApprovalSettingV1, OfficerViewV1, QueuePageV1, QueueRowV1, ReviewCaseViewV1 } from './preliminary-review/views/review-case-view.v1';
import type { ExportedFileV1, ProgressViewV1, SummaryViewV1 } from './preliminary-review/views/summary-view.v1';
import type { BatchDecisionViewV1, CalendarViewV1, CalendarYearViewV1, CandidateViewV1, CloseDueResultV1, DecisionListSummaryV1, DecisionListViewV1, PublicNoticeSummaryV1, PublicNoticeV1, PublicRecognitionPageV1, PublicRecognitionViewV1, PublishedListV1, PrefectureRecognitionPageV1, PrefectureExpiryNoticeV1, ExpiryNoticeRunV1, RecognitionHistoryV1, RecognitionVerificationV1, ClosedPublicityV1, IssuingViewV1, RecognitionDocumentViewV1 } from './publicity/views/publicity-views.v1';
import type { DashboardV1 } from './oversight/views/dashboard-views.v1';
import type { ObjectionDetailV1, ObjectionFollowV1, ObjectionReceiptV1, ObjectionSummaryV1, PartyInquiryViewV1 } from './publicity/views/objection-views.v1';

/**
 * Every reply a command or query may send, and the gateway's own HTTP replies, by the name its
 * JSON Schema has in the gateway's OpenAPI document. `npm run generate:replies -w @firstset/contracts`
 * writes the schemas from these types (src/reply-schemas.generated.ts); a test fails when they drift.
 * A list is its own entry (`…ListV1`), so each reply has one name. The contracts name their reply by
 * a key of contract.ts's `ReplyRegistry`, which the declaration at the end fills in from this list
 * (contract.ts imports nothing, so no contract, view or reply list imports back into it in a cycle).
 */
export interface Replies {
  // intake
  BatchViewV1: BatchViewV1;
  BatchListV1: BatchListEntryV1[];
  PolicyProfileListV1: PolicyProfileViewV1[];
  CatalogueImportV1: CatalogueImportV1;
  ScopeCatalogueViewV1: ScopeCatalogueViewV1;
  EarlierRecognitionImportV1: EarlierRecognitionImportV1;
  EarlierRecognitionListV1: EarlierRecognitionViewV1[];
  EnterpriseViewV1: EnterpriseViewV1;
  EnterpriseProfileViewV1: EnterpriseProfileViewV1;
  ApplicationViewV1: ApplicationViewV1;
  DraftSavedV1: DraftSavedV1;
  ApplicationPageV1: ApplicationPageV1;
  ApplicationDetailV1: ApplicationDetailV1;
  ApplicationVersionListV1: ApplicationVersionV1[];
  SubmissionReceiptV1: SubmissionReceiptV1;
  CheckResultV1: CheckResultV1;
  NotificationInboxV1: NotificationInboxV1;
  NotificationReadV1: NotificationReadV1;
  NotificationsMarkedReadV1: NotificationsMarkedReadV1;
  MaterialViewV1: MaterialViewV1;
  MaterialListV1: MaterialViewV1[];
  MaterialRemovedV1: MaterialRemovedV1;
  UploadGrantV1: UploadGrantV1;
  DownloadGrantV1: DownloadGrantV1;
  UnreferencedObjectsV1: UnreferencedObjectsV1;
  // preliminary review
  ReviewCaseViewV1: ReviewCaseViewV1;
  QueueRowListV1: QueueRowV1[];
  QueuePageV1: QueuePageV1;
  OfficerListV1: OfficerViewV1[];
  OfficerViewV1: OfficerViewV1;
  FormalReviewSheetV1: FormalReviewSheetV1;
  ApprovalSettingV1: ApprovalSettingV1;
  SummaryViewV1: SummaryViewV1;
  ExportedFileV1: ExportedFileV1;
  ProgressViewV1: ProgressViewV1;
  // expert management
  CommissionViewV1: CommissionViewV1;
  AssignmentViewV1: AssignmentViewV1;
  ReviewListV1: ReviewListEntryV1[];
  ReviewListEntryV1: ReviewListEntryV1;
  ConsensusRoundViewV1: ConsensusRoundViewV1;
  SiteVisitViewV1: SiteVisitViewV1;
  SiteVisitListV1: SiteVisitViewV1[];
  ReviewReportViewV1: ReviewReportViewV1;
  BatchReportViewV1: BatchReportViewV1;
  BatchReportListV1: BatchReportViewV1[];
  ReviewPageV1: ReviewPageV1;
  ExpertPageV1: ExpertPageV1;
  InstitutionPageV1: InstitutionPageV1;
  CommissionPageV1: CommissionPageV1;
  InstitutionDetailV1: InstitutionDetailV1;
  CommissionEndedV1: CommissionEndedV1;
  SanctionSubjectV1: SanctionSubjectV1;
  PanelRunViewV1: PanelRunViewV1;
  PanelOverviewV1: PanelOverviewV1;
  PanelCandidateListV1: PanelCandidateViewV1[];
  ExpertDetailV1: ExpertDetailV1;
  ExpertImportV1: ExpertImportV1;
  CaseConflictsV1: CaseConflictsV1;
  ExpertConflictsV1: ExpertConflictsV1;
  // publicity
  CandidateListV1: CandidateViewV1[];
  DecisionListViewV1: DecisionListViewV1;
  BatchDecisionViewV1: BatchDecisionViewV1;
  PublicNoticeListV1: PublicNoticeSummaryV1[];
  PublicNoticeV1: PublicNoticeV1;
  DecisionListSummaryListV1: DecisionListSummaryV1[];
  PublishedListV1: PublishedListV1;
  CalendarViewV1: CalendarViewV1;
  CalendarYearViewV1: CalendarYearViewV1;
  PublicRecognitionPageV1: PublicRecognitionPageV1;
  PublicRecognitionViewV1: PublicRecognitionViewV1;
  RecognitionVerificationV1: RecognitionVerificationV1;
  RecognitionHistoryV1: RecognitionHistoryV1;
  CloseDueResultV1: CloseDueResultV1;
  ClosedPublicityV1: ClosedPublicityV1;
  RecognitionDocumentViewV1: RecognitionDocumentViewV1;
  IssuingListV1: IssuingViewV1[];
  ObjectionReceiptV1: ObjectionReceiptV1;
  ObjectionFollowV1: ObjectionFollowV1;
  ObjectionSummaryListV1: ObjectionSummaryV1[];
  ObjectionDetailV1: ObjectionDetailV1;
  PartyInquiryViewV1: PartyInquiryViewV1;
  PartyInquiryListV1: PartyInquiryViewV1[];
  PrefectureRecognitionPageV1: PrefectureRecognitionPageV1;
  PrefectureExpiryNoticeListV1: PrefectureExpiryNoticeV1[];
  ExpiryNoticeRunV1: ExpiryNoticeRunV1;
  // oversight (ADR 0029)
  DashboardV1: DashboardV1;
  // compliance
  ComplianceCaseViewV1: ComplianceCaseViewV1;
  ComplianceCasePageV1: ComplianceCasePageV1;
  SanctionRecordV1: SanctionRecordV1;
  SanctionPageV1: SanctionPageV1;
  PublicSanctionListV1: PublicSanctionV1[];
  RecognitionListV1: RecognitionViewV1[];
  ApplicantBanListV1: ApplicantBanViewV1[];
  InstitutionBanListV1: InstitutionBanViewV1[];
  ExpertDisqualificationListV1: ExpertDisqualificationViewV1[];
  ExpiryRunV1: ExpiryRunV1;
  TrackingEvaluationViewV1: TrackingEvaluationViewV1;
  TrackingEvaluationPageV1: TrackingEvaluationPageV1;
  TrackableRecognitionPageV1: TrackableRecognitionPageV1;
  TrackingSummaryV1: TrackingSummaryV1;
  // every service's workload (workspace home)
  WorkloadV1: WorkloadV1;
  // the gateway's own (HTTP only)
  WorkspaceHomeV1: WorkspaceHomeV1;
  LoginResultV1: LoginResultV1;
  ActorV1: ActorV1;
  EnterpriseUserV1: EnterpriseUserV1;
  EnterpriseUserListV1: EnterpriseUserV1[];
  UploadSessionV1: UploadSessionV1;
  LivenessV1: LivenessV1;
  HealthReportV1: HealthReportV1;
  AuditRecordListV1: AuditRecordV1[];
  AuditLogPageV1: AuditLogPageV1;
  ProblemDetailsV1: ProblemDetailsV1;
  AccountSecurityV1: AccountSecurityV1;
  TotpEnrolmentV1: TotpEnrolmentV1;
  OfficerAccountV1: OfficerAccountV1;
  OfficerAccountListV1: OfficerAccountV1[];
}

declare module './contract' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the registry is this list
  interface ReplyRegistry extends Replies {}
}
