import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExpertDisqualified, InstitutionBanImposed } from '@firstset/contracts';
import { EventConsumers, isUuid } from '@firstset/messaging';
import { consumeEvent } from '@firstset/service-kit';
import { Tx } from '../prisma';

/**
 * Keeps compliance's sanctions on the institution and expert records, where commissioning and
 * assignment check them (M10.3, M11.2). A later ban never shortens an earlier one.
 */
@Injectable()
export class SanctionsConsumer implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers<Tx>) {}

  onModuleInit(): void {
    consumeEvent(this.consumers, InstitutionBanImposed, {
      durable: 'expert-management-institution-bans',
      handler: async (ban, tx) => {
        const where = isUuid(ban.institutionId)
          ? { OR: [{ id: ban.institutionId }, { uscc: ban.institutionUscc }] }
          : { uscc: ban.institutionUscc };
        for (const inst of await tx.institution.findMany({ where })) {
          if (!inst.bannedUntil || inst.bannedUntil < ban.endsOn) {
            await tx.institution.update({ where: { id: inst.id }, data: { bannedUntil: ban.endsOn } });
          }
        }
      },
    });
    consumeEvent(this.consumers, ExpertDisqualified, {
      durable: 'expert-management-expert-disqualifications',
      handler: async (d, tx) => {
        if (!isUuid(d.expertId)) return; // not an expert of this pool
        await tx.expert.updateMany({ where: { id: d.expertId, disqualifiedOn: null }, data: { disqualifiedOn: d.decisionDate } });
      },
    });
  }
}
