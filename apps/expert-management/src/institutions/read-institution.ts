import { Inject, Injectable } from '@nestjs/common';
import { IdDto, LookupExpertV1, LookupInstitutionV1, SanctionSubjectV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { isUuid, MessageMeta } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { InstitutionDetail, institutionDetail } from './institution-view';

/**
 * One institution's record for the Department and auditors (M8.1), and the lookups compliance
 * makes before a sanction (ADR 0019): is the institution (M10.3) or expert (M11.2) one of ours.
 */
@Injectable()
export class ReadInstitution {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async get(input: IdDto, meta: MessageMeta): Promise<InstitutionDetail> {
    requireActor(meta, ['department_officer', 'auditor']);
    const row = await this.db.institution.findUnique({ where: { id: input.id } });
    if (!row) throw notFound('institution');
    return institutionDetail(this.db, row, toShanghaiDate(this.clock.now()));
  }

  /** By id when it is one, else by USCC; the USCC must match the record found by id. */
  async lookupInstitution(input: LookupInstitutionV1): Promise<SanctionSubjectV1> {
    const row = isUuid(input.institutionId)
      ? await this.db.institution.findFirst({ where: { id: input.institutionId, uscc: input.uscc } })
      : await this.db.institution.findUnique({ where: { uscc: input.uscc } });
    return row ? { known: true, id: row.id, name: row.name } : { known: false, id: null, name: null };
  }

  async lookupExpert(input: LookupExpertV1): Promise<SanctionSubjectV1> {
    const row = isUuid(input.expertId) ? await this.db.expert.findUnique({ where: { id: input.expertId } }) : null;
    return row ? { known: true, id: row.id, name: row.name } : { known: false, id: null, name: null };
  }
}
