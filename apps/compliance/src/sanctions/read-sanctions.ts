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

/** Institution bans (M10.3) and expert disqualifications (M11.2), for the Department and auditors. */
@Injectable()
export class ReadSanctions {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async institutionBans(meta: MessageMeta): Promise<InstitutionBanView[]> {
    requireActor(meta, ['department_officer', 'auditor']);
    const rows = await this.db.institutionBan.findMany({ orderBy: { createdAt: 'desc' }, take: 2000 });
    return rows.map(toInstitutionBanView);
  }

  async expertDisqualifications(meta: MessageMeta): Promise<ExpertDisqualificationView[]> {
    requireActor(meta, ['department_officer', 'auditor']);
    const rows = await this.db.expertDisqualification.findMany({ orderBy: { createdAt: 'desc' }, take: 2000 });
    return rows.map(toExpertDisqualificationView);
  }
}
