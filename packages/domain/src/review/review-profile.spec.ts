import { INNER_MONGOLIA_REVIEW, reviewProfileProblems, weightedTotal } from './review-profile';

describe('the comprehensive review profile (M8.1)', () => {
  it('the Inner Mongolia profile is valid: weights add up to 100, an undertaking with a version', () => {
    expect(reviewProfileProblems(INNER_MONGOLIA_REVIEW)).toEqual([]);
  });

  it('names each problem of a bad profile', () => {
    const bad = {
      ...INNER_MONGOLIA_REVIEW,
      panelSize: 0,
      fieldMatchesRequired: 4,
      divergenceThreshold: 0,
      rubric: [INNER_MONGOLIA_REVIEW.rubric[0], INNER_MONGOLIA_REVIEW.rubric[0], { ...INNER_MONGOLIA_REVIEW.rubric[1], id: 'Bad id', max: 0 }],
      undertaking: { version: '', textZh: '', textEn: '' },
    };
    const problems = reviewProfileProblems(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('panelSize must be a positive integer'),
        expect.stringContaining('fieldMatchesRequired'),
        expect.stringContaining('divergenceThreshold'),
        'rubric criterion "innovation" listed twice',
        expect.stringContaining('"Bad id" must be a camelCase key'),
        expect.stringContaining('scale max'),
        'rubric weights add up to 85, not 100',
        expect.stringContaining('undertaking needs a version'),
      ]),
    );
    expect(reviewProfileProblems(undefined)).toEqual(['comprehensiveReview is missing']);
  });

  it('the weighted total is Σ weight × score / max, to one decimal; a missing score counts 0', () => {
    const full = Object.fromEntries(INNER_MONGOLIA_REVIEW.rubric.map((c) => [c.id, c.max]));
    expect(weightedTotal(INNER_MONGOLIA_REVIEW.rubric, full)).toBe(100);
    expect(weightedTotal(INNER_MONGOLIA_REVIEW.rubric, { innovation: 7, performance: 9 })).toBe(43.5);
    expect(weightedTotal(INNER_MONGOLIA_REVIEW.rubric, {})).toBe(0);
  });
});
