import { Ban, isBannedAt, parseLocalDate } from '@firstset/domain';
import { ServiceError } from '@firstset/messaging';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';

export interface BanRow {
  uscc: string;
  startsOn: string;
  endsOn: string;
  reason: string;
  /** Lifted or set aside from this day (ADR 0026). */
  liftedOn?: string | null;
  /** Suspended from this day, until resumed. */
  suspendedOn?: string | null;
}

/**
 * The refusal for an applicant under an application ban on `date` (M10.2), naming its end;
 * undefined when free. A ban lifted or set aside no longer bars from its day, nor does one whose
 * execution is suspended (ADR 0026).
 */
export function banError(rows: BanRow[], uscc: string, date: string): ServiceError | undefined {
  const own = rows.filter((r) => r.uscc === uscc && !(r.suspendedOn && r.suspendedOn <= date));
  const bans: Ban[] = own.map((r) => ({
    kind: 'applicant_ban',
    subjectId: r.uscc,
    decisionDate: parseLocalDate(r.startsOn),
    from: parseLocalDate(r.startsOn),
    until: parseLocalDate(r.endsOn),
    measuresIds: ['M10.2'],
    liftedOn: r.liftedOn ? parseLocalDate(r.liftedOn) : null,
  }));
  const active = isBannedAt(bans, parseLocalDate(date), uscc);
  return active ? IntakeErrors.applicantBanned(active.until ?? '—', own[bans.indexOf(active)].reason) : undefined;
}

/** Refuses an applicant under an application ban on `date` (M10.2), naming its end date. */
export async function assertNotBanned(tx: Tx, uscc: string, date: string): Promise<void> {
  const banned = banError(await tx.applicantBan.findMany({ where: { uscc } }), uscc, date);
  if (banned) throw banned;
}
