import { describe, expect, it } from 'vitest';
import { MENUS } from '../../app/menus';
import { resolveRoute } from '../../app/routes';
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
  const base: AssignmentView = { applicationId: 'a', expertId: 'e', expertName: '王明', assignedAt: '2026-11-28T01:00:00Z', acceptedAt: null, score: null, opinion: null, scoredAt: null };
  it('is assigned, then accepted with the undertaking (M11.1), then scored', () => {
    expect(stageOf(base)).toBe('ASSIGNED');
    expect(stageOf({ ...base, acceptedAt: '2026-11-28T02:00:00Z' })).toBe('ACCEPTED');
    expect(stageOf({ ...base, acceptedAt: '2026-11-28T02:00:00Z', score: 90, opinion: '好', scoredAt: '2026-11-28T03:00:00Z' })).toBe('SCORED');
  });
});

describe('each workspace', () => {
  it('opens every page of its own menus', () => {
    for (const [role, entries] of Object.entries(MENUS)) {
      for (const m of entries) expect([role, m.path, !!resolveRoute(role as keyof typeof MENUS, m.path)]).toEqual([role, m.path, true]);
    }
  });

  it('keeps the institution\'s and the expert\'s pages to them', () => {
    for (const role of ['auditor', 'department_officer', 'enterprise', 'prefecture_officer', 'expert'] as const) expect(resolveRoute(role, '/institution/reviews')).toBeNull();
    for (const role of ['auditor', 'department_officer', 'institution_staff'] as const) expect(resolveRoute(role, '/expert/assignments')).toBeNull();
    expect(resolveRoute('institution_staff', '/department/reviews')).toBeNull();
  });
});
