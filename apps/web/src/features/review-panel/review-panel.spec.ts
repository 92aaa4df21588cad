import { describe, expect, it } from 'vitest';
import { validScore } from '../../workspaces/expert/score-rule';
import { AssignmentView, stageOf } from './types';

describe('the score rule at the field (the contract\'s ScoreApplicationV1)', () => {
  it.each([
    [0, true],
    [100, true],
    [85, true],
    [101, false],
    [-1, false],
    [80.5, false],
    ['90', false],
    [Number.NaN, false],
    [null, false],
  ])('%p → %p', (value, ok) => expect(validScore(value)).toBe(ok));
});

describe('an assignment\'s stage', () => {
  const base: AssignmentView = { applicationId: 'a', expertId: 'e', expertName: '王明', assignedAt: '2026-11-28T01:00:00Z', acceptedAt: null, score: null, opinion: null, scoredAt: null, status: 'active', endReason: null };
  it('is assigned, then accepted with the undertaking (M11.1), then scored', () => {
    expect(stageOf(base)).toBe('ASSIGNED');
    expect(stageOf({ ...base, acceptedAt: '2026-11-28T02:00:00Z' })).toBe('ACCEPTED');
    expect(stageOf({ ...base, acceptedAt: '2026-11-28T02:00:00Z', score: 90, opinion: '好', scoredAt: '2026-11-28T03:00:00Z' })).toBe('SCORED');
  });
});
