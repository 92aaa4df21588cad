import { LocalDate } from '@firstset/domain';
import { ExpertManagementErrors } from '../expert-management.errors';

/** M10.3: an institution may not take part up to and including the last day of its ban. */
export const institutionBannedOn = (i: { bannedUntil: string | null }, day: LocalDate): boolean =>
  i.bannedUntil !== null && day <= i.bannedUntil;

export function assertInstitutionNotBanned(i: { bannedUntil: string | null }, day: LocalDate): void {
  if (institutionBannedOn(i, day)) throw ExpertManagementErrors.institutionBanned(i.bannedUntil!);
}

/** M11.2: a disqualification has no end in the Measures: from its day on, for good. */
export function assertExpertQualified(e: { disqualifiedOn: string | null }, day: LocalDate): void {
  if (e.disqualifiedOn !== null && e.disqualifiedOn <= day) throw ExpertManagementErrors.expertDisqualified(e.disqualifiedOn);
}
