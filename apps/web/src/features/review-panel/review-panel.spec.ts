import { describe, expect, it } from 'vitest';
import { INNER_MONGOLIA_DRAFT_PROFILE, weightedTotal as domainTotal } from '@firstset/domain';
import { onScale } from '../../workspaces/expert/rubric-rule';
import { AssignmentView, RubricCriterion, stageOf, weightedTotal } from './types';

describe('M8.1 a criterion\'s score at the field: a whole number on its scale', () => {
  it.each([
    [0, true],
    [10, true],
    [7, true],
    [11, false],
    [-1, false],
    [8.5, false],
    ['9', false],
    [Number.NaN, false],
    [null, false],
  ])('%p → %p', (value, ok) => expect(onScale(value, 10)).toBe(ok));
});

describe('M8.1 the weighted total shown while scoring', () => {
  const rubric = INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview.rubric as unknown as RubricCriterion[];
  it('is the domain\'s, to one decimal, with unscored criteria as 0', () => {
    const scores = { innovation: 9, performance: 8, ownership: 7, capability: 6, market: 5 };
    expect(weightedTotal(rubric, scores)).toBe(75);
    expect(weightedTotal(rubric, scores)).toBe(domainTotal(rubric, scores));
    expect(weightedTotal(rubric, { innovation: 9, performance: 8, ownership: 8, capability: 8, market: 9 })).toBe(domainTotal(rubric, { innovation: 9, performance: 8, ownership: 8, capability: 8, market: 9 }));
    expect(weightedTotal(rubric, { innovation: 10 })).toBe(30);
  });
});

describe('an assignment\'s stage', () => {
  const base: AssignmentView = {
    applicationId: 'a', expertId: 'e', expertName: '王明', status: 'active', assignedAt: '2026-11-28T01:00:00Z', acceptedAt: null,
    undertakingVersion: null, noConflictConfirmedAt: null, criterionScores: null, score: null, recommendation: null, opinion: null, scoredAt: null, endedAt: null, endReason: null,
  };
  it('is assigned, then accepted with the undertaking (M11.1), then scored', () => {
    expect(stageOf(base)).toBe('ASSIGNED');
    expect(stageOf({ ...base, acceptedAt: '2026-11-28T02:00:00Z' })).toBe('ACCEPTED');
    expect(stageOf({ ...base, acceptedAt: '2026-11-28T02:00:00Z', score: 90, opinion: '好', scoredAt: '2026-11-28T03:00:00Z' })).toBe('SCORED');
  });
  it('M11.1 is ended once the expert recused before scoring, accepted or not', () => {
    expect(stageOf({ ...base, status: 'recused', endedAt: '2026-11-28T02:00:00Z', endReason: '回避' })).toBe('ENDED');
    expect(stageOf({ ...base, status: 'recused', acceptedAt: '2026-11-28T02:00:00Z' })).toBe('ENDED');
  });
});
