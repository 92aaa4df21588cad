import { recommendationAllowedAfterVisits, REPORT_RECOMMENDATION_LABELS, SITE_FINDING_RESULT_LABELS, SITE_VISIT_CONCLUSION_LABELS } from './site-visit';

describe('on-site verification and the report (M8.2, M9.1)', () => {
  it.each([
    ['recommend', [], true],
    ['recommend', ['confirmed'], true],
    ['recommend', ['confirmed_with_reservations'], true],
    ['recommend', ['confirmed', 'not_confirmed'], false],
    ['not_recommend', ['not_confirmed'], true],
    ['not_recommend', [], true],
  ] as const)('M8.2: %s after visits %j is allowed: %s', (recommendation, conclusions, allowed) => {
    expect(recommendationAllowedAfterVisits(recommendation, [...conclusions])).toBe(allowed);
  });

  it('labels every value in Chinese and English', () => {
    for (const labels of [SITE_VISIT_CONCLUSION_LABELS, SITE_FINDING_RESULT_LABELS, REPORT_RECOMMENDATION_LABELS]) {
      for (const l of Object.values(labels)) expect(l.zh).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
