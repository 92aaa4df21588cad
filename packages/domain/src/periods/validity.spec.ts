import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from '../policy/inner-mongolia-draft';
import { InvalidDateError } from '../shared/errors';
import { LocalDate, parseLocalDate } from '../shared/local-date';
import { ALTERNATIVE_PROFILE as ALT } from '../testing/alternative-profile';
import { recognitionStatusAt, recognitionValidity } from './validity';

const d = (s: string) => parseLocalDate(s);

describe('recognition validity (M13.2)', () => {
  it.each([
    ['Inner Mongolia', IM, '2026-03-15', '2029-03-15'],
    ['Inner Mongolia, document on 29 Feb', IM, '2028-02-29', '2031-02-28'],
    ['Inner Mongolia, document on 31 Dec', IM, '2026-12-31', '2029-12-31'],
    ['second profile (5 years)', ALT, '2026-03-15', '2031-03-15'],
    ['second profile, 29 Feb into a leap year', ALT, '2028-02-29', '2033-02-28'],
  ])('M13.2 %s: document %s is valid through %s (both days included)', (_label, profile, doc, until) => {
    expect(recognitionValidity(d(doc), profile)).toEqual({
      documentDate: doc,
      validFrom: doc,
      validUntil: until,
      years: profile.validityYears,
    });
  });

  const v = recognitionValidity(d('2026-03-15'), IM);
  it.each([
    ['2026-03-14', 'not_yet_valid'],
    ['2026-03-15', 'valid'],
    ['2029-03-15', 'valid'],
    ['2029-03-16', 'expired'],
  ])('M13.2 status on %s is %s', (date, status) => {
    expect(recognitionStatusAt(v, d(date))).toBe(status);
  });

  it('M13.2 29 Feb document: valid on 28 Feb three years later, expired on 1 Mar', () => {
    const leap = recognitionValidity(d('2028-02-29'), IM);
    expect(recognitionStatusAt(leap, d('2031-02-28'))).toBe('valid');
    expect(recognitionStatusAt(leap, d('2031-03-01'))).toBe('expired');
  });

  it.each([
    ['2027-06-30', 'valid'],
    ['2027-07-01', 'revoked'],
    ['2030-01-01', 'revoked'],
  ])('M10.2 a recognition revoked on 2027-07-01 is %s on %s', (date, status) => {
    expect(recognitionStatusAt(v, d(date), { revokedOn: d('2027-07-01') })).toBe(status);
  });

  it('rejects an impossible document date with INVALID_DATE', () => {
    expect(() => recognitionValidity('2026-02-30' as LocalDate, IM)).toThrow(InvalidDateError);
    expect(() => recognitionStatusAt(v, '2029-02-29' as LocalDate)).toThrow(InvalidDateError);
  });
});
