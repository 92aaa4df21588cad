import { Controller } from '@nestjs/common';
import { ApplicantBanImposed, ApplicantBanImposedV1 } from '@firstset/contracts';
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
}
