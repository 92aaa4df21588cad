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
