import { createHash } from 'node:crypto';
import { parseLocalDate } from '../shared/local-date';
import { validatePolicyProfile } from '../policy/policy-profile';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '../policy/inner-mongolia-draft';
import { canonicalListContent, decisionProblems, FrozenListEntry } from './decision';
import { canMoveObjection, objectionHolds, objectionInTime, objectionReceiptNo, OBJECTION_STATUSES } from './objections';
import { expiryNoticeDue } from './expiry';
import { formatRecognitionNumber, INNER_MONGOLIA_RECOGNITION, recognitionProfileProblems } from './recognition-profile';

const entry = (seq: number, over: Partial<FrozenListEntry> = {}): FrozenListEntry => ({
  seq,
  applicationNo: `2026-150200-000${seq}`,
  enterpriseName: '包头北方重型装备有限公司',
  uscc: '91150200MA0N4KXX4C',
  prefectureId: '150200',
  productKind: 'FIRST_SET_EQUIPMENT',
  productName: '220吨电动轮矿用自卸车',
  series: 'NTE',
  model: `NTE22${seq}`,
  ...over,
});

describe('M9.1 the decided list, frozen', () => {
  const list = { batchId: 'b1', decidedOn: '2026-11-20', entries: [entry(2), entry(1)] };

  it('has one canonical text whatever the order of entries or keys, so its hash can be recomputed from the public page', () => {
    const shuffled = { decidedOn: '2026-11-20', entries: [entry(1), { ...entry(2) }].reverse(), batchId: 'b1' };
    expect(canonicalListContent(shuffled)).toBe(canonicalListContent(list));
    expect(canonicalListContent(list).indexOf('NTE221')).toBeLessThan(canonicalListContent(list).indexOf('NTE222'));
    expect(JSON.parse(canonicalListContent(list)).entries).toHaveLength(2);
  });

  it('changes with any field of any entry (a renamed product cannot pass unseen)', () => {
    const hash = (l: typeof list) => createHash('sha256').update(canonicalListContent(l)).digest('hex');
    const renamed = { ...list, entries: [entry(2), entry(1, { productName: '220吨矿用自卸车' })] };
    expect(hash(renamed)).not.toBe(hash(list));
    expect(hash({ ...list })).toBe(hash(list));
  });

  it('decides every candidate exactly once, with a reason for each one not selected (no application stays REVIEWED)', () => {
    expect(decisionProblems(['a', 'b'], [{ applicationId: 'a', outcome: 'selected' }, { applicationId: 'b', outcome: 'not_selected', reason: '综合评审不建议认定' }])).toEqual([]);
    expect(decisionProblems(['a', 'b'], [{ applicationId: 'b', outcome: 'not_selected', reason: '不符合' }, { applicationId: 'b', outcome: 'selected' }, { applicationId: 'x', outcome: 'selected' }, { applicationId: 'a', outcome: 'not_selected', reason: ' ' }]).map((p) => p.field)).toEqual([
      'decisions.1.applicationId',
      'decisions.2.applicationId',
      'decisions.3.reason',
    ]);
    expect(decisionProblems(['a', 'b'], [{ applicationId: 'a', outcome: 'selected' }])).toEqual([{ field: 'decisions', message: expect.stringContaining('b') }]);
    // Selecting none is a decision: every candidate is told; there is no list to publish.
    expect(decisionProblems(['a'], [{ applicationId: 'a', outcome: 'not_selected', reason: '不建议认定' }])).toEqual([]);
  });
});

describe('M9.2 M9.3 objections', () => {
  it('move received → inadmissible | under investigation → upheld | dismissed, and only open ones hold the entry', () => {
    expect(canMoveObjection('received', 'under_investigation')).toBe(true);
    expect(canMoveObjection('received', 'upheld')).toBe(false);
    expect(canMoveObjection('under_investigation', 'dismissed')).toBe(true);
    expect(canMoveObjection('dismissed', 'under_investigation')).toBe(false);
    expect(OBJECTION_STATUSES.filter(objectionHolds)).toEqual(['received', 'under_investigation']);
  });

  it('are in time from the start of the publicity until it is over, and refused after', () => {
    const p = { startsAt: new Date('2026-11-22T16:00:00Z'), endsAt: new Date('2026-11-29T16:00:00Z') };
    expect(objectionInTime(p, new Date('2026-11-22T15:59:59Z'))).toBe('too_early');
    expect(objectionInTime(p, new Date('2026-11-29T15:59:59.999Z'))).toBe('in_time');
    expect(objectionInTime(p, new Date('2026-11-29T16:00:00Z'))).toBe('too_late');
  });

  it('get a receipt number one can read out on the phone', () => {
    const no = objectionReceiptNo(2026, Uint8Array.from([0, 1, 2, 3, 250, 31, 32, 64]));
    expect(no).toMatch(/^2026-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(no).toBe('2026-2345-UZ22');
    expect(() => objectionReceiptNo(2026, new Uint8Array(4))).toThrow(RangeError);
  });
});

describe('M9.3 M13.2 numbering from the profile', () => {
  it('numbers documents and certificates by the profile\'s patterns', () => {
    expect(formatRecognitionNumber(INNER_MONGOLIA_RECOGNITION.documentNumberPattern, { year: 2026, seq: 12 })).toBe('内工信装备认字〔2026〕12号');
    expect(formatRecognitionNumber(INNER_MONGOLIA_RECOGNITION.certificateNumberPattern, { year: 2026, seq: 7 })).toBe('NMSTT-2026-0007');
    expect(() => formatRecognitionNumber('X-{year}-{seq}', { year: 2026, seq: 0 })).toThrow(RangeError);
  });

  it('refuses a profile whose numbers could not be told apart, or whose notice has no contact', () => {
    expect(recognitionProfileProblems(INNER_MONGOLIA_RECOGNITION)).toEqual([]);
    const bad = { ...INNER_MONGOLIA_RECOGNITION, certificateNumberPattern: 'NMSTT-{year}', noticeContact: { ...INNER_MONGOLIA_RECOGNITION.noticeContact, phone: '' } };
    expect(recognitionProfileProblems(bad)).toHaveLength(2);
    expect(() => validatePolicyProfile({ ...INNER_MONGOLIA_DRAFT_PROFILE, recognition: bad })).toThrow(/certificateNumberPattern/);
  });
});

describe('M13.2 M14 expiry notices', () => {
  const until = parseLocalDate('2029-11-20');
  const on = (d: string) => parseLocalDate(d);

  it('are sent 90 and 30 days before the last valid day, each once', () => {
    expect(expiryNoticeDue(until, on('2029-08-21'), [])).toBeNull(); // 91 days left
    expect(expiryNoticeDue(until, on('2029-08-22'), [])).toBe(90);
    expect(expiryNoticeDue(until, on('2029-09-01'), [90])).toBeNull();
    expect(expiryNoticeDue(until, on('2029-10-21'), [90])).toBe(30);
    expect(expiryNoticeDue(until, on('2029-10-25'), [90, 30])).toBeNull();
  });

  it('never send two at once, nor one after the recognition expired', () => {
    expect(expiryNoticeDue(until, on('2029-11-01'), [])).toBe(30);
    expect(expiryNoticeDue(until, on('2029-11-20'), [90])).toBe(30);
    expect(expiryNoticeDue(until, on('2029-11-21'), [])).toBeNull();
  });
});
