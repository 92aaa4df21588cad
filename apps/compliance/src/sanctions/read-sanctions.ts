import { Inject, Injectable } from '@nestjs/common';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import {
  ExpertDisqualificationView,
  InstitutionBanView,
  toExpertDisqualificationView,
  toInstitutionBanView,
} from './sanction-views';

/**
 * Institution bans (M10.3) and expert disqualifications (M11.2), for the Department and auditors:
 * the registry's, decided in a case (ADR 0026), then those the removed direct commands imposed
 * before it, newest first.
 */
@Injectable()
export class ReadSanctions {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async institutionBans(meta: MessageMeta): Promise<InstitutionBanView[]> {
    requireActor(meta, ['department_officer', 'auditor']);
    const decided = await this.db.sanction.findMany({ where: { measure: 'institution_ban' }, orderBy: { createdAt: 'desc' }, take: 2000 });
    const before = await this.db.institutionBan.findMany({ orderBy: { createdAt: 'desc' }, take: 2000 });
    return [
      ...decided.map((s) => ({
        banId: s.id,
        institutionId: s.subjectId,
        institutionUscc: s.subjectUscc ?? '',
        error: s.reasons,
        decisionDate: s.decisionDate,
        startsOn: s.fromDate,
        endsOn: s.untilDate ?? s.fromDate,
      })),
      ...before.map(toInstitutionBanView),
    ];
  }

  async expertDisqualifications(meta: MessageMeta): Promise<ExpertDisqualificationView[]> {
    requireActor(meta, ['department_officer', 'auditor']);
    const decided = await this.db.sanction.findMany({
      where: { measure: 'expert_disqualification' },
      include: { events: { where: { kind: { in: ['lifted', 'set_aside'] } }, orderBy: { on: 'asc' } } },
      orderBy: { createdAt: 'desc' },
      take: 2000,
    });
    const before = await this.db.expertDisqualification.findMany({ orderBy: { createdAt: 'desc' }, take: 2000 });
    return [
      ...decided.map((s) => ({
        disqualificationId: s.id,
        expertId: s.subjectId,
        misconduct: s.grounds.join(','),
        detail: s.reasons,
        decisionDate: s.decisionDate,
        liftedOn: s.events[0]?.on ?? null,
      })),
      ...before.map(toExpertDisqualificationView),
    ];
  }
}
