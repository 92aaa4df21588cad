import { sentApplicationIds, supplementable } from './supplement';

// The summary went on 10 November 2026, 10:00 in Inner Mongolia (02:00 UTC).
const first = { submittedAt: new Date('2026-11-10T02:00:00Z') };

describe('who may follow a sent summary in a supplement (补报)', () => {
  it.each([
    ['resubmitted, the deadline after the summary day', { resubmitted: true, correctionDeadline: '2026-11-18' }, true],
    ['resubmitted, the deadline on the summary day (the day counts)', { resubmitted: true, correctionDeadline: '2026-11-10' }, true],
    ['resubmitted, the deadline over before the summary day', { resubmitted: true, correctionDeadline: '2026-11-09' }, false],
    ['never returned', { resubmitted: false, correctionDeadline: null }, false],
    ['returned but not resubmitted', { resubmitted: false, correctionDeadline: '2026-11-18' }, false],
  ])('M7.3 %s', (_, c, expected) => {
    expect(supplementable(c, first)).toBe(expected);
  });

  it('M7.3 the summary day is the China date: 23:30 UTC on 9 November is already 10 November in Beijing', () => {
    expect(supplementable({ resubmitted: true, correctionDeadline: '2026-11-09' }, { submittedAt: new Date('2026-11-09T23:30:00Z') })).toBe(false);
    expect(supplementable({ resubmitted: true, correctionDeadline: '2026-11-10' }, { submittedAt: new Date('2026-11-09T23:30:00Z') })).toBe(true);
  });

  it('M7.3 an application already sent, in the summary or a supplement, is not sent again', () => {
    const sent = sentApplicationIds([{ entries: [{ applicationId: 'a' }, { applicationId: 'b' }] }, { entries: [{ applicationId: 'c' }] }, { entries: null }]);
    expect([...sent].sort()).toEqual(['a', 'b', 'c']);
  });
});
