import { CHINA_HOLIDAYS_SEED } from '../calendar/china-holidays-seed';
import { CalendarYearUnconfirmedError, WorkingDayCalendar } from '../calendar/working-day-calendar';
import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from '../policy/inner-mongolia-draft';
import { addDays, parseLocalDate } from '../shared/local-date';
import { ALTERNATIVE_PROFILE as ALT } from '../testing/alternative-profile';
import { isPublicityOver, isWithinPublicity, publicityPeriod } from './publicity';

const d = (s: string) => parseLocalDate(s);
const calendar = WorkingDayCalendar.fromSeed(CHINA_HOLIDAYS_SEED);

describe('publicity period (M9.2)', () => {
  it.each([
    ['an ordinary Monday', '2026-03-02', '2026-03-02', '2026-03-06'],
    ['the Monday before Mid-Autumn (Fri 25 Sep off)', '2026-09-21', '2026-09-21', '2026-09-28'],
    ['the make-up working Sunday 20 Sep', '2026-09-20', '2026-09-20', '2026-09-24'],
    [
      'the Tuesday before National Day, ending on the make-up Saturday 10 Oct',
      '2026-09-29',
      '2026-09-29',
      '2026-10-10',
    ],
    ['a National Day holiday (1 Oct): day 1 is 8 Oct', '2026-10-01', '2026-10-08', '2026-10-13'],
    [
      'the Thursday before Spring Festival, through make-up Saturday 14 Feb',
      '2026-02-12',
      '2026-02-12',
      '2026-02-25',
    ],
    [
      'the first day after Spring Festival, ending on make-up Saturday 28 Feb',
      '2026-02-24',
      '2026-02-24',
      '2026-02-28',
    ],
    ['an ordinary Saturday', '2026-03-07', '2026-03-09', '2026-03-13'],
    ['Friday before the 2025 National Day and Mid-Autumn holiday', '2025-09-26', '2025-09-26', '2025-10-09'],
  ])('M9.2 Inner Mongolia profile, published on %s: %s → %s … %s', (_label, published, start, end) => {
    const p = publicityPeriod(d(published), IM, calendar);
    expect(p).toMatchObject({ publicationDate: published, startDate: start, endDate: end, workingDays: 5 });
    expect(calendar.workingDaysBetween(p.startDate, p.endDate)).toBe(5);
    expect(p.rule).toMatchObject({
      workingDays: 5,
      countsPublicationDay: true,
      profile: { id: IM.id, version: IM.version },
    });
    expect(p.rule.descriptionZh).toContain('5个工作日');
  });

  it.each([
    ['2026-09-21', '2026-09-22', '2026-10-08'],
    ['2026-02-13', '2026-02-14', '2026-03-02'],
  ])(
    'M9.2 the second profile (7 working days, publication day not counted), published %s: %s … %s',
    (published, start, end) => {
      const p = publicityPeriod(d(published), ALT, calendar);
      expect(p).toMatchObject({ startDate: start, endDate: end, workingDays: 7 });
      expect(p.rule.countsPublicationDay).toBe(false);
      expect(p.rule.descriptionEn).toContain('day after publication');
    },
  );

  it('M9.2 a period running into an unconfirmed year (2027) is CALENDAR_YEAR_UNCONFIRMED', () => {
    expect(() => publicityPeriod(d('2026-12-28'), IM, calendar)).toThrow(CalendarYearUnconfirmedError);
    // Fits inside 2026: fine.
    expect(publicityPeriod(d('2026-12-25'), IM, calendar).endDate).toBe('2026-12-31');
  });

  it('M9.2 once the Department confirms 2027 the same period is computed', () => {
    const with2027 = calendar.withYear(2027, [{ date: '2027-01-01', kind: 'holiday', nameZh: '元旦' }], {
      confirmed: true,
    });
    expect(publicityPeriod(d('2026-12-28'), IM, with2027).endDate).toBe('2027-01-04');
  });

  it('M9.2 every publication day of 2025–2026 gives exactly N working days, start ≥ publication', () => {
    for (let day = d('2025-01-01'); day <= d('2026-12-20'); day = addDays(day, 1)) {
      for (const profile of [IM, ALT]) {
        const p = publicityPeriod(day, profile, calendar);
        expect(calendar.workingDaysBetween(p.startDate, p.endDate)).toBe(profile.publicityWorkingDays);
        expect(p.startDate >= day).toBe(true);
        expect(calendar.isWorkingDay(p.startDate) && calendar.isWorkingDay(p.endDate)).toBe(true);
      }
    }
  });

  it.each([
    ['2026-09-29T00:00:00+08:00', true, false],
    ['2026-10-10T23:59:59+08:00', true, false],
    ['2026-10-11T00:00:00+08:00', false, true],
    ['2026-09-28T23:59:59+08:00', false, false],
  ])(
    'M9.3 at %s within=%p over=%p (objections until 24:00 Beijing time of the last day)',
    (iso, within, over) => {
      const p = publicityPeriod(d('2026-09-29'), IM, calendar);
      expect(isWithinPublicity(p, new Date(iso))).toBe(within);
      expect(isPublicityOver(p, new Date(iso))).toBe(over);
      expect(p.endsAt.toISOString()).toBe('2026-10-10T16:00:00.000Z');
    },
  );
});
