import type { DashboardV1, ReadDashboardV1, StageDurationV1 } from '@firstset/contracts';
import { STAGES } from '../projection/timeline';
import { days, filterClause, n, Query } from './dashboard-sql';

/** Everything on the page but the filters, the date and the batches: what a path computes. */
export type Figures = Omit<DashboardV1, 'filters' | 'asOf' | 'batches'>;

/**
 * The dashboards by grouped SQL over the projection's rows, percentiles by percentile_cont
 * (continuous, as a spreadsheet's PERCENTILE computes them). Exact at any filter; the cost grows
 * with the rows in view. Serves a period filter, and is the reference the tallies are tested
 * against (ADR 0029).
 */
export class ExactDashboard {
  constructor(
    private readonly q: Query,
    private readonly s: string,
  ) {}

  async figures(f: ReadDashboardV1, asOf: string): Promise<Figures> {
    const [applications, states, stages, deadlines, returns, objections, sanctions, prefectures] = await Promise.all([
      this.totals(f),
      this.states(f),
      this.stages(f),
      this.deadlines(f, asOf),
      this.returns(f),
      this.objections(f),
      this.sanctions(f),
      this.prefectures(f),
    ]);
    return { applications, states, stages, deadlines, returns, objections, sanctions, prefectures };
  }

  async totals(f: ReadDashboardV1) {
    const p: unknown[] = [];
    const [row] = await this.q<{ n: bigint }>(`SELECT count(*) AS n FROM ${this.s}.applications a WHERE ${filterClause(f, 'a', p)}`, p);
    return n(row?.n);
  }

  async states(f: ReadDashboardV1) {
    const p: unknown[] = [];
    const rows = await this.q<{ state: string; n: bigint }>(
      `SELECT a.state, count(*) AS n FROM ${this.s}.applications a WHERE ${filterClause(f, 'a', p)} GROUP BY a.state ORDER BY n DESC, a.state`,
      p,
    );
    return rows.map((r) => ({ state: r.state, count: n(r.n) }));
  }

  async stages(f: ReadDashboardV1): Promise<StageDurationV1[]> {
    const p: unknown[] = [];
    const where = filterClause(f, 's', p);
    // One sort per stage for both percentiles (an array of fractions), over completed stays only.
    const [done, open] = await Promise.all([
      this.q<{ stage: string; completed: bigint; pct: number[] | null }>(
        `SELECT s.stage, count(*) AS completed, percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY s.seconds) AS pct
           FROM ${this.s}.application_stages s
          WHERE s.left_at IS NOT NULL AND ${where}
          GROUP BY s.stage`,
        p,
      ),
      this.q<{ stage: string; open: bigint }>(
        `SELECT s.stage, count(*) AS open FROM ${this.s}.application_stages s WHERE s.open_since IS NOT NULL AND ${where} GROUP BY s.stage`,
        p,
      ),
    ]);
    const completed = new Map(done.map((r) => [r.stage, r]));
    const inStage = new Map(open.map((r) => [r.stage, n(r.open)]));
    return STAGES.map((stage) => {
      const r = completed.get(stage);
      return { stage, completed: n(r?.completed), inStage: inStage.get(stage) ?? 0, medianDays: days(r?.pct?.[0]), p90Days: days(r?.pct?.[1]) };
    });
  }

  /**
   * Correction deadlines (M7.3): met when resubmitted by the deadline's China date; missed when
   * resubmitted later or the deadline passed without; open while it runs. The prefectures'
   * deadline (M7.2): the first recommendation or rejection by the batch's date; a withdrawn
   * application the prefecture never concluded is not counted.
   */
  async deadlines(f: ReadDashboardV1, asOf: string) {
    const p1: unknown[] = [asOf];
    const [c] = await this.q<{ met: bigint; missed: bigint; open: bigint }>(
      `SELECT count(*) FILTER (WHERE r.resubmitted_at IS NOT NULL AND (r.resubmitted_at AT TIME ZONE 'Asia/Shanghai')::date <= r.deadline) AS met,
              count(*) FILTER (WHERE (r.resubmitted_at IS NOT NULL AND (r.resubmitted_at AT TIME ZONE 'Asia/Shanghai')::date > r.deadline)
                                  OR (r.resubmitted_at IS NULL AND r.deadline < $1::date)) AS missed,
              count(*) FILTER (WHERE r.resubmitted_at IS NULL AND r.deadline >= $1::date) AS open
         FROM ${this.s}.correction_returns r JOIN ${this.s}.applications a ON a.id = r.application_id
        WHERE ${filterClause(f, 'a', p1)}`,
      p1,
    );
    const p2: unknown[] = [asOf];
    const [pr] = await this.q<{ met: bigint; missed: bigint; open: bigint }>(
      `SELECT count(*) FILTER (WHERE a.preliminary_concluded_at IS NOT NULL
                                 AND (a.preliminary_concluded_at AT TIME ZONE 'Asia/Shanghai')::date <= b.prefecture_deadline::date) AS met,
              count(*) FILTER (WHERE (a.preliminary_concluded_at IS NOT NULL
                                      AND (a.preliminary_concluded_at AT TIME ZONE 'Asia/Shanghai')::date > b.prefecture_deadline::date)
                                  OR (a.preliminary_concluded_at IS NULL AND a.state <> 'WITHDRAWN' AND b.prefecture_deadline::date < $1::date)) AS missed,
              count(*) FILTER (WHERE a.preliminary_concluded_at IS NULL AND a.state <> 'WITHDRAWN' AND b.prefecture_deadline::date >= $1::date) AS open
         FROM ${this.s}.applications a JOIN ${this.s}.batches b ON b.id = a.batch_id
        WHERE a.submitted_at IS NOT NULL AND ${filterClause(f, 'a', p2)}`,
      p2,
    );
    return [
      { deadline: 'correction' as const, met: n(c?.met), missed: n(c?.missed), open: n(c?.open) },
      { deadline: 'prefecture_review' as const, met: n(pr?.met), missed: n(pr?.missed), open: n(pr?.open) },
    ];
  }

  async returns(f: ReadDashboardV1) {
    const p: unknown[] = [];
    const where = filterClause(f, 'a', p);
    const [t] = await this.q<{ total: bigint; apps: bigint }>(
      `SELECT coalesce(sum(a.return_count), 0) AS total, count(*) FILTER (WHERE a.return_count > 0) AS apps FROM ${this.s}.applications a WHERE ${where}`,
      p,
    );
    const rows = await this.q<{ item: string; n: bigint }>(
      `SELECT i.item, count(*) AS n
         FROM ${this.s}.correction_returns r JOIN ${this.s}.applications a ON a.id = r.application_id, unnest(r.items) AS i(item)
        WHERE ${where}
        GROUP BY i.item ORDER BY n DESC, i.item LIMIT 20`,
      p,
    );
    return { total: n(t?.total), applications: n(t?.apps), byItem: rows.map((r) => ({ item: r.item, count: n(r.n) })) };
  }

  async objections(f: ReadDashboardV1) {
    const p: unknown[] = [];
    const rows = await this.q<{ outcome: string; n: bigint }>(
      `SELECT coalesce(o.outcome, 'pending') AS outcome, count(*) AS n
         FROM ${this.s}.objections o JOIN ${this.s}.applications a ON a.id = o.application_id
        WHERE ${filterClause(f, 'a', p)} GROUP BY 1`,
      p,
    );
    const by = new Map(rows.map((r) => [r.outcome, n(r.n)]));
    return (['upheld', 'dismissed', 'pending'] as const).map((outcome) => ({ outcome, count: by.get(outcome) ?? 0 }));
  }

  /**
   * Sanctions by measure. With a batch or prefecture, those on its applications' enterprises or
   * recognitions (an institution's or expert's sanction belongs to no prefecture); the period is
   * the day it was imposed.
   */
  async sanctions(f: ReadDashboardV1) {
    const p: unknown[] = [];
    const where: string[] = [];
    if (f.batchId || f.prefectureId) {
      // Two joins rather than one OR, so each is a hash join over the filtered applications.
      const apps = `SELECT a.recognition_id::text AS recognition, a.uscc FROM ${this.s}.applications a WHERE ${filterClause(f, 'a', p, { period: false })}`;
      where.push(`x.id IN (SELECT y.id FROM ${this.s}.sanctions y JOIN (${apps}) m ON m.recognition = y.subject_id
                           UNION SELECT y.id FROM ${this.s}.sanctions y JOIN (${apps}) m ON m.uscc = y.subject_uscc)`);
    }
    if (f.from) {
      p.push(f.from);
      where.push(`(x.imposed_at AT TIME ZONE 'Asia/Shanghai')::date >= $${p.length}::date`);
    }
    if (f.to) {
      p.push(f.to);
      where.push(`(x.imposed_at AT TIME ZONE 'Asia/Shanghai')::date <= $${p.length}::date`);
    }
    const rows = await this.q<{ measure: string; n: bigint }>(
      `SELECT x.measure, count(*) AS n FROM ${this.s}.sanctions x ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY x.measure ORDER BY x.measure`,
      p,
    );
    return rows.map((r) => ({ measure: r.measure, count: n(r.n) }));
  }

  async prefectures(f: ReadDashboardV1) {
    const p: unknown[] = [];
    const rows = await this.q<{ prefecture_id: string; apps: bigint; returned: bigint; recommended: bigint; rejected: bigint; recognized: bigint }>(
      `SELECT a.prefecture_id, count(*) AS apps,
              count(*) FILTER (WHERE a.return_count > 0) AS returned,
              count(*) FILTER (WHERE a.preliminary_outcome = 'recommended') AS recommended,
              count(*) FILTER (WHERE a.preliminary_outcome = 'rejected') AS rejected,
              count(*) FILTER (WHERE a.recognition_id IS NOT NULL) AS recognized
         FROM ${this.s}.applications a WHERE ${filterClause(f, 'a', p)} AND a.prefecture_id IS NOT NULL
        GROUP BY a.prefecture_id ORDER BY a.prefecture_id`,
      p,
    );
    const p2: unknown[] = [];
    const medians = await this.q<{ prefecture_id: string; median: number | null }>(
      `SELECT s.prefecture_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY s.seconds) AS median
         FROM ${this.s}.application_stages s
        WHERE s.stage = 'preliminary_review' AND s.left_at IS NOT NULL AND ${filterClause(f, 's', p2)}
        GROUP BY s.prefecture_id`,
      p2,
    );
    const median = new Map(medians.map((m) => [m.prefecture_id, days(m.median)]));
    return rows.map((r) => ({
      prefectureId: r.prefecture_id,
      applications: n(r.apps),
      returned: n(r.returned),
      recommended: n(r.recommended),
      rejected: n(r.rejected),
      recognized: n(r.recognized),
      preliminaryReviewMedianDays: median.get(r.prefecture_id) ?? null,
    }));
  }
}
