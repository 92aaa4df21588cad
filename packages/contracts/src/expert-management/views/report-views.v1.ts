import type { LabelV1 } from '../../common/views/label.v1';

/** The mean of one rubric criterion over the counted experts (one decimal). */
export interface CriterionMeanV1 {
  criterionId: string;
  nameZh: string;
  nameEn: string;
  max: number;
  mean: number;
}

/** One counted expert in a report, anonymised (专家A, 专家B, …): their scores, recommendation and opinion. */
export interface ReportExpertV1 {
  label: string;
  weightedTotal: number;
  recommendation: string | null;
  opinion: string;
  criteria: { criterionId: string; score: number; comment: string }[];
}

/** An on-site verification's conclusion as the report quotes it (M8.2). */
export interface ReportSiteConclusionV1 {
  visitOn: string;
  conclusion: string;
  conclusionLabel: LabelV1;
  note: string | null;
}

/** What a report states beside the institution's recommendation: prefilled, frozen at sign-off. */
export interface ReviewReportContentV1 {
  /** Mean of the counted experts' weighted totals, one decimal; null before any scored. */
  weightedScore: number | null;
  criterionMeans: CriterionMeanV1[];
  experts: ReportExpertV1[];
  siteConclusions: ReportSiteConclusionV1[];
}

/** The institution's comprehensive review report on one case (M8.1, M9.1). */
export interface ReviewReportViewV1 {
  applicationId: string;
  applicationNo: string;
  batchId: string;
  commissionId: string;
  institutionName: string;
  enterpriseName: string;
  productName: string;
  /** The case's lifecycle state. */
  state: string;
  /** The case's score (mean of the counted weighted totals) and opinion once the report concluded the review; null before. */
  score: number | null;
  opinion: string | null;
  /** none (never saved) | draft | signed_off */
  status: 'none' | 'draft' | 'signed_off';
  /** 0 while never saved. */
  version: number;
  recommendation: string | null;
  recommendationLabel: LabelV1 | null;
  reasons: string | null;
  content: ReviewReportContentV1;
  signedAt: string | null;
  signedByName: string | null;
}

/** One case in a batch report. */
export interface BatchReportEntryV1 {
  applicationId: string;
  applicationNo: string;
  enterpriseName: string;
  productName: string;
  weightedScore: number | null;
  /** The case report's status and recommendation. */
  reportStatus: 'none' | 'draft' | 'signed_off';
  recommendation: string | null;
  reasons: string | null;
}

/** The institution's report on a batch under one commission (M9.1). */
export interface BatchReportViewV1 {
  batchId: string;
  commissionId: string;
  institutionName: string;
  status: 'none' | 'draft' | 'signed_off';
  version: number;
  remarks: string | null;
  entries: BatchReportEntryV1[];
  signedAt: string | null;
  signedByName: string | null;
}
