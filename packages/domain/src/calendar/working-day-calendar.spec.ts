import chineseDays from 'chinese-days/dist/chinese-days.json';
import { InvalidArgumentError, InvalidDateError } from '../shared/errors';
import { LocalDate, parseLocalDate } from '../shared/local-date';
import { CHINA_HOLIDAYS_SEED } from './china-holidays-seed';
import {
  CalendarEntryInvalidError,
  CalendarYearUnconfirmedError,
  WorkingDayCalendar,
} from './working-day-calendar';

const d = (s: string) => parseLocalDate(s);
const calendar = WorkingDayCalendar.fromSeed(CHINA_HOLIDAYS_SEED);

describe('working-day calendar (M9.2 “工作日”)', () => {
  // Checked by hand against the State Council notices, independently of the seed's data source.
  it.each([
    ['2026-01-01', false, '元旦'],
    ['2026-01-04', true, 'New Year make-up Sunday'],
    ['2026-02-14', true, 'Spring Festival make-up Saturday'],
    ['2026-02-15', false, 'Spring Festival, first day'],
    ['2026-02-23', false, 'Spring Festival, last day (Monday)'],
    ['2026-02-24', true, 'first working day after Spring Festival'],
    ['2026-02-28', true, 'Spring Festival make-up Saturday'],
    ['2026-05-09', true, 'Labour Day make-up Saturday'],
    ['2026-09-20', true, 'National Day make-up Sunday'],
    ['2026-09-25', false, 'Mid-Autumn (Friday)'],
    ['2026-09-28', true, 'Monday after Mid-Autumn'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'National Day, last day'],
    ['2026-10-10', true, 'National Day make-up Saturday'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2025-01-26', true, '2025 Spring Festival make-up Sunday'],
    ['2025-10-06', false, '2025 Mid-Autumn inside the National Day holiday'],
    ['2025-10-11', true, '2025 National Day make-up Saturday'],
    ['2025-12-31', true, 'ordinary Wednesday'],
  ])('M9.2 %s is a working day: %p (%s)', (date, working) => {
    expect(calendar.isWorkingDay(d(date))).toBe(working);
  });

  it('M9.2 the seed equals the pinned data source for every confirmed year (drift check)', () => {
    const source = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
    const fromSource = [
      ...Object.keys(source.holidays).map((date) => `${date} holiday`),
      ...Object.keys(source.workdays).map((date) => `${date} makeup_workday`),
    ].filter((x) => CHINA_HOLIDAYS_SEED.confirmedYears.includes(Number(x.slice(0, 4))));
    expect(CHINA_HOLIDAYS_SEED.entries.map((e) => `${e.date} ${e.kind}`).sort()).toEqual(fromSource.sort());
    expect(CHINA_HOLIDAYS_SEED.confirmedYears).toEqual([2024, 2025, 2026]);
  });

  it.each([2023, 2027])(
    'M9.2 a year not confirmed (%i) is CALENDAR_YEAR_UNCONFIRMED, never a Monday–Friday guess',
    (year) => {
      try {
        calendar.isWorkingDay(d(`${year}-03-02`));
        throw new Error('expected CALENDAR_YEAR_UNCONFIRMED');
      } catch (e) {
        expect(e).toBeInstanceOf(CalendarYearUnconfirmedError);
        expect((e as CalendarYearUnconfirmedError).code).toBe('CALENDAR_YEAR_UNCONFIRMED');
        expect((e as CalendarYearUnconfirmedError).year).toBe(year);
        expect((e as CalendarYearUnconfirmedError).message).toContain(`${year}年`);
      }
    },
  );

  it.each([
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-09', 1, '2026-10-10'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-10-08', -1, '2026-09-30'],
    ['2026-10-03', 0, '2026-10-03'],
  ])('M9.2 %s plus %i working days is %s', (from, n, to) => {
    expect(calendar.addWorkingDays(d(from), n)).toBe(to);
  });

  it('M9.2 counts working days between two dates, both included', () => {
    expect(calendar.workingDaysBetween(d('2026-09-28'), d('2026-10-10'))).toBe(6);
    expect(calendar.workingDaysBetween(d('2026-10-10'), d('2026-09-28'))).toBe(0);
    expect(calendar.nextWorkingDayOnOrAfter(d('2026-10-01'))).toBe('2026-10-08');
  });

  it('M9.2 stepping into an unconfirmed year fails even when the start is confirmed', () => {
    expect(() => calendar.addWorkingDays(d('2026-12-30'), 3)).toThrow(CalendarYearUnconfirmedError);
  });

  it('the Department confirms a new year by entering its notice; the old calendar is unchanged', () => {
    // Hypothetical entries: the real 2027 notice is not assumed here.
    const next = calendar.withYear(2027, [{ date: '2027-01-01', kind: 'holiday', nameZh: '元旦' }], {
      confirmed: true,
    });
    expect(next.isWorkingDay(d('2027-01-01'))).toBe(false);
    expect(next.isWorkingDay(d('2027-01-04'))).toBe(true);
    expect(next.confirmedYears).toEqual([2024, 2025, 2026, 2027]);
    expect(() => calendar.isWorkingDay(d('2027-01-04'))).toThrow(CalendarYearUnconfirmedError);
    expect(next.entryOn(d('2027-01-01'))).toEqual({ date: '2027-01-01', kind: 'holiday', nameZh: '元旦' });
    expect(next.entryOn(d('2027-01-04'))).toBeNull();
  });

  it('the Department can correct a year and withdraw its confirmation', () => {
    const corrected = calendar.withYear(2026, [], { confirmed: false });
    expect(corrected.isConfirmed(2026)).toBe(false);
    expect(corrected.entries.some((e) => e.date.startsWith('2026'))).toBe(false);
    expect(corrected.isConfirmed(2025)).toBe(true);
  });

  it.each([
    [
      'a make-up working day on a weekday',
      [{ date: '2026-10-09', kind: 'makeup_workday' as const, nameZh: 'x' }],
    ],
    [
      'a date listed twice',
      [
        { date: '2026-10-01', kind: 'holiday' as const, nameZh: 'x' },
        { date: '2026-10-01', kind: 'holiday' as const, nameZh: 'x' },
      ],
    ],
    ['an unknown kind', [{ date: '2026-10-01', kind: 'rest' as 'holiday', nameZh: 'x' }]],
  ])('rejects %s with CALENDAR_ENTRY_INVALID', (_label, entries) => {
    expect(() => new WorkingDayCalendar(entries, [2026])).toThrow(CalendarEntryInvalidError);
  });

  it('rejects impossible dates and years', () => {
    expect(
      () => new WorkingDayCalendar([{ date: '2026-02-30', kind: 'holiday', nameZh: 'x' }], [2026]),
    ).toThrow(InvalidDateError);
    expect(() => new WorkingDayCalendar([], [26])).toThrow(InvalidArgumentError);
    expect(() =>
      calendar.withYear(2027, [{ date: '2026-01-01', kind: 'holiday', nameZh: 'x' }], { confirmed: true }),
    ).toThrow(CalendarEntryInvalidError);
    expect(() => calendar.addWorkingDays(d('2026-01-05'), 1.5)).toThrow(InvalidArgumentError);
    expect(() => calendar.isWorkingDay('2026-13-01' as LocalDate)).toThrow(InvalidDateError);
  });
});
