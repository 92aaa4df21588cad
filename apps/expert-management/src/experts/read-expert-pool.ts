import type { ExpertViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { ExpertPoolQueryV1, Page, pageOf } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { toExpertView } from './expert-view';

export type ExpertView = ExpertViewV1;

/**
 * The caller's institution's expert pool, searched by name, employer or specialty, filtered by an
 * M4.2 field and by availability today (available, unavailable, disqualified M11.2), paged. The
 * Department and the auditor search every institution's pool (to name an expert in a compliance
 * case, M11.2).
 */
@Injectable()
export class ReadExpertPool {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async execute(input: ExpertPoolQueryV1, meta: MessageMeta): Promise<Page<ExpertView>> {
    const actor = requireActor(meta, ['institution_staff', 'department_officer', 'auditor']);
    const { page, pageSize, skip, take } = pageOf(input);
    const today = toShanghaiDate(this.clock.now());
    const and: Prisma.ExpertWhereInput[] = actor.role === 'institution_staff' ? [{ institutionId: institutionOf(actor) }] : [];
    const term = input.search?.trim();
    if (term)
      and.push({
        OR: [
          { name: { contains: term, mode: 'insensitive' } },
          { field: { contains: term, mode: 'insensitive' } },
          { employerName: { contains: term, mode: 'insensitive' } },
        ],
      });
    if (input.fieldCode) and.push({ fieldCodes: { has: input.fieldCode } });
    const qualified: Prisma.ExpertWhereInput = { OR: [{ disqualifiedOn: null }, { disqualifiedOn: { gt: today } }] };
    const free: Prisma.ExpertWhereInput = { OR: [{ available: true }, { unavailableUntil: { lt: today } }] };
    if (input.availability === 'disqualified') and.push({ disqualifiedOn: { lte: today } });
    // Suspended while a compliance case is heard (ADR 0026): not available, whatever the expert marked.
    const suspended: Prisma.ExpertWhereInput = { workSuspendedFrom: { lte: today } };
    const working: Prisma.ExpertWhereInput = { OR: [{ workSuspendedFrom: null }, { workSuspendedFrom: { gt: today } }] };
    if (input.availability === 'available') and.push(qualified, free, working);
    const away: Prisma.ExpertWhereInput = { available: false, OR: [{ unavailableUntil: null }, { unavailableUntil: { gte: today } }] };
    if (input.availability === 'unavailable') and.push(qualified, { OR: [away, suspended] });
    const where: Prisma.ExpertWhereInput = { AND: and };
    const [total, experts] = await Promise.all([
      this.db.expert.count({ where }),
      this.db.expert.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip, take }),
    ]);
    return { items: experts.map((e) => toExpertView(e, today)), total, page, pageSize };
  }
}
