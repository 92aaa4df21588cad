// Response shapes of expert management's and publicity's reads: aliases of the reply schemas the
// gateway's OpenAPI document carries (generated from the contracts), plus the helpers the pages share.
import type { components } from '../../shared/api/generated/schema';

type S = components['schemas'];

export type Label = S['LabelV1'];

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const ASSIGNMENT_STAGES = ['ASSIGNED', 'ACCEPTED', 'SCORED', 'ENDED'] as const;
export type AssignmentStage = (typeof ASSIGNMENT_STAGES)[number];

export type AssignmentView = S['AssignmentViewV1'];
/** What an expert sees of an application before accepting the confidentiality undertaking (M11.1). */
export type RedactedReviewView = S['RedactedReviewViewV1'];
export type ReviewView = S['ReviewViewV1'];

/** An expert's row: redacted until the undertaking is signed. */
export type ExpertReviewRow = ReviewView | RedactedReviewView;

export const isRedacted = (r: ExpertReviewRow): r is RedactedReviewView => r.undertakingAccepted === false;

export type ExpertView = S['ExpertViewV1'];
export type InstitutionView = S['InstitutionViewV1'];
export type CommissionRowView = S['CommissionDetailViewV1'];
export type InstitutionDetail = S['InstitutionDetailV1'];
export type CommissionView = S['CommissionViewV1'];
export type ReviewReportView = S['ReviewReportViewV1'];
export type BatchReportView = S['BatchReportViewV1'];
export type CandidateView = S['CandidateViewV1'];
export type PublicityView = S['PublicityViewV1'];
export type DecisionListSummary = S['DecisionListSummaryV1'];

/** Where an assignment stands: ended (recused or excluded) before scoring, scored, accepted, or assigned. */
export const stageOf = (a: AssignmentView): AssignmentStage =>
  a.scoredAt ? 'SCORED' : a.status !== 'active' ? 'ENDED' : a.acceptedAt ? 'ACCEPTED' : 'ASSIGNED';

// Issue 17: the rubric review (M8.1) and its confidentiality (M11.1).
export type ReviewRules = S['ReviewRulesViewV1'];
export type RubricCriterion = S['RubricCriterionViewV1'];
export type CriterionScore = S['CriterionScoreViewV1'];
export type PeerScore = S['PeerScoreViewV1'];
export type Divergence = S['DivergenceViewV1'];
export type ConsensusRound = S['ConsensusRoundViewV1'];

/** An expert's overall recommendation (the contract's REVIEW_RECOMMENDATIONS). */
export const RECOMMENDATIONS = ['recommend', 'not_recommend', 'on_site_needed'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** The weighted total (0–100, one decimal) of scores per criterion, as the service computes it. */
export function weightedTotal(rubric: readonly RubricCriterion[], scores: Readonly<Record<string, number | null | undefined>>): number {
  const total = rubric.reduce((sum, c) => sum + (c.weight * (scores[c.id] ?? 0)) / c.max, 0);
  return Math.round(total * 10) / 10;
}

/** The application states the review search filters by. */
export const REVIEW_STATES = ['UNDER_COMPREHENSIVE_REVIEW', 'REVIEWED', 'RECOMMENDED'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A state from the URL, if it is one the search takes. */
export const reviewStateOf = (raw: string | undefined): ReviewState | undefined => REVIEW_STATES.find((s) => s === raw);
