import { Mark, MarkKind, resubmissionOf, timeline } from './timeline';

const day = (d: number, h = 0) => new Date(Date.UTC(2026, 2, d, h));
const m = (kind: MarkKind, at: Date): Mark => ({ kind, at });
const secondsIn = (marks: Mark[], stage: string) => timeline(marks).stages.find((s) => s.stage === stage);

describe('timeline: from an application’s marks to its state and stage times', () => {
  const full = [
    m('created', day(1)),
    m('submitted', day(3)),
    m('returned', day(5)),
    m('resubmitted', day(8)),
    m('recommended', day(10)),
    m('summarized', day(12)),
    m('review_started', day(13)),
    m('reviewed', day(20)),
    m('selected', day(21)),
    m('publicity_started', day(22)),
    m('recognized', day(29)),
  ];

  it('M7.2, M7.3, M8.1, M9.2: adds up each stage over its visits (intake 2 d, preliminary review 2 + 2 d, correction 3 d, comprehensive review 8 d, publicity 7 d)', () => {
    const t = timeline(full);
    expect(t.state).toBe('RECOGNIZED');
    const days = Object.fromEntries(t.stages.map((s) => [s.stage, s.seconds / 86400]));
    expect(days).toEqual({ intake: 2, preliminary_review: 4, correction: 3, comprehensive_review: 8, publicity: 7 });
    expect(secondsIn(full, 'preliminary_review')).toMatchObject({ visits: 2, enteredAt: day(3), leftAt: day(10), openSince: null });
    expect(t.preliminaryConcludedAt).toEqual(day(10));
    expect(t.preliminaryOutcome).toBe('recommended');
    expect(t.returnCount).toBe(1);
    expect(t.submittedAt).toEqual(day(3));
  });

  it('gives the same result whatever order the events arrived in (the streams are not ordered against each other)', () => {
    const shuffled = [...full].reverse();
    expect(timeline(shuffled)).toEqual(timeline(full));
  });

  it('keeps a stage still running open, and counts only what was completed', () => {
    const t = timeline([m('submitted', day(3)), m('returned', day(5))]);
    expect(t.state).toBe('RETURNED_FOR_CORRECTION');
    expect(t.stages.find((s) => s.stage === 'correction')).toMatchObject({ visits: 1, seconds: 0, leftAt: null, openSince: day(5) });
    expect(t.stages.find((s) => s.stage === 'preliminary_review')).toMatchObject({ seconds: 2 * 86400, openSince: null });
  });

  it('M7.1: a withdrawal drops the visit it interrupted instead of counting it, and no later event undoes WITHDRAWN', () => {
    const t = timeline([m('submitted', day(3)), m('returned', day(5)), m('withdrawn', day(6)), m('resubmitted', day(6, 1))]);
    expect(t.stages).toEqual([expect.objectContaining({ stage: 'preliminary_review', visits: 1, seconds: 2 * 86400, openSince: null })]);
    expect(t.state).toBe('WITHDRAWN');
  });

  it('M9.3: an upheld objection ends publicity and the entry is removed; a dismissed one puts it back in publicity', () => {
    const base = [m('publicity_started', day(1)), m('objection_lodged', day(2))];
    expect(timeline(base).state).toBe('OBJECTION_UNDER_INVESTIGATION');
    expect(timeline([...base, m('objection_dismissed', day(3))]).state).toBe('IN_PUBLICITY');
    const removed = timeline([...base, m('objection_upheld', day(4))]);
    expect(removed.state).toBe('REMOVED_AFTER_OBJECTION');
    expect(removed.stages).toEqual([expect.objectContaining({ stage: 'publicity', seconds: 3 * 86400, openSince: null })]);
  });

  it('counts a summary followed by the review’s start as one comprehensive review', () => {
    const t = timeline([m('summarized', day(1)), m('review_started', day(2)), m('reviewed', day(5))]);
    expect(t.stages).toEqual([expect.objectContaining({ stage: 'comprehensive_review', visits: 1, seconds: 4 * 86400 })]);
  });

  it('M7.3: a return is answered by the first resubmission after it', () => {
    const marks = [m('returned', day(5)), m('resubmitted', day(8)), m('returned', day(9)), m('resubmitted', day(11))];
    expect(resubmissionOf(day(5), marks)).toEqual(day(8));
    expect(resubmissionOf(day(9), marks)).toEqual(day(11));
    expect(resubmissionOf(day(12), marks)).toBeNull();
  });
});
