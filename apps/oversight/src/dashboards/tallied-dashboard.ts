import type { ReadDashboardV1 } from '@firstset/contracts';
import { STAGES } from '../projection/timeline';
import { days, n, Query } from './dashboard-sql';
import { ExactDashboard, Figures } from './exact-dashboard';

/** percentile_cont's two fractions, as the page shows them. */
const P50 = 0.5;
const P90 = 0.9;

/**
 * percentile_cont(p) of N sorted values, from the values at ranks k = floor(p·(N−1)) and k+1:
 * the same float8 arithmetic PostgreSQL does, so the same number.
 */
export function interpolate(p: number, count: number, pair: number[]): number | null {
  if (count === 0 || pair.length === 0) return null;
  const at = p * (count - 1);
  const fraction = at - Math.floor(at);
  return fraction === 0 || pair.length < 2 ? pair[0] : pair[0] + fraction * (pair[1] - pair[0]);
}

/**
 * Offsets that read the two values at ranks k and k+1 of `count` sorted values: from the low end
 * for a median, from the high end for a 90th percentile (fewer index entries skipped).
 */
export function rankWindow(p: number, count: number): { descending: boolean; offset: number } {
  const k = Math.floor(p * (count - 1));
  return p <= 0.5 ? { descending: false, offset: k } : { descending: true, offset: Math.max(0, count - 2 - k) };
}

/**
 * The dashboards without a period filter (ADR 0029, amendment of 2026-12-03): counts from
 * dashboard_tallies (kept by triggers, one row per batch, prefecture, metric and key), and each
 * percentile as the two stage rows at its rank, read by an index ordered by seconds (the count
 * comes from the tallies). Exact, like the reference, and independent of the rows in view. Run
 * in one REPEATABLE READ snapshot so the counts and the ranks agree.
 */
export class TalliedDashboard {
  constructor(
    private readonly q: Query,
    private readonly s: string,
  ) {}

  /** The tallies' WHERE clause and the stage rows' (same filters, numbered alike). */
  private where(f: ReadDashboardV1, params: unknown[]) {
    const t: string[] = [];
    const s = ['s.left_at IS NOT NULL', 's.batch_id IS NOT NULL'];
    if (f.batchId) {
      params.push(f.batchId);
      t.push(`t.batch_id = $${params.length}::uuid`);
      s.push(`s.batch_id = $${params.length}::uuid`);
    }
    if (f.prefectureId) {
      params.push(f.prefectureId);
      t.push(`t.prefecture_id = $${params.length}`);
      s.push(`s.prefecture_id = $${params.length}`);
    }
    return { tallies: t.length ? t.join(' AND ') : 'true', stages: s.join(' AND ') };
  }

  async figures(f: ReadDashboardV1, asOf: string): Promise<Figures> {
    const counts = await this.counts(f, asOf);
    const total = (metric: string, key: string) => counts.find((c) => c.p === null && c.m === metric && c.k === key)?.n ?? 0;
    const list = (metric: string) => counts.filter((c) => c.p === null && c.m === metric && c.k !== null);
    const states = list('state').map((c) => ({ state: c.k!, count: c.n }));

    const completed = new Map(list('done').map((c) => [c.k!, c.n]));
    const perPrefecture = counts.filter((c) => c.p !== null && c.p !== '' && c.m === 'done' && c.k === 'preliminary_review');
    const [pct, medians] = await Promise.all([
      this.ranks(f, [...completed].flatMap(([stage, count]) => [{ stage, p: P50, count }, { stage, p: P90, count }])),
      this.ranks(f, perPrefecture.map((c) => ({ stage: 'preliminary_review', p: P50, count: c.n, prefectureId: c.p! }))),
    ]);
    const stages = STAGES.map((stage) => {
      const count = completed.get(stage) ?? 0;
      return {
        stage,
        completed: count,
        inStage: total('open', stage),
        medianDays: days(pct.get(`${stage}|${P50}|`)),
        p90Days: days(pct.get(`${stage}|${P90}|`)),
      };
    });

    const deadline = (kind: string) => ({ met: total(kind, 'met'), missed: total(kind, 'missed'), open: total(kind, 'open') });
    const of = (p: string, metric: string, key: string) => counts.find((c) => c.p === p && c.m === metric && c.k === key)?.n ?? 0;
    const prefectures = [...new Set(counts.filter((c) => c.p && c.m === 'state').map((c) => c.p!))].map((p) => ({
      prefectureId: p,
      applications: counts.filter((c) => c.p === p && c.m === 'state').reduce((sum, c) => sum + c.n, 0),
      returned: of(p, 'returned', ''),
      recommended: of(p, 'outcome', 'recommended'),
      rejected: of(p, 'outcome', 'rejected'),
      recognized: of(p, 'recognized', ''),
      preliminaryReviewMedianDays: days(medians.get(`preliminary_review|${P50}|${p}`)) ?? null,
    }));
    return {
      applications: states.reduce((sum, s) => sum + s.count, 0),
      states,
      stages,
      deadlines: [
        { deadline: 'correction' as const, ...deadline('correction') },
        { deadline: 'prefecture_review' as const, ...deadline('prefecture_deadline') },
      ],
      returns: { total: total('returns', ''), applications: total('returned', ''), byItem: list('item').slice(0, 20).map((c) => ({ item: c.k!, count: c.n })) },
      objections: (['upheld', 'dismissed', 'pending'] as const).map((outcome) => ({ outcome, count: total('objection', outcome) })),
      // Sanctions are few (hundreds); the reference's query reads them through the applications' indexes.
      sanctions: await new ExactDashboard(this.q, this.s).sanctions(f),
      prefectures,
    };
  }

  /**
   * The tallies in view, summed over every prefecture (p null) and per prefecture. What is still
   * due is judged here against today (the tallies keep the correction deadlines' dates).
   */
  private async counts(f: ReadDashboardV1, asOf: string) {
    const params: unknown[] = [asOf];
    const { tallies } = this.where(f, params);
    const rows = await this.q<{ p: string | null; m: string; k: string | null; n: bigint }>(
      `SELECT p, m, k, sum(x.n) AS n FROM (
         SELECT t.prefecture_id AS p, t.metric AS m, t.n,
                CASE WHEN t.metric = 'prefecture_deadline' AND t.key = 'pending' THEN
                       CASE WHEN b.prefecture_deadline::date < $1::date THEN 'missed' ELSE 'open' END
                     WHEN t.metric = 'correction' AND t.key LIKE 'due:%' THEN CASE WHEN substr(t.key, 5)::date < $1::date THEN 'missed' ELSE 'open' END
                     WHEN t.metric = 'correction' AND t.key = 'late' THEN 'missed'
                     ELSE t.key END AS k
           FROM ${this.s}.dashboard_tallies t LEFT JOIN ${this.s}.batches b ON b.id = t.batch_id AND t.metric = 'prefecture_deadline'
          WHERE ${tallies}) x
        GROUP BY GROUPING SETS ((m, k), (p, m, k))
       HAVING sum(x.n) <> 0
        ORDER BY p NULLS FIRST, m, n DESC, k`,
      params,
    );
    return rows.map((r) => ({ p: r.p, m: r.m, k: r.k, n: n(r.n) }));
  }

  /**
   * Each percentile asked for, keyed `stage|p|prefecture`: the two values at its rank, one index
   * range each (stage, [batch], [prefecture], seconds), all in one statement.
   */
  private async ranks(f: ReadDashboardV1, asked: Array<{ stage: string; p: number; count: number; prefectureId?: string }>) {
    const out = new Map<string, number | null>();
    if (asked.length === 0) return out;
    const params: unknown[] = [];
    const { stages } = this.where(f, params);
    const parts = asked.map((a, i) => {
      const { descending, offset } = rankWindow(a.p, a.count);
      params.push(a.stage);
      const stage = `$${params.length}`;
      let prefecture = '';
      if (a.prefectureId && !f.prefectureId) {
        params.push(a.prefectureId);
        prefecture = ` AND s.prefecture_id = $${params.length}`;
      }
      return `(SELECT ${i} AS i, array_agg(x.seconds ORDER BY x.seconds) AS pair FROM (
                 SELECT s.seconds FROM ${this.s}.application_stages s WHERE s.stage = ${stage} AND ${stages}${prefecture}
                  ORDER BY s.seconds ${descending ? 'DESC' : ''} OFFSET ${offset} LIMIT 2) x)`;
    });
    const rows = await this.q<{ i: number; pair: number[] | null }>(parts.join('\nUNION ALL\n'), params);
    for (const r of rows) {
      const a = asked[r.i];
      out.set(`${a.stage}|${a.p}|${a.prefectureId ?? ''}`, interpolate(a.p, a.count, (r.pair ?? []).map(Number)));
    }
    return out;
  }
}
