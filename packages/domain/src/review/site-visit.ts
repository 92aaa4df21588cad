import type { Label } from '../lifecycle/vocabulary';

/** What an on-site verification (现场核查, M8.2) concludes about the enterprise's claims. */
export const SITE_VISIT_CONCLUSIONS = ['confirmed', 'confirmed_with_reservations', 'not_confirmed'] as const;
export type SiteVisitConclusion = (typeof SITE_VISIT_CONCLUSIONS)[number];

export const SITE_VISIT_CONCLUSION_LABELS: Record<SiteVisitConclusion, Label> = {
  confirmed: { zh: '核查属实', en: 'Confirmed' },
  confirmed_with_reservations: { zh: '基本属实，存在问题', en: 'Confirmed with reservations' },
  not_confirmed: { zh: '核查不属实', en: 'Not confirmed' },
};

/** The result of one item checked on site. */
export const SITE_FINDING_RESULTS = ['conforms', 'nonconforming', 'observation'] as const;
export type SiteFindingResult = (typeof SITE_FINDING_RESULTS)[number];

export const SITE_FINDING_RESULT_LABELS: Record<SiteFindingResult, Label> = {
  conforms: { zh: '符合', en: 'Conforms' },
  nonconforming: { zh: '不符合', en: 'Nonconforming' },
  observation: { zh: '需说明', en: 'Observation' },
};

export const SITE_VISIT_STATUSES = ['scheduled', 'concluded', 'cancelled'] as const;
export type SiteVisitStatus = (typeof SITE_VISIT_STATUSES)[number];

/** The institution's recommendation in its comprehensive review report (M8.1, M9.1). */
export const REPORT_RECOMMENDATIONS = ['recommend', 'not_recommend'] as const;
export type ReportRecommendation = (typeof REPORT_RECOMMENDATIONS)[number];

export const REPORT_RECOMMENDATION_LABELS: Record<ReportRecommendation, Label> = {
  recommend: { zh: '建议认定', en: 'Recommend' },
  not_recommend: { zh: '不建议认定', en: 'Do not recommend' },
};

/**
 * Whether a conclusion and the institution's recommendation can stand together: a visit that did
 * not confirm the enterprise's claims cannot be followed by a recommendation to recognize (M8.2, M9.1).
 */
export function recommendationAllowedAfterVisits(recommendation: ReportRecommendation, conclusions: SiteVisitConclusion[]): boolean {
  return recommendation === 'not_recommend' || !conclusions.includes('not_confirmed');
}
