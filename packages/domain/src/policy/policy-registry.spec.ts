import { ALTERNATIVE_PROFILE as ALT } from '../testing/alternative-profile';
import { NoProfileInForceError } from './policy-profile';
import { LocalDate } from '../shared/local-date';
import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from './inner-mongolia-draft';
import {
  BUILT_IN_POLICY_PROFILES,
  DEFAULT_POLICY_PROFILE_REF,
  PolicyProfileDuplicatedError,
  PolicyProfileNotYetInForceError,
  PolicyProfileRegistry,
  PolicyProfileUnknownError,
} from './policy-registry';
import { PolicyProfileInvalidError } from './policy-profile';

const d = (s: string) => s as LocalDate;
const IM_NEXT = { ...IM, version: '2027', effectiveFrom: d('2027-03-01'), publicityWorkingDays: 7 };

describe('policy profile registry (M15)', () => {
  it('M15 every built-in profile is valid and the default is registered', () => {
    const registry = new PolicyProfileRegistry();
    expect(registry.list()).toEqual([...BUILT_IN_POLICY_PROFILES]);
    expect(registry.get(DEFAULT_POLICY_PROFILE_REF)).toBe(IM);
  });

  it('M15 a reference resolves to its own version; none resolves to the default (events before M15)', () => {
    const registry = new PolicyProfileRegistry([IM, IM_NEXT, ALT]);
    expect(registry.resolve({ id: IM.id, version: '2027' }).publicityWorkingDays).toBe(7);
    expect(registry.resolve({ id: ALT.id, version: ALT.version })).toBe(ALT);
    expect(registry.resolve(undefined)).toBe(IM);
    expect(registry.resolve(null)).toBe(IM);
    expect(registry.resolve({ id: IM.id })).toBe(IM);
  });

  it('M15 an unknown reference is refused and names the registered ones', () => {
    const registry = new PolicyProfileRegistry([IM]);
    expect(() => registry.get({ id: IM.id, version: 'final' })).toThrow(PolicyProfileUnknownError);
    try {
      registry.get({ id: 'x', version: '1' });
    } catch (e) {
      expect((e as PolicyProfileUnknownError).messageEn).toContain('nmg-first-set@draft');
    }
    expect.assertions(2);
  });

  it('M15 a batch takes the version in force on its opening day unless one is named', () => {
    const registry = new PolicyProfileRegistry([IM, IM_NEXT, ALT]);
    expect(registry.forBatch(d('2026-10-01'), {}).version).toBe('draft');
    expect(registry.forBatch(d('2027-03-01'), {}).version).toBe('2027');
    expect(registry.forBatch(d('2027-06-01'), { version: 'draft' }).version).toBe('draft');
    expect(registry.forBatch(d('2027-06-01'), { id: ALT.id, version: ALT.version })).toBe(ALT);
    expect(() => registry.forBatch(d('2026-10-01'), { version: '2027' })).toThrow(PolicyProfileNotYetInForceError);
    expect(() => registry.forBatch(d('2024-10-01'), {})).toThrow(NoProfileInForceError);
    expect(() => registry.forBatch(d('2026-10-01'), { id: 'elsewhere' })).toThrow(PolicyProfileUnknownError);
  });

  it('M15 refuses an invalid or twice-registered profile', () => {
    expect(() => new PolicyProfileRegistry([{ ...IM, validityYears: 0 }])).toThrow(PolicyProfileInvalidError);
    expect(() => new PolicyProfileRegistry([IM, { ...IM }])).toThrow(PolicyProfileDuplicatedError);
  });
});
