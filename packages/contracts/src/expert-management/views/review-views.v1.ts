import type { LabelV1 } from '../../common/views/label.v1';
import type { CommissionDetailViewV1 } from './institution-views.v1';

/** The institution that does a batch's comprehensive review. */
export interface CommissionViewV1 {
  id: string;
  batchId: string;
  institutionId: string;
  institutionName: string;
  commissionedAt: string;
  /** Product kinds covered; empty = every kind (M8.1). */
  productKinds: string[];
  /** M4.2 field codes covered; empty = every field. */
  fieldCodes: string[];
  /** Applications whose comprehensive review started with the commission. */
  startedApplicationIds: string[];
  /** Applications under review that were waiting for a commission and moved to this one. */
  takenUpApplicationIds: string[];
}

/** An expert's assignment to an application, with the score once given. */
export interface AssignmentViewV1 {
  applicationId: string;
  expertId: string;
  expertName: string;
  assignedAt: string;
  /** When the expert accepted and signed the confidentiality undertaking (M11.1). */
  acceptedAt: string | null;
  score: number | null;
  opinion: string | null;
  scoredAt: string | null;
  /** active, or excluded / recused with the reason: only active assignments count (M11.2, M8.1). */
  status: string;
  endReason: string | null;
}

/** An application in comprehensive review, as the caller may see it. */
export interface ReviewViewV1 {
  applicationId: string;
  applicationNo: string;
  batchId: string;
  prefectureId: string;
  enterprise: { uscc: string; name: string; registeredAddress: string };
  product: { kind: string; name: string; series: string; model: string; rdCompletedOn: string };
  recommendationOpinion: string;
  recommendedAt: string;
  state: string;
  stateLabel: LabelV1;
  reviewStartedAt: string | null;
  /** The institution's conclusion, once reviewed (not shown to experts). */
  result?: { score: number | null; opinion: string | null; reviewedAt: string | null };
  /** Every expert's assignment (Department, auditors, the institution). */
  assignments?: AssignmentViewV1[];
  /** The caller's own assignment (experts). */
  myAssignment?: AssignmentViewV1;
  undertakingAccepted?: true;
  /** The commission holding the case; null while it waits for one (M8.1, M10.3). */
  commissionId?: string | null;
  /** Active (not excluded or recused) experts on the case (Department, auditors, the institution). */
  activeExperts?: number;
  /** An expert of the current panel left (disqualified M11.2, recused) and the panel is short: assign a replacement. */
  needsReplacement?: boolean;
}

/** What an expert sees before accepting the confidentiality undertaking (M11.1). */
export interface RedactedReviewViewV1 {
  applicationId: string;
  applicationNo: string;
  product: { kind: string };
  undertakingAccepted: false;
  myAssignment: AssignmentViewV1;
}

export type ReviewListEntryV1 = ReviewViewV1 | RedactedReviewViewV1;

export interface ReviewCompletedV1 {
  applicationId: string;
  state: string;
  score: number;
  opinion: string;
}

export interface ReviewPageV1 {
  items: ReviewListEntryV1[];
  total: number;
  page: number;
  pageSize: number;
}

/** An expert of the institution's pool, to assign from. */
export interface ExpertViewV1 {
  id: string;
  name: string;
  field: string;
  /** Day of disqualification (M11.2); null while qualified. */
  disqualifiedOn: string | null;
  /** Whether the expert may be assigned today. */
  qualified: boolean;
  /** The pool's record (issue 17): M4.2 fields, employer, title, region, availability. */
  fieldCodes?: string[];
  employerName?: string;
  title?: string;
  /** Prefecture code; null = outside Inner Mongolia. */
  regionCode?: string | null;
  /** Marked available and not absent today, and qualified. */
  availableToday?: boolean;
  available?: boolean;
  unavailableUntil?: string | null;
  /** Last 4 characters of the identity document, for telling experts apart. */
  identityTail?: string | null;
  accountUsername?: string | null;
  version?: number;
}

export interface ExpertPageV1 {
  items: ExpertViewV1[];
  total: number;
  page: number;
  pageSize: number;
}

/** A third-party institution with its participation ban, if any (M10.3). */
export interface InstitutionViewV1 {
  id: string;
  name: string;
  uscc: string;
  /** Last day of a participation ban (M10.3); null when none. */
  bannedUntil: string | null;
  /** Banned today: cannot be commissioned. */
  banned: boolean;
  qualification: string;
  contactName: string;
  contactPhone: string;
  /** Commissions not ended (M8.1). */
  openCommissions: number;
  version: number;
}

export interface InstitutionPageV1 {
  items: InstitutionViewV1[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CommissionPageV1 {
  items: CommissionDetailViewV1[];
  total: number;
  page: number;
  pageSize: number;
}
