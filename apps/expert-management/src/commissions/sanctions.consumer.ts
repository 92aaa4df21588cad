import { Controller } from '@nestjs/common';
import { ExpertDisqualified, ExpertDisqualifiedV1, InstitutionBanImposed, InstitutionBanImposedV1 } from '@firstset/contracts';
import { Consumes, isUuid } from '@firstset/messaging';
import { Tx } from '../prisma';

/**
 * Keeps compliance's sanctions on the institution and expert records, where commissioning and
 * assignment check them (M10.3, M11.2). A later ban never shortens an earlier one.
 */
@Controller()
export class SanctionsConsumer {
  @Consumes(InstitutionBanImposed, { durable: 'expert-management-institution-bans' })
  async banInstitution(ban: InstitutionBanImposedV1, tx: Tx): Promise<void> {
    const where = isUuid(ban.institutionId)
      ? { OR: [{ id: ban.institutionId }, { uscc: ban.institutionUscc }] }
      : { uscc: ban.institutionUscc };
    for (const inst of await tx.institution.findMany({ where })) {
      if (!inst.bannedUntil || inst.bannedUntil < ban.endsOn) {
        await tx.institution.update({ where: { id: inst.id }, data: { bannedUntil: ban.endsOn } });
      }
    }
  }

  @Consumes(ExpertDisqualified, { durable: 'expert-management-expert-disqualifications' })
  async disqualifyExpert(d: ExpertDisqualifiedV1, tx: Tx): Promise<void> {
    if (!isUuid(d.expertId)) return; // not an expert of this pool
    await tx.expert.updateMany({ where: { id: d.expertId, disqualifiedOn: null }, data: { disqualifiedOn: d.decisionDate } });
  }
}
