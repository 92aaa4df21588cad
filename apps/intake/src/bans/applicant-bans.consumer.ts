import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApplicantBanImposed } from '@firstset/contracts';
import { EventConsumers } from '@firstset/messaging';
import { consumeEvent } from '@firstset/service-kit';
import { Tx } from '../prisma';

/** Keeps intake's projection of compliance's applicant bans (M10.2). */
@Injectable()
export class ApplicantBansConsumer implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers<Tx>) {}

  onModuleInit(): void {
    consumeEvent(this.consumers, ApplicantBanImposed, {
      durable: 'intake-applicant-bans',
      handler: async (ban, tx) => {
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
      },
    });
  }
}
