import fc from 'fast-check';
import {
  DomainError,
  InvalidArgumentError,
  InvalidDateError,
  InvalidInstantError,
  isDomainError,
} from './errors';
import {
  addDays,
  addYearsClamped,
  compareDates,
  daysBetween,
  fromEpochDay,
  isLocalDate,
  isoWeekday,
  isWeekend,
  maxDate,
  parseLocalDate,
  startOfShanghaiDay,
  toEpochDay,
  toShanghaiDate,
  yearOf,
  yearsArgument,
} from './local-date';

const d = (s: string) => parseLocalDate(s);

describe('LocalDate', () => {
  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
    '2026/01/01',
    '26-01-01',
    '',
    '1899-12-31',
    '3000-01-01',
  ])('rejects %p with INVALID_DATE', (value) => {
    expect(() => parseLocalDate(value, 'documentDate')).toThrow(InvalidDateError);
    try {
      parseLocalDate(value, 'documentDate');
    } catch (e) {
      expect((e as InvalidDateError).code).toBe('INVALID_DATE');
      expect((e as InvalidDateError).message).toContain('documentDate');
      expect((e as InvalidDateError).messageEn).toContain('YYYY-MM-DD');
    }
  });

  it.each([42, null, undefined, new Date(0)])('rejects the non-string %p', (value) => {
    expect(() => parseLocalDate(value)).toThrow(InvalidDateError);
    expect(isLocalDate(value)).toBe(false);
  });

  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '1900-01-01'])('accepts %p', (value) => {
    expect(parseLocalDate(value)).toBe(value);
    expect(isLocalDate(value)).toBe(true);
  });

  it('round-trips every day through the epoch-day conversion (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay(d('1900-01-01')), max: toEpochDay(d('2999-12-31')) }), (n) => {
        expect(toEpochDay(fromEpochDay(n))).toBe(n);
      }),
    );
  });

  it('agrees with the JavaScript UTC calendar (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          const iso = instant.toISOString().slice(0, 10);
          expect(toEpochDay(d(iso))).toBe(Math.floor(instant.getTime() / 86_400_000));
          expect(isoWeekday(d(iso))).toBe(((instant.getUTCDay() + 6) % 7) + 1);
        },
      ),
    );
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('adds days: %s + %i = %s', (from, n, to) => {
    expect(addDays(d(from), n)).toBe(to);
    expect(daysBetween(d(from), d(to))).toBe(n);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2026-03-15', 3, '2029-03-15'],
    ['2026-03-15', -2, '2024-03-15'],
    ['2028-02-29', -2, '2026-02-28'],
  ])('corresponding day: %s + %i years = %s (Civil Code Art. 202 month-end rule)', (from, n, to) => {
    expect(addYearsClamped(d(from), n)).toBe(to);
  });

  it.each([
    ['2026-09-26', 6, true],
    ['2026-09-27', 7, true],
    ['2026-09-28', 1, false],
  ])('weekday of %s is %i', (date, weekday, weekend) => {
    expect(isoWeekday(d(date))).toBe(weekday);
    expect(isWeekend(d(date))).toBe(weekend);
  });

  it.each([
    ['2026-03-01T15:59:59.999Z', '2026-03-01'],
    ['2026-03-01T16:00:00.000Z', '2026-03-02'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
  ])('converts the instant %s to the Asia/Shanghai date %s', (iso, date) => {
    expect(toShanghaiDate(new Date(iso))).toBe(date);
  });

  it('starts a Shanghai day at 16:00 UTC of the day before', () => {
    expect(startOfShanghaiDay(d('2026-10-08')).toISOString()).toBe('2026-10-07T16:00:00.000Z');
  });

  it('rejects an invalid instant with INVALID_INSTANT', () => {
    expect(() => toShanghaiDate(new Date(Number.NaN))).toThrow(InvalidInstantError);
    expect(() => toShanghaiDate('2026-01-01' as unknown as Date)).toThrow(InvalidInstantError);
  });

  it('compares, orders and extracts years', () => {
    expect(compareDates(d('2026-01-01'), d('2026-01-02'))).toBeLessThan(0);
    expect(compareDates(d('2026-01-02'), d('2026-01-01'))).toBeGreaterThan(0);
    expect(compareDates(d('2026-01-02'), d('2026-01-02'))).toBe(0);
    expect(maxDate(d('2026-01-01'), d('2025-01-01'))).toBe('2026-01-01');
    expect(maxDate(d('2025-01-01'), d('2026-01-01'))).toBe('2026-01-01');
    expect(yearOf(d('2027-05-01'))).toBe(2027);
  });

  it.each([-1, 1.5, Number.NaN])('rejects %p years with INVALID_ARGUMENT', (years) => {
    expect(() => yearsArgument('validityYears', years)).toThrow(InvalidArgumentError);
    expect(yearsArgument('validityYears', 3)).toBe(3);
  });

  it('serializes domain errors with code and both languages', () => {
    const e = new InvalidDateError('x', 'applicationDate');
    expect(isDomainError(e)).toBe(true);
    expect(e).toBeInstanceOf(DomainError);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(e.toJSON()).toEqual({
      code: 'INVALID_DATE',
      message: e.message,
      messageEn: e.messageEn,
      details: { field: 'applicationDate', value: 'x' },
    });
    expect(e.name).toBe('InvalidDateError');
  });
});
