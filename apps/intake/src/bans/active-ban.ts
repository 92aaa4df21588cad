import { Ban, isBannedAt, parseLocalDate } from '@firstset/domain';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';

/** Refuses an applicant under an application ban on `date` (M10.2), naming its end date. */
export async function assertNotBanned(tx: Tx, uscc: string, date: string): Promise<void> {
  const rows = await tx.applicantBan.findMany({ where: { uscc } });
  const bans: Ban[] = rows.map((r) => ({
    kind: 'applicant_ban',
    subjectId: r.uscc,
    decisionDate: parseLocalDate(r.startsOn),
    from: parseLocalDate(r.startsOn),
    until: parseLocalDate(r.endsOn),
    measuresIds: ['M10.2'],
  }));
  const active = isBannedAt(bans, parseLocalDate(date), uscc);
  if (active) {
    const reason = rows[bans.indexOf(active)].reason;
    throw IntakeErrors.applicantBanned(active.until ?? '—', reason);
  }
}
