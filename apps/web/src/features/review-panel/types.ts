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

export const ASSIGNMENT_STAGES = ['ASSIGNED', 'ACCEPTED', 'SCORED'] as const;
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
export type CompleteReviewResult = S['ReviewCompletedV1'];
export type PublicityView = S['PublicityViewV1'];
export type DecisionListDetailView = S['DecisionListDetailViewV1'];

/** Where an assignment stands. */
export const stageOf = (a: AssignmentView): AssignmentStage => (a.scoredAt ? 'SCORED' : a.acceptedAt ? 'ACCEPTED' : 'ASSIGNED');

/** The application states the review search filters by. */
export const REVIEW_STATES = ['UNDER_COMPREHENSIVE_REVIEW', 'REVIEWED', 'RECOMMENDED'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A state from the URL, if it is one the search takes. */
export const reviewStateOf = (raw: string | undefined): ReviewState | undefined => REVIEW_STATES.find((s) => s === raw);
