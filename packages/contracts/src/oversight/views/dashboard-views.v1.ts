/** The filters a dashboard was computed with, as the service understood them. */
export interface DashboardFiltersV1 {
  batchId: string | null;
  prefectureId: string | null;
  /** Applications first submitted on or after this China date. */
  from: string | null;
  /** … and on or before this one. */
  to: string | null;
}

export interface DashboardBatchV1 {
  batchId: string;
  year: number;
  name: string;
  prefectureDeadline: string;
}

export interface StateCountV1 {
  state: string;
  count: number;
}

/** Time in one stage over the applications that completed it, in days (one decimal). */
export interface StageDurationV1 {
  stage: 'intake' | 'preliminary_review' | 'correction' | 'comprehensive_review' | 'publicity';
  /** Applications that completed the stage at least once. */
  completed: number;
  /** Applications in the stage now. */
  inStage: number;
  medianDays: number | null;
  p90Days: number | null;
}

/** A deadline's outcome: met, missed, or still running (open). */
export interface DeadlineOutcomeV1 {
  deadline: 'correction' | 'prefecture_review';
  met: number;
  missed: number;
  open: number;
}

/** Returns for correction (M7.3) by the item returned. */
export interface ReturnReasonV1 {
  item: string;
  count: number;
}

export interface ObjectionOutcomeV1 {
  outcome: 'upheld' | 'dismissed' | 'pending';
  count: number;
}

export interface SanctionMeasureV1 {
  measure: string;
  count: number;
}

/** One prefecture's row: its applications and how they fared. */
export interface PrefectureRowV1 {
  prefectureId: string;
  applications: number;
  returned: number;
  recommended: number;
  rejected: number;
  recognized: number;
  /** Median days of the prefecture's preliminary review. */
  preliminaryReviewMedianDays: number | null;
}

/** The Department's and the auditor's dashboards (issue 20, ADR 0029). */
export interface DashboardV1 {
  filters: DashboardFiltersV1;
  /** The China date deadlines were judged on (an open deadline is one not yet passed). */
  asOf: string;
  batches: DashboardBatchV1[];
  applications: number;
  states: StateCountV1[];
  stages: StageDurationV1[];
  deadlines: DeadlineOutcomeV1[];
  returns: { total: number; applications: number; byItem: ReturnReasonV1[] };
  objections: ObjectionOutcomeV1[];
  sanctions: SanctionMeasureV1[];
  prefectures: PrefectureRowV1[];
}
