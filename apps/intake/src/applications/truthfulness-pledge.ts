import { SignedPledgeV1 } from '@firstset/contracts';
import { PolicyProfile } from '@firstset/domain';
import { IntakeErrors } from '../intake.errors';

/**
 * M10.1: the enterprise signs the profile's truthfulness pledge with its submission. It names the
 * version it was shown; an outdated or unknown one is refused before anything is written.
 */
export function signPledge(pledgeVersion: string, profile: Pick<PolicyProfile, 'truthfulnessPledge'>, now: Date): SignedPledgeV1 {
  const pledge = profile.truthfulnessPledge;
  if (pledgeVersion !== pledge.version) throw IntakeErrors.pledgeOutdated(pledge.version);
  return { version: pledge.version, textZh: pledge.textZh, textEn: pledge.textEn, signedAt: now.toISOString() };
}
