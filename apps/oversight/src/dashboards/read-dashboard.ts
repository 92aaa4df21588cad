import { Inject, Injectable } from '@nestjs/common';
import type { DashboardV1, ReadDashboardV1 } from '@firstset/contracts';
import { MessageMeta, ServiceError } from '@firstset/messaging';
import { Clock, PRISMA, requireActor, SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { Db } from '../prisma';
import { chinaDate } from '../projection/timeline';
import { DashboardCache } from './dashboard-cache';
import { Query } from './dashboard-sql';
import { ExactDashboard } from './exact-dashboard';
import { TalliedDashboard } from './tallied-dashboard';

/** Who reads the dashboards: the Department, and the auditor read-only (issue 20). */
export const DASHBOARD_READERS = ['department_officer', 'auditor'] as const;

/**
 * The dashboards from the projection alone (ADR 0029). Without a period, from the tallies the
 * triggers keep and percentiles read at their rank (TalliedDashboard); with one, by grouped SQL
 * over the rows (ExactDashboard). Both exact. A page is cached under the projection's generation,
 * today's date and the filters, and computed once however many ask for it at the same time.
 */
@Injectable()
export class ReadDashboard {
  private readonly cache = new DashboardCache<DashboardV1>();

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly clock: Clock,
  ) {}

  private get s() {
    return `"${this.config.dbSchema}"`;
  }

  async execute(f: ReadDashboardV1, meta: MessageMeta): Promise<DashboardV1> {
    requireActor(meta, DASHBOARD_READERS);
    if (f.from && f.to && f.from > f.to) {
      throw new ServiceError('INVALID_PERIOD', 400, '开始日期晚于结束日期 / The period starts after it ends', undefined, [
        { field: 'from', message: '开始日期晚于结束日期 / from is after to', rule: 'period' },
      ]);
    }
    const asOf = chinaDate(this.clock.now());
    const filters = { batchId: f.batchId ?? null, prefectureId: f.prefectureId ?? null, from: f.from ?? null, to: f.to ?? null };
    const [{ generation }] = await this.db.$queryRawUnsafe<Array<{ generation: bigint }>>(`SELECT sum(n) AS generation FROM ${this.s}.dashboard_generation`);
    return this.cache.get(Number(generation), JSON.stringify([asOf, filters]), () => this.compute(filters, asOf));
  }

  private async compute(filters: DashboardV1['filters'], asOf: string): Promise<DashboardV1> {
    const f: ReadDashboardV1 = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== null));
    if (f.from || f.to) {
      const q: Query = (text, params) => this.db.$queryRawUnsafe(text, ...params);
      return { filters, asOf, batches: await this.batches(q), ...(await new ExactDashboard(q, this.s).figures(f, asOf)) };
    }
    // One snapshot: the tallies' counts and the ranks read in the stage rows must agree.
    return this.db.$transaction(
      async (tx) => {
        const q: Query = (text, params) => tx.$queryRawUnsafe(text, ...params);
        return { filters, asOf, batches: await this.batches(q), ...(await new TalliedDashboard(q, this.s).figures(f, asOf)) };
      },
      { isolationLevel: 'RepeatableRead' },
    );
  }

  private async batches(q: Query) {
    const rows = await q<{ id: string; year: number; name: string; prefecture_deadline: string }>(
      `SELECT id::text, year, name, prefecture_deadline FROM ${this.s}.batches ORDER BY year DESC, name`,
      [],
    );
    return rows.map((r) => ({ batchId: r.id, year: r.year, name: r.name, prefectureDeadline: r.prefecture_deadline }));
  }
}
