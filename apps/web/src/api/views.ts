// Response shapes. The gateway's OpenAPI describes requests (bodies, paths, queries: see
// generated/schema.d.ts) but not its responses yet, so these mirror the services' view types
// (apps/intake, apps/preliminary-review, apps/publicity); the browser test exercises them.

export type Role = 'enterprise' | 'prefecture_officer' | 'department_officer' | 'institution_staff' | 'expert' | 'auditor';

export interface Actor {
  userId: string;
  role: Role;
  displayName?: string;
  prefectureId?: string;
  enterpriseUscc?: string;
  institutionId?: string;
  expertId?: string;
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
  actor: Actor;
}

export interface Label {
  zh: string;
  en: string;
}

export interface Batch {
  id: string;
  year: number;
  name: string;
  windowOpensAt: string;
  windowClosesAt: string;
  prefectureDeadline: string;
}

export interface EnterpriseProfile {
  uscc: string;
  name: string;
  registeredAddress: string;
  addressDivisionCode: string;
  prefectureId: string;
  prefectureName: string;
}

export interface HistoryEntry {
  fromState: string | null;
  toState: string;
  action: string;
  actorRole: string;
  reason: string | null;
  occurredAt: string;
}

export interface Application {
  id: string;
  applicationNo: string;
  batchId: string;
  productKind: string;
  productName: string;
  series: string;
  model: string;
  rdCompletedOn: string;
  state: string;
  stateLabel: Label;
  submittedAt: string | null;
  history?: HistoryEntry[];
}

export interface QueueRow {
  applicationId: string;
  applicationNo: string;
  batchId: string;
  enterprise: { uscc: string; name: string };
  product: { kind: string; name: string; series: string; model: string };
  state: string;
  stateLabel: Label;
  receivedAt: string;
  waitingDays: number;
  resubmitted: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PrefectureProgress {
  prefectureId: string;
  prefectureName: string;
  received: number;
  inReview: number;
  returned: number;
  rejected: number;
  recommended: number;
  withdrawn: number;
  summarySubmittedAt: string | null;
  late: boolean;
}

export interface ProgressView {
  batchId: string;
  prefectureDeadline: string;
  prefectures: PrefectureProgress[];
}

export interface SummaryView {
  batchId: string;
  status: 'SUBMITTED' | 'DRAFT';
  entries: Array<{ applicationId: string }>;
}

export interface PublicRecognition {
  enterpriseName: string;
  product: { kind: string; name: string; series: string; model: string };
  documentNo: string;
  documentDate: string;
  validFrom: string;
  validUntil: string;
}

export interface CalendarView {
  years: Array<{ year: number; confirmed: boolean; source: string; confirmedAt: string | null }>;
  entries: Array<{ date: string; kind: string; nameZh: string }>;
}

// application form
// The draft form (issue 6): the application with its revision and draft fields, the
// pre-submission check and the materials, as intake's views send them.

export interface FirstSale {
  date: string;
  customer: string;
  contractNo?: string;
}

export interface PerformanceIndicator {
  name: string;
  value: string;
  domestic?: string;
  foreign?: string;
}

export interface IpRight {
  kind: 'invention_patent' | 'utility_model' | 'design_patent' | 'software_copyright' | 'trademark' | 'other';
  number: string;
  title: string;
  basis: 'owned' | 'assigned_ownership' | 'assigned_use_right' | 'none';
}

export interface SalesYear {
  year: number;
  units: number;
  revenueWanYuan: number;
}

export type Declarations = Partial<Record<string, boolean | string | string[]>>;

export interface DraftFields {
  catalogueEntryCode?: string;
  catalogueVersion?: string;
  firstSale?: FirstSale;
  innovationPoints?: string[];
  performanceIndicators?: PerformanceIndicator[];
  ipList?: IpRight[];
  sales?: SalesYear[];
  declarations?: Declarations;
}

export interface ApplicationDraft extends Application {
  version: number;
  revision: number;
  draft: DraftFields;
  correction: { items: Array<{ item: string; reason: string }>; deadline: string; answers?: Array<{ item: string; answer: string }> } | null;
  /** In the reply to a submission or resubmission: the receipt's content hash. */
  contentSha256?: string;
}

export interface CheckProblem {
  code: string;
  severity: 'blocking' | 'warning';
  measuresId: string;
  field?: string;
  slotId?: string;
  message: string;
  messageEn: string;
}

export interface ChecklistSlot {
  slotId: string;
  item: number;
  nameZh: string;
  nameEn: string;
  required: boolean;
  condition: string;
  measuresIds: string[];
}

export interface CheckResult {
  canSubmit: boolean;
  problems: CheckProblem[];
  materials: ChecklistSlot[];
}

export interface Material {
  id: string;
  slotId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  sm3: string | null;
  uploadedAt: string;
}

export interface UploadSession {
  uploadId: string;
  offset: number;
  length: number;
}

// review screen: the preliminary-review case, its formal review sheet and the application's files
// (apps/preliminary-review/src/cases/review-case-view.ts, review/formal-review.ts; intake's MaterialView).

export interface ReviewFlag {
  code: string;
  measuresId: string;
  field?: string;
  message: string;
}

export interface ReviewCredit {
  source: string;
  seriousDishonesty?: boolean;
  abnormalOperations?: boolean;
  checkedAt: string;
  reference?: string;
  note?: string;
  verifyCreditReport: boolean;
}

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export type DecisionKind = 'RETURN' | 'REJECT' | 'RECOMMEND';

export interface DraftedDecision {
  kind: DecisionKind;
  items?: Array<{ item: string; reason: string }>;
  deadline?: string;
  measuresIds?: string[];
  reason?: string;
  opinion?: string;
}

export interface DraftDiscarded {
  kind: DecisionKind;
  how: 'WITHDRAWN_BY_DRAFTER' | 'SENT_BACK_BY_APPROVER';
  draftedBy?: string;
  draftedAt?: string | null;
  by: string;
  byName: string | null;
  at: string;
  reason: string;
}

export interface ReviewCase {
  applicationId: string;
  applicationNo: string;
  batchId: string;
  prefectureId: string;
  enterprise: { uscc: string; name: string; registeredAddress: string };
  product: { kind: string; name: string; series: string; model: string; catalogueEntryCode: string | null; rdCompletedOn: string };
  state: string;
  stateLabel: Label;
  receivedAt: string;
  waitingDays: number;
  resubmitted: boolean;
  assigneeId: string | null;
  draftKind: DecisionKind | null;
  flagCount: number;
  credit: ReviewCredit | null;
  flags: ReviewFlag[];
  applicationVersion: number;
  version: number;
  opinion: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  previousVersion: number | null;
  changes: FieldChange[] | null;
  assignedBy: string | null;
  assignedAt: string | null;
  correction: { items: Array<{ item: string; reason: string }> | null; deadline: string | null; answers: Array<{ item: string; answer: string }> };
  decisionReason: string | null;
  measuresIds: string[];
  withdrawnAt: string | null;
  draft: { kind: DecisionKind; payload: DraftedDecision | null; draftedBy: string | null; draftedAt: string | null } | null;
  approvedBy: string | null;
  draftDiscarded: DraftDiscarded | null;
}

export interface MaterialVerdict {
  slotId: string;
  present: boolean;
  legible: boolean;
  valid: boolean;
  qualifiedInstitution: boolean | null;
  consistent: boolean;
  comment: string | null;
  reviewedBy: string;
  reviewedAt: string;
}

export interface ChecklistItem {
  slotId: string;
  /** The numbered item (1–8) of M7.4. */
  item: number;
  nameZh: string;
  nameEn: string;
  required: boolean;
  condition: string;
  measuresIds: string[];
  conditionUnknown: boolean;
  qualifiedInstitutionRequired: boolean;
  verdict: MaterialVerdict | null;
  passed: boolean | null;
}

export interface VerificationAction {
  id: string;
  kind: 'ORIGINALS_CHECKED' | 'SITE_VISIT';
  note: string;
  performedOn: string;
  recordedBy: string;
  recordedAt: string;
}

export interface FormalReviewSheet {
  case: ReviewCase;
  items: ChecklistItem[];
  verifications: VerificationAction[];
}

export interface MaterialFile {
  id: string;
  slotId: string;
  fileName: string;
  /** The file type by content: pdf, ofd, jpg, png, docx, xlsx. */
  mediaType: string;
  size: number;
  sha256: string;
  sm3: string | null;
  uploadedAt: string;
}

export interface ApprovalSetting {
  prefectureId: string;
  twoStepApproval: boolean;
}
