import type { PrefectureProgressV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { compareDates, DEFAULT_RECOMMENDING_BODIES, LocalDate, toShanghaiDate } from '@firstset/domain';
import { BatchRefV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { prefectureName } from './summary-view';

export type PrefectureProgress = PrefectureProgressV1;

const COUNTED: Record<string, keyof Pick<PrefectureProgress, 'inReview' | 'returned' | 'rejected' | 'recommended' | 'withdrawn'>> = {
  SUBMITTED: 'inReview',
  RESUBMITTED: 'inReview',
  RETURNED_FOR_CORRECTION: 'returned',
  REJECTED_AT_PRELIMINARY_REVIEW: 'rejected',
  RECOMMENDED: 'recommended',
  WITHDRAWN: 'withdrawn',
};

/** Every prefecture's progress in a batch, for the Department and auditors (M3.1, M7.3). */
@Injectable()
export class ReadPrefectureProgress {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async execute(input: BatchRefV1, meta: MessageMeta): Promise<{ batchId: string; prefectureDeadline: string; prefectures: PrefectureProgress[] }> {
    requireActor(meta, ['department_officer', 'auditor']);
    const batch = await this.db.batch.findUnique({ where: { id: input.batchId } });
    if (!batch) throw notFound('batch');
    const [groups, summaries] = await Promise.all([
      this.db.reviewCase.groupBy({ by: ['prefectureId', 'state'], where: { batchId: batch.id }, _count: { _all: true } }),
      this.db.summary.findMany({ where: { batchId: batch.id } }),
    ]);
    const deadlinePassed = compareDates(toShanghaiDate(this.clock.now()), batch.prefectureDeadline as LocalDate) > 0;
    const ids = [...DEFAULT_RECOMMENDING_BODIES.map((b) => b.id)];
    for (const g of groups) if (!ids.includes(g.prefectureId)) ids.push(g.prefectureId);
    const prefectures = ids.map((prefectureId) => {
      const row: PrefectureProgress = {
        prefectureId,
        prefectureName: prefectureName(prefectureId),
        received: 0,
        inReview: 0,
        returned: 0,
        rejected: 0,
        recommended: 0,
        withdrawn: 0,
        summarySubmittedAt: summaries.find((s) => s.prefectureId === prefectureId && s.sequence === 0)?.submittedAt.toISOString() ?? null,
        supplements: summaries.filter((s) => s.prefectureId === prefectureId && s.sequence > 0).length,
        late: false,
      };
      for (const g of groups.filter((x) => x.prefectureId === prefectureId)) {
        row.received += g._count._all;
        const key = COUNTED[g.state];
        if (key) row[key] += g._count._all;
      }
      row.late = row.summarySubmittedAt === null && deadlinePassed;
      return row;
    });
    return { batchId: batch.id, prefectureDeadline: batch.prefectureDeadline, prefectures };
  }
}
