import { ALTERNATIVE_PROFILE as ALT } from '../testing/alternative-profile';
import { InvalidDateError } from '../shared/errors';
import { LocalDate, parseLocalDate } from '../shared/local-date';
import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from './inner-mongolia-draft';
import {
  AmbiguousProfileError,
  NoProfileInForceError,
  PolicyProfile,
  PolicyProfileInvalidError,
  profileInForce,
  validatePolicyProfile,
} from './policy-profile';

const d = (s: string) => parseLocalDate(s);

describe('policy profiles (M15)', () => {
  it.each([
    ['M9.2', 'publicityWorkingDays', 5],
    ['M9.2', 'publicityCountsPublicationDay', true],
    ['M13.2', 'validityYears', 3],
    ['M10.2', 'applicantBanYears', 3],
    ['M10.3', 'institutionBanYears', 3],
    ['M6.5', 'maxRdAgeYears', 2],
    ['M5.1', 'accidentLookbackYears', 3],
    ['M7.1', 'batchesPerYear', 1],
  ] as const)('%s the Inner Mongolia draft profile sets %s = %p', (_id, field, value) => {
    expect(IM[field]).toBe(value);
  });

  it('M7.4 M4.2 M4.3 the default profile lists the materials and names its catalogue versions', () => {
    expect(validatePolicyProfile(IM)).toBe(IM);
    expect(validatePolicyProfile(ALT)).toBe(ALT);
    expect(new Set(IM.materials.map((m) => m.item))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(IM.equipmentFieldsCatalogue).toEqual({ id: 'nmg-equipment-fields', version: 'measures-draft' });
    expect(IM.materialsCatalogue.version).toBe('2024');
  });

  it('M7.4 the Inner Mongolia profile requires the materials at submission; a pilot profile may not', () => {
    expect(IM.materialsRequiredAtSubmission).toBe(true);
    expect(ALT.materialsRequiredAtSubmission).toBe(false);
  });

  it('M10.1 the profile carries the truthfulness pledge with its version, in Chinese and English', () => {
    expect(IM.truthfulnessPledge.version).toMatch(/\S/);
    expect(IM.truthfulnessPledge.textZh).toContain('真实');
    expect(IM.truthfulnessPledge.textEn).toContain('true');
    const noPledge = { ...IM, truthfulnessPledge: { version: '', textZh: '', textEn: '' } };
    expect(() => validatePolicyProfile(noPledge)).toThrow(PolicyProfileInvalidError);
    const noSetting = { ...IM, materialsRequiredAtSubmission: undefined as unknown as boolean };
    expect(() => validatePolicyProfile(noSetting)).toThrow(/materialsRequiredAtSubmission/);
  });

  it.each([
    ['2026-06-01', IM.id],
    ['2026-12-31', IM.id],
    ['2027-01-01', ALT.id],
    ['2030-05-05', ALT.id],
  ])('M15 on %s the profile in force is %s', (date, id) => {
    expect(profileInForce([ALT, IM], d(date)).id).toBe(id);
  });

  it('M15 before the first profile takes effect nothing is in force', () => {
    expect(() => profileInForce([IM, ALT], d('2024-12-31'))).toThrow(NoProfileInForceError);
    expect(() => profileInForce([], d('2026-01-01'))).toThrow(NoProfileInForceError);
  });

  it('M15 two profiles effective on the same day are ambiguous', () => {
    expect(() => profileInForce([IM, { ...IM, version: 'other' }], d('2026-01-01'))).toThrow(
      AmbiguousProfileError,
    );
  });

  it('rejects an impossible date', () => {
    expect(() => profileInForce([IM], '2026-02-29' as LocalDate)).toThrow(InvalidDateError);
  });

  it.each<[string, Partial<PolicyProfile>]>([
    ['zero publicity days', { publicityWorkingDays: 0 }],
    ['fractional validity', { validityYears: 2.5 }],
    ['a bad effective date', { effectiveFrom: '2026-02-30' as LocalDate }],
    ['a duplicated material', { materials: [...IM.materials, IM.materials[0]] }],
    [
      'an unknown material slot',
      { materials: [...IM.materials, { ...IM.materials[0], slotId: 'photo' as 'applicationForm' }] },
    ],
    [
      'no material always required',
      { materials: IM.materials.map((m) => ({ ...m, condition: 'optional' as const })) },
    ],
  ])('refuses a profile with %s (POLICY_PROFILE_INVALID)', (_label, change) => {
    expect(() => validatePolicyProfile({ ...IM, ...change })).toThrow(PolicyProfileInvalidError);
  });
});
