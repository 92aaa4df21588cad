import { Inject, Injectable } from '@nestjs/common';
import { SummaryEntryV1, SummaryRefV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Db } from '../prisma';
import { prefectureFor, READER_ROLES } from '../cases/jurisdiction';
import { recommendedWhere, summaryEntries } from './summary-entries';
import { SummaryView, toSummaryView } from './summary-view';
import { sentApplicationIds } from './supplement';

/**
 * A prefecture's summary for a batch: as sent, or the draft of what would be sent now. Sequence 0
 * is the summary, listing its supplements (补报); 1, 2… is a supplement as sent, or the next one's draft.
 */
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
    const now = this.clock.now();
    const [sent, recommended] = await Promise.all([
      this.db.summary.findMany({ where: { batchId: batch.id, prefectureId }, orderBy: { sequence: 'asc' } }),
      this.db.reviewCase.findMany(recommendedWhere(batch.id, prefectureId)),
    ]);
    const first = sent.find((s) => s.sequence === 0) ?? null;
    const already = sentApplicationIds(sent);
    const pending = first ? summaryEntries(recommended.filter((c) => !already.has(c.id))) : [];
    const sequence = input.sequence ?? 0;
    if (sequence === 0) {
      const entries = first ? (first.entries as unknown as SummaryEntryV1[]) : summaryEntries(recommended);
      return toSummaryView(batch, prefectureId, first, entries, now, { supplements: sent.filter((s) => s.sequence > 0), pendingSupplement: pending });
    }
    const supplement = sent.find((s) => s.sequence === sequence);
    if (supplement) return toSummaryView(batch, prefectureId, supplement, supplement.entries as unknown as SummaryEntryV1[], now);
    // The next supplement, not yet sent: its draft (for the letter to read before signing).
    if (first && sequence === sent.length && pending.length > 0) return toSummaryView(batch, prefectureId, null, pending, now, { sequence });
    throw notFound('summary');
  }
}
