import { LocalDate } from '@firstset/domain';
import { ExpertManagementErrors } from '../expert-management.errors';

export interface InstitutionBanState {
  /** Last day of the ban (M10.3), null when none. */
  bannedUntil: string | null;
  /** The ban's execution suspended from this day, until resumed (ADR 0026). */
  banSuspendedOn: string | null;
}

/** An interim suspension of work while a compliance case is heard (ADR 0026), on an institution or an expert. */
export interface WorkSuspensionState {
  workSuspendedFrom: string | null;
  workSuspensionCase: string | null;
}

/**
 * M10.3: an institution may not take part up to and including the last day of its ban, except
 * while the ban's execution is suspended (ADR 0026).
 */
export const institutionBannedOn = (i: InstitutionBanState, day: LocalDate): boolean =>
  i.bannedUntil !== null && day <= i.bannedUntil && !(i.banSuspendedOn !== null && i.banSuspendedOn <= day);

/** The interim suspension holds on `day`: from its first day until the case is decided or dropped. */
export const workSuspendedOn = (s: WorkSuspensionState, day: LocalDate): boolean => s.workSuspendedFrom !== null && s.workSuspendedFrom <= day;

export function assertInstitutionNotBanned(i: InstitutionBanState & WorkSuspensionState, day: LocalDate): void {
  if (institutionBannedOn(i, day)) throw ExpertManagementErrors.institutionBanned(i.bannedUntil!);
  if (workSuspendedOn(i, day)) throw ExpertManagementErrors.institutionWorkSuspended(i.workSuspendedFrom!, i.workSuspensionCase ?? '');
}

/** M11.2: a disqualification has no end in the Measures: from its day on, for good. */
export function assertExpertQualified(e: { disqualifiedOn: string | null } & WorkSuspensionState, day: LocalDate): void {
  if (e.disqualifiedOn !== null && e.disqualifiedOn <= day) throw ExpertManagementErrors.expertDisqualified(e.disqualifiedOn);
  if (workSuspendedOn(e, day)) throw ExpertManagementErrors.expertWorkSuspended(e.workSuspendedFrom!, e.workSuspensionCase ?? '');
}
