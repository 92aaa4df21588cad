import type { ReportExpertV1, ReviewReportContentV1, ReviewReportViewV1 } from '@firstset/contracts';
import {
  PolicyProfileRegistry,
  REPORT_RECOMMENDATION_LABELS,
  ReportRecommendation,
  SITE_VISIT_CONCLUSION_LABELS,
  SiteVisitConclusion,
} from '@firstset/domain';
import { Assignment, Commission, Institution, ReviewCase, ReviewReport, SiteVisit } from '../generated/prisma/client';
import { Tx } from '../prisma';
import { counted, criterionScoresOf, reviewProfileOf } from '../reviews/review-rules';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** 专家A, 专家B, … 专家Z, 专家AA: how a report names the counted experts, in the order they scored. */
export function expertLabel(i: number): string {
  const letters = i < 26 ? String.fromCharCode(65 + i) : `${String.fromCharCode(65 + Math.floor(i / 26) - 1)}${String.fromCharCode(65 + (i % 26))}`;
  return `专家${letters}`;
}

/** The facts a report on a case is drafted from: its counted assignments and concluded site visits. */
export async function reportFacts(tx: Tx, applicationId: string) {
  const assignments = await tx.assignment.findMany({ where: { applicationId, status: 'active' }, orderBy: [{ scoredAt: 'asc' }, { id: 'asc' }] });
  const visits = await tx.siteVisit.findMany({ where: { applicationId }, orderBy: [{ visitOn: 'asc' }, { scheduledAt: 'asc' }] });
  return { assignments, visits };
}

/**
 * The report's prefilled content (M8.1): each criterion's mean over the counted (active, scored)
 * assignments, each of those experts' scores, recommendation and opinion under an anonymous label
 * (the report goes to the Department and the files leave the platform: names stay with the
 * institution), and the conclusions of the concluded site visits (M8.2).
 */
export function reportContent(
  profiles: PolicyProfileRegistry,
  c: ReviewCase,
  assignments: readonly Assignment[],
  visits: readonly SiteVisit[],
): ReviewReportContentV1 {
  const scored = counted(assignments);
  const rubric = reviewProfileOf(profiles, c).rubric;
  const experts: ReportExpertV1[] = scored.map((a, i) => ({
    label: expertLabel(i),
    weightedTotal: a.score!,
    recommendation: a.recommendation,
    opinion: a.opinion ?? '',
    criteria: criterionScoresOf(a.criterionScores) ?? [],
  }));
  const criterionMeans = rubric.flatMap((k) => {
    const scores = experts.flatMap((e) => e.criteria.filter((s) => s.criterionId === k.id).map((s) => s.score));
    return scores.length === 0 ? [] : [{ criterionId: k.id, nameZh: k.nameZh, nameEn: k.nameEn, max: k.max, mean: round1(scores.reduce((x, y) => x + y, 0) / scores.length) }];
  });
  return {
    weightedScore: scored.length === 0 ? null : round1(scored.reduce((sum, a) => sum + a.score!, 0) / scored.length),
    criterionMeans,
    experts,
    siteConclusions: visits
      .filter((v) => v.status === 'concluded' && v.conclusion)
      .map((v) => ({
        visitOn: v.visitOn,
        conclusion: v.conclusion!,
        conclusionLabel: SITE_VISIT_CONCLUSION_LABELS[v.conclusion as SiteVisitConclusion] ?? { zh: v.conclusion!, en: v.conclusion! },
        note: v.conclusionNote,
      })),
  };
}

export const recommendationLabel = (r: string | null) => (r ? (REPORT_RECOMMENDATION_LABELS[r as ReportRecommendation] ?? { zh: r, en: r }) : null);

/** A report as read: a signed-off one shows the content it was signed with, a draft the facts as they stand. */
export function toReportView(
  c: ReviewCase,
  commission: Commission & { institution: Institution },
  report: ReviewReport | null,
  live: ReviewReportContentV1,
): ReviewReportViewV1 {
  const signed = report?.status === 'signed_off';
  return {
    applicationId: c.id,
    applicationNo: c.applicationNo,
    batchId: c.batchId,
    commissionId: commission.id,
    institutionName: commission.institution.name,
    enterpriseName: c.enterpriseName,
    productName: c.productName,
    state: c.state,
    score: c.score,
    opinion: c.opinion,
    status: (report?.status ?? 'none') as ReviewReportViewV1['status'],
    version: report?.version ?? 0,
    recommendation: report?.recommendation ?? null,
    recommendationLabel: recommendationLabel(report?.recommendation ?? null),
    reasons: report?.reasons ?? null,
    content: signed && report.content ? (report.content as unknown as ReviewReportContentV1) : live,
    signedAt: report?.signedAt?.toISOString() ?? null,
    signedByName: report?.signedByName ?? null,
  };
}
