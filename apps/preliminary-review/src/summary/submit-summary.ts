import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { compareDates, LocalDate, toShanghaiDate } from '@firstset/domain';
import { SummarySubmitted, SubmitSummaryV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, requireActor } from '@firstset/service-kit';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Tx } from '../prisma';
import { rememberOfficer } from '../cases/jurisdiction';
import { lockSummary } from '../decisions/apply-decision';
import { recommendedWhere, summaryEntries } from './summary-entries';
import { SummaryView, toSummaryView } from './summary-view';

/**
 * The summary submission (汇总报送, M7.3): the prefecture compiles its recommended applications of
 * the batch into one ordered summary with its opinions, signs it off and sends it to the
 * Department by the batch's prefecture deadline (the day included, China time). One summary per
 * prefecture and batch; comprehensive review starts from its `summary.submitted` event.
 */
@Injectable()
export class SubmitSummary {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: SubmitSummaryV1, meta: MessageMeta): Promise<SummaryView> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const prefectureId = actor.prefectureId!;
    return this.commands.run(meta, { action: 'summary.submit', objectType: 'summary' }, async (tx) => {
      const now = this.clock.now();
      await rememberOfficer(tx, actor, now);
      const batch = await tx.batch.findUnique({ where: { id: input.batchId } });
      if (!batch) throw notFound('batch');
      if (compareDates(toShanghaiDate(now), batch.prefectureDeadline as LocalDate) > 0) {
        throw PreliminaryReviewErrors.summaryDeadlinePassed(batch.prefectureDeadline);
      }
      await lockSummary(tx, batch.id, prefectureId);
      const existing = await tx.summary.findUnique({ where: { batchId_prefectureId: { batchId: batch.id, prefectureId } } });
      if (existing) throw PreliminaryReviewErrors.summaryAlreadySubmitted();
      const recommended = await tx.reviewCase.findMany(recommendedWhere(batch.id, prefectureId));
      if (recommended.length === 0) throw PreliminaryReviewErrors.summaryEmpty();
      const entries = summaryEntries(recommended, input.order);
      const summary = await tx.summary.create({
        data: {
          id: randomUUID(),
          batchId: batch.id,
          prefectureId,
          entries: JSON.parse(JSON.stringify(entries)),
          signedOffBy: actor.userId,
          signerName: input.signerName ?? actor.displayName ?? null,
          submittedAt: now,
        },
      });
      await this.outbox.append(
        tx,
        SummarySubmitted,
        { summaryId: summary.id, batchId: batch.id, prefectureId, entries, submittedBy: actor.userId, submittedAt: now.toISOString() },
        meta,
      );
      return { result: toSummaryView(batch, prefectureId, summary, entries, now), objectId: summary.id, detail: { batchId: batch.id, entries: entries.length } };
    });
  }
}
