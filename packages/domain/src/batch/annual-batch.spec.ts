import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from '../policy/inner-mongolia-draft';
import { InvalidInstantError } from '../shared/errors';
import { ALTERNATIVE_PROFILE as ALT } from '../testing/alternative-profile';
import {
  AnnualBatch,
  BatchInvalidError,
  BatchLimitExceededError,
  assertCanOpenBatch,
  isWithinApplicationWindow,
  profileForBatch,
  validateBatch,
} from './annual-batch';

const batch = (id: string, opens: string, closes: string, year = Number(opens.slice(0, 4))): AnnualBatch => ({
  id,
  year,
  titleZh: `${year}年度首台（套）认定申报`,
  windowOpensAt: new Date(opens),
  windowClosesAt: new Date(closes),
  profile: { id: IM.id, version: IM.version },
});
const b2026 = batch('2026', '2026-04-01T00:00:00+08:00', '2026-05-01T00:00:00+08:00');

describe('annual batch (M7.1)', () => {
  it.each([
    ['2026-03-31T23:59:59.999+08:00', false],
    ['2026-04-01T00:00:00+08:00', true],
    ['2026-04-30T23:59:59.999+08:00', true],
    ['2026-05-01T00:00:00+08:00', false],
  ])('M7.1 an application at %s is inside the window: %p', (at, inside) => {
    expect(isWithinApplicationWindow(b2026, new Date(at))).toBe(inside);
  });

  it('M7.1 the Inner Mongolia profile allows one batch a year', () => {
    expect(() => assertCanOpenBatch([], b2026, IM)).not.toThrow();
    const second = batch('2026-b', '2026-09-01T00:00:00+08:00', '2026-10-01T00:00:00+08:00');
    expect(() => assertCanOpenBatch([b2026], second, IM)).toThrow(BatchLimitExceededError);
    expect(() =>
      assertCanOpenBatch(
        [b2026],
        batch('2027', '2027-04-01T00:00:00+08:00', '2027-05-01T00:00:00+08:00'),
        IM,
      ),
    ).not.toThrow();
    // Re-validating the same batch does not count it twice.
    expect(() => assertCanOpenBatch([b2026], b2026, IM)).not.toThrow();
  });

  it('M7.1 the second profile allows two batches a year, not three', () => {
    const second = batch('2026-b', '2026-09-01T00:00:00+08:00', '2026-10-01T00:00:00+08:00');
    const third = batch('2026-c', '2026-11-01T00:00:00+08:00', '2026-12-01T00:00:00+08:00');
    expect(() => assertCanOpenBatch([b2026], second, ALT)).not.toThrow();
    expect(() => assertCanOpenBatch([b2026, second], third, ALT)).toThrow(BatchLimitExceededError);
  });

  it('M7.1 the batch year is the Beijing-time year of the opening (00:30 on 1 Jan is the new year)', () => {
    expect(() =>
      validateBatch(batch('y', '2026-12-31T16:30:00Z', '2027-02-01T00:00:00+08:00', 2027)),
    ).not.toThrow();
    expect(() =>
      validateBatch(batch('y', '2026-12-31T16:30:00Z', '2027-02-01T00:00:00+08:00', 2026)),
    ).toThrow(BatchInvalidError);
  });

  it('M15 a batch is judged by the profile in force when it opens', () => {
    expect(profileForBatch([IM, ALT], b2026).id).toBe(IM.id);
    expect(
      profileForBatch([IM, ALT], batch('2027', '2027-04-01T00:00:00+08:00', '2027-05-01T00:00:00+08:00')).id,
    ).toBe(ALT.id);
  });

  it('rejects a window that closes before it opens, and invalid instants', () => {
    expect(() => validateBatch(batch('x', '2026-05-01T00:00:00+08:00', '2026-04-01T00:00:00+08:00'))).toThrow(
      BatchInvalidError,
    );
    expect(() => isWithinApplicationWindow(b2026, new Date('not a date'))).toThrow(InvalidInstantError);
    expect(() => validateBatch({ ...b2026, windowOpensAt: new Date(Number.NaN) })).toThrow(
      InvalidInstantError,
    );
  });
});
