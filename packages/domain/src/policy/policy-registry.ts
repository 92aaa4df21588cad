import { DomainError } from '../shared/errors';
import { LocalDate } from '../shared/local-date';
import { INNER_MONGOLIA_DRAFT_PROFILE } from './inner-mongolia-draft';
import { PolicyProfile, profileInForce, validatePolicyProfile } from './policy-profile';

/** Which profile a batch, and every application of it, is judged by (M15). */
export interface PolicyProfileRef {
  id: string;
  version: string;
}

/**
 * The profiles the platform ships, each a reviewed data file in this package (ADR 0012): a new
 * version of the Measures is a new file here, validated by the tests, and the Department chooses
 * among them when it opens a batch.
 */
export const BUILT_IN_POLICY_PROFILES: readonly PolicyProfile[] = Object.freeze([INNER_MONGOLIA_DRAFT_PROFILE]);

/**
 * The profile of a batch or an event that predates the profile reference (every batch opened
 * before M15 was wired was judged by the draft).
 */
export const DEFAULT_POLICY_PROFILE_REF: PolicyProfileRef = Object.freeze({
  id: INNER_MONGOLIA_DRAFT_PROFILE.id,
  version: INNER_MONGOLIA_DRAFT_PROFILE.version,
});

export class PolicyProfileUnknownError extends DomainError {
  readonly code = 'POLICY_PROFILE_UNKNOWN';
  constructor(ref: PolicyProfileRef, known: readonly PolicyProfileRef[]) {
    const list = known.map((k) => `${k.id}@${k.version}`).join(', ');
    super(
      `政策配置「${ref.id}」（${ref.version} 版）未登记，可选：${list}。`,
      `Policy profile "${ref.id}" version "${ref.version}" is not registered; registered: ${list}.`,
      { profileId: ref.id, version: ref.version, known: known.map((k) => ({ ...k })) },
    );
  }
}

export class PolicyProfileDuplicatedError extends DomainError {
  readonly code = 'POLICY_PROFILE_DUPLICATED';
  constructor(ref: PolicyProfileRef) {
    super(
      `政策配置「${ref.id}」（${ref.version} 版）重复登记。`,
      `Policy profile "${ref.id}" version "${ref.version}" is registered twice.`,
      { profileId: ref.id, version: ref.version },
    );
  }
}

export class PolicyProfileNotYetInForceError extends DomainError {
  readonly code = 'POLICY_PROFILE_NOT_YET_IN_FORCE';
  constructor(ref: PolicyProfileRef, effectiveFrom: string, opensOn: string) {
    super(
      `政策配置「${ref.id}」（${ref.version} 版）自 ${effectiveFrom} 起生效，不能用于 ${opensOn} 开始申报的批次。`,
      `Policy profile "${ref.id}" version "${ref.version}" takes effect on ${effectiveFrom}; a batch opening on ${opensOn} cannot use it.`,
      { profileId: ref.id, version: ref.version, effectiveFrom, opensOn },
    );
  }
}

export const refOf = (p: Pick<PolicyProfile, 'id' | 'version'>): PolicyProfileRef => ({ id: p.id, version: p.version });

/** The registered profiles, each validated once, looked up by id and version. */
export class PolicyProfileRegistry {
  private readonly byKey = new Map<string, PolicyProfile>();

  constructor(profiles: readonly PolicyProfile[] = BUILT_IN_POLICY_PROFILES) {
    for (const p of profiles) {
      validatePolicyProfile(p);
      const key = `${p.id}@${p.version}`;
      if (this.byKey.has(key)) throw new PolicyProfileDuplicatedError(refOf(p));
      this.byKey.set(key, p);
    }
  }

  /** Every registered profile, oldest effective date first. */
  list(): PolicyProfile[] {
    return [...this.byKey.values()].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  }

  /** The profile a reference names; POLICY_PROFILE_UNKNOWN when it is not registered. */
  get(ref: PolicyProfileRef): PolicyProfile {
    const p = this.byKey.get(`${ref.id}@${ref.version}`);
    if (!p) throw new PolicyProfileUnknownError(ref, this.list().map(refOf));
    return p;
  }

  /** A stored or carried reference; none (older rows and events) means the default profile. */
  resolve(ref: Partial<PolicyProfileRef> | null | undefined): PolicyProfile {
    return this.get(ref?.id && ref.version ? { id: ref.id, version: ref.version } : DEFAULT_POLICY_PROFILE_REF);
  }

  /**
   * The profile a batch opening on `opensOn` is judged by (M15): the one named, which must be in
   * force by then, or else the version of `id` in force on that day.
   */
  forBatch(opensOn: LocalDate, chosen: { id?: string; version?: string }): PolicyProfile {
    const id = chosen.id ?? DEFAULT_POLICY_PROFILE_REF.id;
    if (chosen.version === undefined) return this.inForceOn(opensOn, id);
    const p = this.get({ id, version: chosen.version });
    if (p.effectiveFrom > opensOn) throw new PolicyProfileNotYetInForceError(refOf(p), p.effectiveFrom, opensOn);
    return p;
  }

  /** The version of `id` in force on `date` (M15), for a decision that belongs to no batch. */
  inForceOn(date: LocalDate, id: string = DEFAULT_POLICY_PROFILE_REF.id): PolicyProfile {
    const versions = this.list().filter((p) => p.id === id);
    if (versions.length === 0) throw new PolicyProfileUnknownError({ id, version: '*' }, this.list().map(refOf));
    return profileInForce(versions, date);
  }
}
