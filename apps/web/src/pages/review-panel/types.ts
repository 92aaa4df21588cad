// Response shapes of expert management's and publicity's reads, mirroring the services' view types
// (apps/expert-management/src/reviews/review-view.ts, assignments/assignment-view.ts,
// experts/read-expert-pool.ts, commissions/read-commissions.ts, commissions/commission-institution.ts;
// apps/publicity/src/decision-lists/read-decision-lists.ts, candidates/candidate-view.ts).

export interface Label {
  zh: string;
  en: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const ASSIGNMENT_STAGES = ['ASSIGNED', 'ACCEPTED', 'SCORED'] as const;
export type AssignmentStage = (typeof ASSIGNMENT_STAGES)[number];

export interface AssignmentView {
  applicationId: string;
  expertId: string;
  expertName: string;
  assignedAt: string;
  /** When the expert accepted and signed the confidentiality undertaking (M11.1). */
  acceptedAt: string | null;
  score: number | null;
  opinion: string | null;
  scoredAt: string | null;
}

/** What an expert sees of an application before accepting the confidentiality undertaking (M11.1). */
export interface RedactedReviewView {
  applicationId: string;
  applicationNo: string;
  product: { kind: string };
  undertakingAccepted: false;
  myAssignment: AssignmentView;
}

export interface ReviewView {
  applicationId: string;
  applicationNo: string;
  batchId: string;
  prefectureId: string;
  enterprise: { uscc: string; name: string; registeredAddress: string };
  product: { kind: string; name: string; series: string; model: string; rdCompletedOn: string };
  recommendationOpinion: string;
  recommendedAt: string;
  state: string;
  stateLabel: Label;
  reviewStartedAt: string | null;
  /** The institution's conclusion, once reviewed (not shown to experts). */
  result?: { score: number | null; opinion: string | null; reviewedAt: string | null };
  /** Every expert's assignment (Department, auditors, the institution). */
  assignments?: AssignmentView[];
  /** The caller's own assignment (experts). */
  myAssignment?: AssignmentView;
  undertakingAccepted?: true;
}

/** An expert's row: redacted until the undertaking is signed. */
export type ExpertReviewRow = ReviewView | RedactedReviewView;

export const isRedacted = (r: ExpertReviewRow): r is RedactedReviewView => r.undertakingAccepted === false;

export interface ExpertView {
  id: string;
  name: string;
  field: string;
  disqualifiedOn: string | null;
  qualified: boolean;
}

export interface InstitutionView {
  id: string;
  name: string;
  uscc: string;
  bannedUntil: string | null;
  banned: boolean;
}

export interface CommissionRowView {
  id: string;
  batchId: string;
  institutionId: string;
  institutionName: string;
  commissionedAt: string;
}

export interface CommissionView extends CommissionRowView {
  startedApplicationIds: string[];
}

export interface CompleteReviewResult {
  applicationId: string;
  state: string;
  score: number;
  opinion: string;
}

export interface PublicityView {
  id: string;
  decisionListId: string;
  publicationDate: string;
  startDate: string;
  endDate: string;
  workingDays: number;
  endsAt: string;
  countingRule: Label;
  status: string;
}

export interface DecisionListDetailView {
  id: string;
  batchId: string;
  status: string;
  decidedOn: string;
  applicationIds: string[];
  publicity: PublicityView | null;
  document: { documentNo: string; documentDate: string } | null;
}

/** Where an assignment stands. */
export const stageOf = (a: AssignmentView): AssignmentStage => (a.scoredAt ? 'SCORED' : a.acceptedAt ? 'ACCEPTED' : 'ASSIGNED');

/**
 * Query parameters of a route whose query the gateway's document does not describe yet (its
 * GET queries are not in the OpenAPI output, as queue.tsx notes): sent as they are.
 */
export const asQuery = (query: Record<string, string | number | undefined>) => ({ query: query as never });
