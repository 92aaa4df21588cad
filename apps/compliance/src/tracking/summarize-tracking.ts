import { Inject, Injectable } from '@nestjs/common';
import type { TrackingSummaryRowV1, TrackingSummaryV1 } from '@firstset/contracts';
import { SummarizeTrackingEvaluationsV1 } from '@firstset/contracts';
import { ApplicationState, DEFAULT_RECOMMENDING_BODIES, ERENHOT, MANZHOULI, toShanghaiDate, yearOf } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { TRACKING_READERS } from './tracking-view';

/** Every body that recommends, so a prefecture that has not begun shows as such, not as missing. */
const PREFECTURE_IDS = [...DEFAULT_RECOMMENDING_BODIES, MANZHOULI, ERENHOT].map((b) => b.id);

const emptyRow = (prefectureId: string): TrackingSummaryRowV1 => ({
  prefectureId,
  validProducts: 0,
  requested: 0,
  reported: 0,
  concluded: 0,
  overdue: 0,
  good: 0,
  issuesFound: 0,
  seriousProblem: 0,
});

const CONCLUSION_FIELD = { good: 'good', issues_found: 'issuesFound', serious_problem: 'seriousProblem' } as const;

/**
 * The year's tracking evaluation across prefectures (M12.2): per prefecture, its valid products
 * today and its evaluations by status and conclusion, counted in the database (three grouped
 * queries, whatever the number of recognitions).
 */
@Injectable()
export class SummarizeTracking {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async execute(input: SummarizeTrackingEvaluationsV1, meta: MessageMeta): Promise<TrackingSummaryV1> {
    requireActor(meta, [...TRACKING_READERS]);
    const today = toShanghaiDate(this.clock.now());
    const year = input.year ?? yearOf(today);
    const [valid, evaluations, overdue] = await Promise.all([
      this.db.recognition.groupBy({
        by: ['prefectureId'],
        where: { state: ApplicationState.RECOGNIZED, revocation: { is: null }, validUntil: { gte: today } },
        _count: { _all: true },
      }),
      this.db.trackingEvaluation.groupBy({ by: ['prefectureId', 'status', 'conclusion'], where: { year }, _count: { _all: true } }),
      this.db.trackingEvaluation.groupBy({ by: ['prefectureId'], where: { year, status: 'requested', dueOn: { lt: today } }, _count: { _all: true } }),
    ]);
    const rows = new Map(PREFECTURE_IDS.map((id) => [id, emptyRow(id)]));
    const rowOf = (id: string) => rows.get(id) ?? rows.set(id, emptyRow(id)).get(id)!;
    for (const v of valid) rowOf(v.prefectureId).validProducts = v._count._all;
    for (const e of evaluations) {
      const row = rowOf(e.prefectureId);
      const n = e._count._all;
      if (e.status === 'requested' || e.status === 'reported' || e.status === 'concluded') row[e.status] += n;
      const field = e.conclusion ? CONCLUSION_FIELD[e.conclusion as keyof typeof CONCLUSION_FIELD] : undefined;
      if (field) row[field] += n;
    }
    for (const o of overdue) rowOf(o.prefectureId).overdue = o._count._all;
    // Recognitions kept before the prefecture was projected carry '' and are counted in the total only.
    const listed = [...rows.values()].filter((r) => r.prefectureId !== '');
    const total = [...rows.values()].reduce((sum, r) => {
      for (const k of Object.keys(sum) as Array<keyof TrackingSummaryRowV1>) if (k !== 'prefectureId') sum[k] += r[k];
      return sum;
    }, emptyRow(''));
    return { year, rows: listed, total };
  }
}
