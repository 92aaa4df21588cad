// Response shapes, by the names the pages use: each is the gateway's OpenAPI schema (generated/
// schema.d.ts), which is generated from the reply type in packages/contracts that the service is
// compiled against. Nothing here is written by hand; regenerate with `npm run generate:api`.
import type { components, paths } from './generated/schema';

type S = components['schemas'];

/** A GET's query parameters, as the gateway documents them from the route's query DTO. */
export type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

export type Role = S['RoleV1'];
export type Actor = S['ActorV1'];
export type LoginResult = S['LoginResultV1'];
export type PendingStep = S['PendingStepV1'];
export type AccountSecurity = S['AccountSecurityV1'];
export type TotpEnrolment = S['TotpEnrolmentV1'];
export type OfficerAccount = S['OfficerAccountV1'];
export type Label = S['LabelV1'];

/** A batch as listed (with its window changes) or as one command answers (without). */
export type Batch = S['BatchViewV1'] & Partial<Pick<S['BatchListEntryV1'], 'windowChanges'>>;
/** The enterprise as registered (PUT /enterprise/profile answers this, without the profile). */
export type Enterprise = S['EnterpriseViewV1'];
export type EnterpriseProfile = S['EnterpriseProfileViewV1'];
export type HistoryEntry = S['ApplicationHistoryEntryV1'];
export type Application = S['ApplicationViewV1'];
export type ApplicationPage = S['ApplicationPageV1'];
export type ApplicationDetail = S['ApplicationDetailV1'];

export type QueueRow = S['QueueRowV1'];
export type QueueSearchPage = S['QueuePageV1'];
export type PrefectureProgress = S['PrefectureProgressV1'];
export type ProgressView = S['ProgressViewV1'];
export type SummaryView = S['SummaryViewV1'];
export type PublicRecognition = S['PublicRecognitionViewV1'];
export type PublicRecognitionPage = S['PublicRecognitionPageV1'];
export type RecognitionVerification = S['RecognitionVerificationV1'];
export type RecognitionHistory = S['RecognitionHistoryV1'];
export type PublicNotice = S['PublicNoticeV1'];
export type PublicNoticeSummary = S['PublicNoticeSummaryV1'];
export type BatchDecision = S['BatchDecisionViewV1'];
export type CalendarView = S['CalendarViewV1'];

// application form: the draft fields are the request DTOs' schemas (the same shapes go both ways)
export type FirstSale = S['FirstSaleV1'];
export type PerformanceIndicator = S['PerformanceIndicatorV1'];
export type IpRight = S['IpRightV1'];
export type SalesYear = S['SalesYearV1'];
export type Declarations = S['DeclarationsV1'];
export type DraftFields = S['ApplicationDraftFieldsV1'];
/** The application with its revision and draft fields: what the form edits. */
export type ApplicationDraft = S['ApplicationViewV1'];
export type CheckProblem = S['CheckProblemV1'];
export type ChecklistSlot = S['ChecklistSlotV1'];
export type CheckResult = S['CheckResultV1'];
export type SlotApplicability = S['SlotApplicabilityV1'];
export type SignedPledge = S['SignedPledgeViewV1'];
export type Material = S['MaterialViewV1'];
export type UploadSession = S['UploadSessionV1'];

// review screen
export type ReviewFlag = S['ReviewFlagV1'];
export type ReviewCredit = S['ReviewCreditV1'];
export type FieldChange = S['FieldChangeV1'];
export type DecisionKind = S['DecisionKindV1'];
export type DraftedDecision = S['DraftedDecisionV1'];
export type DraftDiscarded = S['DraftDiscardedV1'];
export type ReviewCase = S['ReviewCaseViewV1'];
export type MaterialVerdict = S['MaterialVerdictV1'];
export type ChecklistItem = S['CaseChecklistItemV1'];
export type VerificationAction = S['VerificationActionV1'];
export type FormalReviewSheet = S['FormalReviewSheetV1'];
export type CaseCondition = S['CaseConditionV1'];
export type OpenReviewItem = S['OpenReviewItemV1'];
export type MaterialFile = S['MaterialViewV1'];
export type ApprovalSetting = S['ApprovalSettingV1'];

// policy profiles (M15)
export type PolicyProfile = S['PolicyProfileViewV1'];

// reference data (M4.3 catalogue, M6.4 earlier recognitions)
export type ScopeCatalogueView = S['ScopeCatalogueViewV1'];
export type CatalogueImport = S['CatalogueImportV1'];
export type EarlierRecognitionImport = S['EarlierRecognitionImportV1'];
export type EarlierRecognition = S['EarlierRecognitionViewV1'];
export type WorkloadItem = S['WorkloadItemV1'];
export type WorkspaceHomeSection = S['WorkspaceHomeSectionV1'];
