import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from '../policy/inner-mongolia-draft';
import { InvalidArgumentError, InvalidDateError } from '../shared/errors';
import { LocalDate, parseLocalDate } from '../shared/local-date';
import { ALTERNATIVE_PROFILE as ALT } from '../testing/alternative-profile';
import { Ban, applicantBan, banPeriod, expertDisqualification, institutionBan, isBannedAt } from './bans';

const d = (s: string) => parseLocalDate(s);
const USCC = '91150200MA0N8K2D0X';

describe('bans (M10.2, M10.3, M11.2)', () => {
  it.each([
    ['2026-06-30', 3, '2029-06-30'],
    ['2028-02-29', 3, '2031-02-28'],
    ['2026-06-30', 2, '2028-06-30'],
  ])('M10.2 a ban decided on %s for %i years lasts through %s', (decided, years, until) => {
    expect(banPeriod(d(decided), years)).toEqual({ from: decided, until });
  });

  it.each([
    ['the day before the decision', '2026-06-29', null],
    ['the decision day', '2026-06-30', '2029-06-30'],
    ['the last day', '2029-06-30', '2029-06-30'],
    ['the day after the last day', '2029-07-01', null],
  ])('M10.2 the applicant is banned on %s (%s): until %p', (_label, date, until) => {
    const ban = applicantBan(USCC, d('2026-06-30'), IM);
    expect(isBannedAt([ban], d(date))?.until ?? null).toBe(until);
  });

  it.each([
    ['M10.2 applicant ban', () => applicantBan(USCC, d('2026-06-30'), ALT), '2028-06-30', 'M10.2'],
    ['M10.3 institution ban', () => institutionBan(USCC, d('2026-06-30'), ALT), '2031-06-30', 'M10.3'],
    [
      'M10.3 institution ban (Inner Mongolia)',
      () => institutionBan(USCC, d('2026-06-30'), IM),
      '2029-06-30',
      'M10.3',
    ],
  ])('%s follows the profile’s number of years', (_label, make, until, id) => {
    const ban = make();
    expect(ban.until).toBe(until);
    expect(ban.measuresIds).toEqual([id]);
  });

  it('M11.2 an expert disqualification has no end until lifted', () => {
    const ban = expertDisqualification('expert-42', d('2026-06-30'));
    expect(isBannedAt([ban], d('2040-01-01'))).toBe(ban);
    const lifted: Ban = { ...ban, liftedOn: d('2027-01-01') };
    expect(isBannedAt([lifted], d('2026-12-31'))).toBe(lifted);
    expect(isBannedAt([lifted], d('2027-01-01'))).toBeNull();
  });

  it('M10.2 with several bans, returns the one that ends last; filters by subject', () => {
    const first = applicantBan(USCC, d('2026-01-10'), IM);
    const second = applicantBan(USCC, d('2027-05-01'), IM);
    const other = applicantBan('91150100MA0000000X', d('2027-05-01'), IM);
    const forever = expertDisqualification(USCC, d('2026-01-01'));
    expect(isBannedAt([first, second], d('2027-06-01'))).toBe(second);
    expect(isBannedAt([second, first], d('2027-06-01'))).toBe(second);
    expect(isBannedAt([first, other], d('2027-06-01'), USCC)).toBe(first);
    expect(isBannedAt([other], d('2027-06-01'), USCC)).toBeNull();
    expect(isBannedAt([first, forever], d('2027-06-01'))).toBe(forever);
    expect(isBannedAt([forever, first], d('2027-06-01'))).toBe(forever);
  });

  it('rejects bad input with typed errors', () => {
    expect(() => banPeriod(d('2026-06-30'), -1)).toThrow(InvalidArgumentError);
    expect(() => banPeriod('2026-06-31' as LocalDate, 3)).toThrow(InvalidDateError);
    expect(() => isBannedAt([], '31/12/2026' as LocalDate)).toThrow(InvalidDateError);
  });
});
