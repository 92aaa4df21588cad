import { Inject, Injectable } from '@nestjs/common';
import { ListCommissionsV1, PoolQueryV1, Page, pageOf } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { CommissionDetailView, commissionViews } from './commission-view';
import { institutionBannedOn } from './sanctions';

export interface InstitutionView {
  id: string;
  name: string;
  uscc: string;
  /** Last day of a participation ban (M10.3); null when none. */
  bannedUntil: string | null;
  /** Banned today: cannot be commissioned. */
  banned: boolean;
  qualification: string;
  contactName: string;
  contactPhone: string;
  openCommissions: number;
  version: number;
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
      this.db.institution.findMany({
        where,
        include: { _count: { select: { commissions: { where: { endedAt: null } } } } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        skip,
        take,
      }),
    ]);
    const today = toShanghaiDate(this.clock.now());
    const items = rows.map((i) => ({
      id: i.id,
      name: i.name,
      uscc: i.uscc,
      bannedUntil: i.bannedUntil,
      banned: institutionBannedOn(i, today),
      qualification: i.qualification,
      contactName: i.contactName,
      contactPhone: i.contactPhone,
      openCommissions: i._count.commissions,
      version: i.version,
    }));
    return { items, total, page, pageSize };
  }

  async commissions(input: ListCommissionsV1, meta: MessageMeta): Promise<Page<CommissionDetailView>> {
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
    return { items: await commissionViews(this.db, rows), total, page, pageSize };
  }
}
