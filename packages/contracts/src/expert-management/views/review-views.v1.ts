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

/** One criterion's score and comment as an expert gave them (M8.1). */
export interface CriterionScoreViewV1 {
  criterionId: string;
  score: number;
  comment: string;
}

/** An expert's assignment to an application, with the undertaking (M11.1) and the scores once given. */
export interface AssignmentViewV1 {
  applicationId: string;
  expertId: string;
  expertName: string;
  /** active | recused | excluded — only active assignments count in the review. */
  status: string;
  assignedAt: string;
  /** When the expert accepted and signed the confidentiality undertaking (M11.1). */
  acceptedAt: string | null;
  /** The undertaking signed: its version (the text is stored with it). */
  undertakingVersion: string | null;
  /** When the expert confirmed having no undisclosed conflict with this application. */
  noConflictConfirmedAt: string | null;
  /** Rubric scores per criterion; null until scored (and for scores given before the rubric). */
  criterionScores: CriterionScoreViewV1[] | null;
  /** Weighted total 0–100, one decimal. */
  score: number | null;
  /** recommend | not_recommend | on_site_needed */
  recommendation: string | null;
  opinion: string | null;
  scoredAt: string | null;
  /** Recusal or exclusion, with its reason. */
  endedAt: string | null;
  endReason: string | null;
}

/** Another panel member's scores as an expert sees them once their own are in: no name, no id (M11.1). */
export interface PeerScoreViewV1 {
  /** 1, 2, … in the order the scores came in. */
  ordinal: number;
  criterionScores: CriterionScoreViewV1[] | null;
  score: number | null;
  recommendation: string | null;
  opinion: string | null;
  scoredAt: string | null;
}

/** A rubric criterion of the case's policy profile, for the scoring form. */
export interface RubricCriterionViewV1 {
  id: string;
  nameZh: string;
  nameEn: string;
  guidanceZh: string;
  guidanceEn: string;
  weight: number;
  max: number;
  measuresIds: string[];
}

/** How the case is reviewed under its policy profile (M8.1, M11.1). */
export interface ReviewRulesViewV1 {
  policyProfile: { id: string; version: string };
  panelSize: number;
  divergenceThreshold: number;
  rubric: RubricCriterionViewV1[];
  undertaking: { version: string; textZh: string; textEn: string };
}

/** The spread of the counted experts' weighted totals and whether it exceeds the profile's threshold. */
export interface DivergenceViewV1 {
  /** Highest minus lowest weighted total of the active, scored assignments; null under two scores. */
  spread: number | null;
  threshold: number;
  divergent: boolean;
}

/** A consensus round on a divergent application, with its outcome once concluded. */
export interface ConsensusRoundViewV1 {
  id: string;
  applicationId: string;
  reason: string;
  spread: number;
  calledAt: string;
  calledBy: string;
  outcome: string | null;
  concludedAt: string | null;
  concludedBy: string | null;
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
  /** The application was withdrawn (M7.1; by the system on an applicant ban, M10.2): the review ended, with intake's reason. */
  withdrawal?: { reason: string | null; withdrawnAt: string };
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
  /** The other panel members' scores, for an expert only once their own are in (M11.1). */
  peerScores?: PeerScoreViewV1[];
  /** The profile's rubric, threshold and undertaking (on a single case's view). */
  rules?: ReviewRulesViewV1;
  /** The spread of the scores (Department, auditors, the institution). */
  divergence?: DivergenceViewV1;
  /** Consensus rounds, newest first (Department, auditors, the institution). */
  consensusRounds?: ConsensusRoundViewV1[];
  /** For an assigned expert on a case's view: a consensus round is open, so scores may be revised. */
  consensusRoundOpen?: boolean;
}

/** What an expert sees before accepting the confidentiality undertaking (M11.1). */
export interface RedactedReviewViewV1 {
  applicationId: string;
  applicationNo: string;
  product: { kind: string };
  undertakingAccepted: false;
  myAssignment: AssignmentViewV1;
  /** The profile's rules, with the undertaking to sign (on a single case's view). */
  rules?: ReviewRulesViewV1;
}

export type ReviewListEntryV1 = ReviewViewV1 | RedactedReviewViewV1;

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
