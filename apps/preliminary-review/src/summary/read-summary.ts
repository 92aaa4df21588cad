import { Inject, Injectable } from '@nestjs/common';
import { SummaryEntryV1, SummaryRefV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Db } from '../prisma';
import { prefectureFor, READER_ROLES } from '../cases/jurisdiction';
import { recommendedWhere, summaryEntries } from './summary-entries';
import { SummaryView, toSummaryView } from './summary-view';

/** A prefecture's summary for a batch: as sent, or the draft of what would be sent now. */
@Injectable()
export class ReadSummary {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async execute(input: SummaryRefV1, meta: MessageMeta): Promise<SummaryView> {
    const actor = requireActor(meta, READER_ROLES);
    const prefectureId = prefectureFor(actor, input.prefectureId);
    if (!prefectureId) throw PreliminaryReviewErrors.prefectureRequired();
    const batch = await this.db.batch.findUnique({ where: { id: input.batchId } });
    if (!batch) throw notFound('batch');
    const summary = await this.db.summary.findUnique({ where: { batchId_prefectureId: { batchId: batch.id, prefectureId } } });
    const entries = summary
      ? (summary.entries as unknown as SummaryEntryV1[])
      : summaryEntries(await this.db.reviewCase.findMany(recommendedWhere(batch.id, prefectureId)));
    return toSummaryView(batch, prefectureId, summary, entries, this.clock.now());
  }
}
