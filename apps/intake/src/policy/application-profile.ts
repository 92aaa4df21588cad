import { PolicyProfile, PolicyProfileRef, PolicyProfileRegistry } from '@firstset/domain';
import { domainRule } from '@firstset/service-kit';

/** A batch's or an application's policy profile reference, as intake stores it (M15). */
export const profileRefOf = (row: { policyProfileId: string; policyProfileVersion: string }): PolicyProfileRef => ({
  id: row.policyProfileId,
  version: row.policyProfileVersion,
});

/** The profile a batch or application is judged by; POLICY_PROFILE_UNKNOWN (422) when no longer registered. */
export const profileOf = (profiles: PolicyProfileRegistry, row: { policyProfileId: string; policyProfileVersion: string }): PolicyProfile =>
  domainRule(() => profiles.get(profileRefOf(row)));
