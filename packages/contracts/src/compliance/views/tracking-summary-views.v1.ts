/** Where one prefecture's tracking evaluations of a year stand (M12.2). */
export interface TrackingSummaryRowV1 {
  prefectureId: string;
  /** Valid recognized products of its area today (recognized, not revoked, not past their term). */
  validProducts: number;
  requested: number;
  reported: number;
  concluded: number;
  /** Requested and past the due date without a report. */
  overdue: number;
  good: number;
  issuesFound: number;
  seriousProblem: number;
}

/** The year's tracking evaluation across prefectures, every prefecture listed, and the region's totals. */
export interface TrackingSummaryV1 {
  year: number;
  rows: TrackingSummaryRowV1[];
  total: TrackingSummaryRowV1;
}
