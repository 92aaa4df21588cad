import { Inject, Injectable } from '@nestjs/common';
import type { PublicSanctionV1, SanctionPageV1 } from '@firstset/contracts';
import { ListSanctionsV1, pageOf } from '@firstset/contracts';
import { LocalDate, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { SANCTION_INCLUDE, toPublicSanction, toSanctionRecord } from './sanction-record-view';

/**
 * The registry for the Department and the auditor (every sanction, its history), and the public
 * list of those in force today (ADR 0026). A status is computed on the day, so filtering by it
 * reads the measure's candidates and filters after: the registry holds hundreds, not millions.
 */
@Injectable()
export class ReadRegistry {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(input: ListSanctionsV1, meta: MessageMeta): Promise<SanctionPageV1> {
    requireActor(meta, ['department_officer', 'auditor']);
    const today = toShanghaiDate(this.clock.now());
    const { page, pageSize, skip, take } = pageOf(input);
    const where: Prisma.SanctionWhereInput = {
      ...(input.measure ? { measure: input.measure } : {}),
      ...(input.search
        ? { OR: [{ subjectName: { contains: input.search } }, { subjectId: { contains: input.search } }, { subjectUscc: { contains: input.search } }] }
        : {}),
    };
    const orderBy = [{ decisionDate: 'desc' as const }, { createdAt: 'desc' as const }];
    if (!input.status) {
      const [total, rows] = await Promise.all([this.db.sanction.count({ where }), this.db.sanction.findMany({ where, include: SANCTION_INCLUDE, orderBy, skip, take })]);
      return { items: rows.map((r) => toSanctionRecord(r, today)), total, page, pageSize };
    }
    const all = (await this.db.sanction.findMany({ where, include: SANCTION_INCLUDE, orderBy })).map((r) => toSanctionRecord(r, today)).filter((r) => r.status === input.status);
    return { items: all.slice(skip, skip + take), total: all.length, page, pageSize };
  }

  /** Anyone: the sanctions in force today, without facts, evidence or history. */
  async inForce(): Promise<PublicSanctionV1[]> {
    const today: LocalDate = toShanghaiDate(this.clock.now());
    const rows = await this.db.sanction.findMany({
      where: { fromDate: { lte: today }, OR: [{ untilDate: null }, { untilDate: { gte: today } }] },
      include: SANCTION_INCLUDE,
      orderBy: [{ decisionDate: 'desc' }, { createdAt: 'desc' }],
    });
    return rows.map((r) => toSanctionRecord(r, today)).filter((r) => r.status === 'in_force').map(toPublicSanction);
  }
}
