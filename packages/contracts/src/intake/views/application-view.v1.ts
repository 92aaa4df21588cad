import type { LabelV1 } from '../../common/views/label.v1';
import type { DeclarationsV1, FirstSaleV1, IpRightV1, PerformanceIndicatorV1, SalesYearV1 } from '../dto';

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
  /** The person who took the step, to readers allowed to know (issue 20 item 5); null for the system, older steps, or withheld. */
  actorName: string | null;
  /** The body they acted for, "中文 / English" (the Department, a prefecture's authority, the enterprise). */
  actorOrg: string | null;
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
/**
 * What an autosave answers: the revision to send with the next change. The form keeps what the
 * user typed; the whole view (10 KB) is read again only where a page shows it.
 */
export interface DraftSavedV1 {
  id: string;
  state: string;
  /** Send it back as `expectedRevision` with the next change (409 when stale). */
  revision: number;
  savedAt: string;
}

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
  /** M15: the policy profile of its batch, by which every stage judges it (names: GET /api/policy-profiles). */
  policyProfile: { id: string; version: string };
  /** Present when one application is read. */
  history?: ApplicationHistoryEntryV1[];
  /** Present in the reply to a submission or resubmission: the receipt's hash of the version just kept. */
  contentSha256?: string;
  /** Present in the reply to a submission or resubmission: the truthfulness pledge signed with it (M10.1). */
  pledge?: SignedPledgeViewV1;
}

/** The truthfulness pledge signed with a submitted version (M10.1), as the receipt prints it. */
export interface SignedPledgeViewV1 {
  version: string;
  textZh: string;
  textEn: string;
  signedAt: string;
}

/** One page of the enterprise's own applications, newest first. */
export interface ApplicationPageV1 {
  items: ApplicationViewV1[];
  total: number;
  page: number;
  pageSize: number;
}

/** The credit source's latest answer at submission (M5.1, M7.4(2)). */
export interface ApplicationCreditCheckV1 {
  source: string;
  seriousDishonesty: boolean | null;
  abnormalOperations: boolean | null;
  checkedAt: string;
}

/** One application read on its own: with its history and the credit answer. */
export interface ApplicationDetailV1 extends ApplicationViewV1 {
  creditCheck: ApplicationCreditCheckV1 | null;
}

/** One submitted version with its differences from the previous one (M7.3). */
export interface ApplicationVersionV1 {
  version: number;
  submittedAt: string;
  /** The whole form and file list as submitted. */
  snapshot: unknown;
  changes: unknown;
  /** SHA-256 of the snapshot as canonical JSON (keys sorted): the receipt's hash, recomputable. */
  contentSha256: string;
  /** The truthfulness pledge signed with this version (M10.1); null for versions before it was asked. */
  pledge?: SignedPledgeViewV1 | null;
}

/** What the applicant keeps: the number, the time, and the hash of exactly what was submitted. */
export interface SubmissionReceiptV1 {
  id: string;
  applicationNo: string;
  batchId: string;
  productName: string;
  series: string;
  model: string;
  state: string;
  stateLabel: LabelV1;
  version: number;
  submittedAt: string;
  /** SHA-256 of the submitted form and file list (canonical JSON, keys sorted), as the version list shows it. */
  contentSha256: string;
  /** The truthfulness pledge signed with the submission (M10.1). */
  pledge: SignedPledgeViewV1;
}

/** One problem the pre-submission check found, with its field or slot and its article. */
export interface CheckProblemV1 {
  code: string;
  severity: 'blocking' | 'warning';
  measuresId: string;
  /** The form field the problem is about (declarations.x, rdCompletedOn, …), when there is one. */
  field?: string;
  /** The material slot (M7.4) it is about, when there is one. */
  slotId?: string;
  message: string;
  messageEn: string;
}

/** One slot of the materials checklist that applies to this application (M7.4). */
export interface ChecklistSlotV1 {
  slotId: string;
  /** The numbered item (1–8) of M7.4. */
  item: number;
  nameZh: string;
  nameEn: string;
  required: boolean;
  /** Why the slot is in the list (always, optional, or the condition that made it apply). */
  condition: string;
  measuresIds: readonly string[];
}

/** Every slot of the profile with whether it applies to this application and why (M7.4, M5.6). */
export interface SlotApplicabilityV1 extends ChecklistSlotV1 {
  applies: boolean;
  /** always, optional, declared_applies, declared_not_applicable (不适用（依申报声明）), not_declared. */
  basis: string;
  reasonZh: string;
  reasonEn: string;
}

/** What the enterprise signs at submission (M10.1). */
export interface TruthfulnessPledgeV1 {
  version: string;
  textZh: string;
  textEn: string;
}

export interface CheckResultV1 {
  canSubmit: boolean;
  problems: CheckProblemV1[];
  materials: ChecklistSlotV1[];
  /** Every slot, applicable or not, with the reason (the materials step shows them all). */
  slots: SlotApplicabilityV1[];
  /** M7.4: false when the batch's profile lets the application through with materials missing (a pilot). */
  materialsRequiredAtSubmission: boolean;
  /** M10.1: the pledge to sign at submission; send its version with the submit command. */
  pledge: TruthfulnessPledgeV1;
}
