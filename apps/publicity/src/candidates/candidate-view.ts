import type { CandidateReportV1, CandidateViewV1, ReviewedReportV1 } from '@firstset/contracts';
import { ApplicationState, REPORT_RECOMMENDATION_LABELS, ReportRecommendation, SITE_VISIT_CONCLUSION_LABELS, SiteVisitConclusion, STATE_LABELS } from '@firstset/domain';
import { Candidate } from '../generated/prisma/client';

export type CandidateView = CandidateViewV1;

export function toCandidateView(c: Candidate): CandidateView {
  return {
    applicationId: c.applicationId,
    batchId: c.batchId,
    applicationNo: c.applicationNo,
    prefectureId: c.prefectureId,
    enterprise: { uscc: c.uscc, name: c.enterpriseName },
    product: { kind: c.productKind, name: c.productName, series: c.series, model: c.model },
    score: c.score,
    opinion: c.opinion,
    reviewedAt: c.reviewedAt.toISOString(),
    state: c.state,
    stateLabel: STATE_LABELS[c.state as ApplicationState] ?? { zh: c.state, en: c.state },
    report: c.report ? toCandidateReport(c.report as unknown as ReviewedReportV1) : null,
  };
}

/** The report as delivered, with its labels (M9.1). */
function toCandidateReport(r: ReviewedReportV1): CandidateReportV1 {
  return {
    recommendation: r.recommendation,
    recommendationLabel: REPORT_RECOMMENDATION_LABELS[r.recommendation as ReportRecommendation] ?? { zh: r.recommendation, en: r.recommendation },
    reasons: r.reasons,
    criterionMeans: r.criterionMeans.map(({ criterionId, nameZh, mean }) => ({ criterionId, nameZh, mean })),
    siteConclusions: r.siteConclusions.map((v) => ({
      visitOn: v.visitOn,
      conclusion: v.conclusion,
      conclusionLabel: SITE_VISIT_CONCLUSION_LABELS[v.conclusion as SiteVisitConclusion] ?? { zh: v.conclusion, en: v.conclusion },
      note: v.note ?? null,
    })),
    signedAt: r.signedAt,
    signedByName: r.signedByName ?? null,
  };
}
