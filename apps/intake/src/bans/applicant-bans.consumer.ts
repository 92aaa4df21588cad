import { Controller } from '@nestjs/common';
import { ApplicantBanImposed, ApplicantBanImposedV1, SanctionChanged, SanctionChangedV1 } from '@firstset/contracts';
import { Consumes } from '@firstset/messaging';
import { Tx } from '../prisma';

/** Keeps intake's projection of compliance's applicant bans (M10.2). */
@Controller()
export class ApplicantBansConsumer {
  @Consumes(ApplicantBanImposed, { durable: 'intake-applicant-bans' })
  async keep(ban: ApplicantBanImposedV1, tx: Tx): Promise<void> {
    await tx.applicantBan.upsert({
      where: { id: ban.banId },
      create: {
        id: ban.banId,
        uscc: ban.uscc,
        startsOn: ban.startsOn,
        endsOn: ban.endsOn,
        reason: ban.reason,
        revocationId: ban.revocationId,
      },
      update: {},
    });
  }

  /**
   * ADR 0026: a ban lifted early or set aside no longer refuses the applicant from its day; one
   * suspended does not while suspended. The ban's id is its sanction's in the registry.
   */
  @Consumes(SanctionChanged, { durable: 'intake-applicant-ban-changes' })
  async change(e: SanctionChangedV1, tx: Tx): Promise<void> {
    if (e.measure !== 'applicant_ban') return;
    const data =
      e.change === 'lifted' || e.change === 'set_aside'
        ? { liftedOn: e.on }
        : e.change === 'suspended'
          ? { suspendedOn: e.on }
          : e.change === 'resumed'
            ? { suspendedOn: null }
            : null;
    if (data) await tx.applicantBan.updateMany({ where: { id: e.sanctionId }, data });
  }
}
