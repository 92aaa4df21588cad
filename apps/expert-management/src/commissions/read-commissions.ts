import { Inject, Injectable } from '@nestjs/common';
import { ListCommissionsV1, PoolQueryV1, Page, pageOf } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { institutionBannedOn } from './sanctions';

export interface InstitutionView {
  id: string;
  name: string;
  uscc: string;
  /** Last day of a participation ban (M10.3); null when none. */
  bannedUntil: string | null;
  /** Banned today: cannot be commissioned. */
  banned: boolean;
}

export interface CommissionRowView {
  id: string;
  batchId: string;
  institutionId: string;
  institutionName: string;
  commissionedAt: string;
}

/** Institutions and commissions as the Department and auditors read them, an institution its own (M8.1, M10.3). */
@Injectable()
export class ReadCommissions {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async institutions(input: PoolQueryV1, meta: MessageMeta): Promise<Page<InstitutionView>> {
    requireActor(meta, ['department_officer', 'auditor']);
    const { page, pageSize, skip, take } = pageOf(input);
    const term = input.search?.trim();
    const where: Prisma.InstitutionWhereInput = term ? { OR: [{ name: { contains: term, mode: 'insensitive' } }, { uscc: { contains: term } }] } : {};
    const [total, rows] = await Promise.all([
      this.db.institution.count({ where }),
      this.db.institution.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip, take }),
    ]);
    const today = toShanghaiDate(this.clock.now());
    const items = rows.map((i) => ({ id: i.id, name: i.name, uscc: i.uscc, bannedUntil: i.bannedUntil, banned: institutionBannedOn(i, today) }));
    return { items, total, page, pageSize };
  }

  async commissions(input: ListCommissionsV1, meta: MessageMeta): Promise<Page<CommissionRowView>> {
    const actor = requireActor(meta, ['department_officer', 'auditor', 'institution_staff']);
    const { page, pageSize, skip, take } = pageOf(input);
    const where: Prisma.CommissionWhereInput = {
      ...(input.batchId ? { batchId: input.batchId } : {}),
      // An institution reads the commissions it holds, no other's.
      ...(actor.role === 'institution_staff' ? { institutionId: institutionOf(actor) } : {}),
    };
    const [total, rows] = await Promise.all([
      this.db.commission.count({ where }),
      this.db.commission.findMany({ where, include: { institution: true }, orderBy: [{ commissionedAt: 'desc' }, { id: 'asc' }], skip, take }),
    ]);
    const items = rows.map((c) => ({
      id: c.id,
      batchId: c.batchId,
      institutionId: c.institutionId,
      institutionName: c.institution.name,
      commissionedAt: c.commissionedAt.toISOString(),
    }));
    return { items, total, page, pageSize };
  }
}
