import type { LabelV1 } from '../common/views.v1';
import type { DeclarationsV1, FirstSaleV1, IpRightV1, PerformanceIndicatorV1, SalesYearV1 } from './application-draft.v1';

/** The autosaved form beyond the application's columns (kept as JSON in intake's `applications.draft`). */
export interface ApplicationDraftFieldsV1 {
  catalogueEntryCode?: string;
  catalogueVersion?: string;
  firstSale?: FirstSaleV1;
  innovationPoints?: string[];
  performanceIndicators?: PerformanceIndicatorV1[];
  ipList?: IpRightV1[];
  sales?: SalesYearV1[];
  declarations?: DeclarationsV1;
}

/** One step of an application's life: who moved it from which state to which, and why. */
export interface ApplicationHistoryEntryV1 {
  fromState: string | null;
  toState: string;
  action: string;
  actorRole: string;
  reason: string | null;
  occurredAt: string;
}

/** The prefecture's request for correction (M7.3), kept once resubmitted. */
export interface ApplicationCorrectionV1 {
  items: Array<{ item: string; reason: string }>;
  /** Local date (China time) by which the enterprise resubmits. */
  deadline: string;
  returnedBy: string;
  returnedAt: string;
  /** The enterprise's answer to each item, saved with the draft and sent with the resubmission. */
  answers?: Array<{ item: string; answer: string }>;
  resubmittedAt?: string;
  resubmittedVersion?: number;
}

/** Why the prefecture rejected the application, with the articles. */
export interface ApplicationRejectionV1 {
  reason: string;
  measuresIds: string[];
  rejectedBy: string;
  rejectedAt: string;
}

/** An application as intake shows it to the enterprise and the agencies that may read it. */
export interface ApplicationViewV1 {
  id: string;
  applicationNo: string;
  batchId: string;
  enterpriseUscc: string;
  prefectureId: string;
  productKind: string;
  productName: string;
  series: string;
  model: string;
  rdCompletedOn: string;
  state: string;
  stateLabel: LabelV1;
  version: number;
  /** The draft's revision: send it back as `expectedRevision` with the next change (409 when stale). */
  revision: number;
  /** The rest of the form (catalogue entry, first sale, innovation points, IP, sales, declarations). */
  draft: ApplicationDraftFieldsV1;
  /** The prefecture's request for correction (items and deadline), kept once resubmitted. */
  correction: ApplicationCorrectionV1 | null;
  /** Why the prefecture rejected it, with the articles. */
  rejection: ApplicationRejectionV1 | null;
  submittedAt: string | null;
  /** Present when one application is read. */
  history?: ApplicationHistoryEntryV1[];
}
