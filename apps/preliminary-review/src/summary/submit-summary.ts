import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { compareDates, LocalDate, toShanghaiDate } from '@firstset/domain';
import { SummarySubmitted, SubmitSummaryV1 } from '@firstset/contracts';
import { ActorContext, MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, requireActor } from '@firstset/service-kit';
import { Batch, ReviewCase, Summary } from '../generated/prisma/client';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Tx } from '../prisma';
import { rememberOfficer } from '../cases/jurisdiction';
import { lockSummary } from '../decisions/apply-decision';
import { recommendedWhere, summaryEntries } from './summary-entries';
import { SummaryView, toSummaryView } from './summary-view';
import { sentApplicationIds } from './supplement';

/**
 * The summary submission (汇总报送, M7.3): the prefecture compiles its recommended applications of
 * the batch into one ordered summary with its opinions, signs it off and sends it to the
 * Department by the batch's prefecture deadline (the day included, China time). One summary per
 * prefecture and batch; comprehensive review starts from its `summary.submitted` event.
 * Applications recommended after it (resubmitted within a correction deadline still running when
 * it was sent) follow in supplementary summaries (补报), each with its own letter and event.
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
      const existing = await tx.summary.findFirst({ where: { batchId: batch.id, prefectureId, sequence: 0 } });
      if (existing) throw PreliminaryReviewErrors.summaryAlreadySubmitted();
      const recommended = await tx.reviewCase.findMany(recommendedWhere(batch.id, prefectureId));
      if (recommended.length === 0) throw PreliminaryReviewErrors.summaryEmpty();
      return this.send(tx, meta, actor, batch, recommended, input, null, [], now);
    });
  }

  /** The supplementary summary (补报): after the deadline too, since the correction deadlines may run past it. */
  supplement(input: SubmitSummaryV1, meta: MessageMeta): Promise<SummaryView> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const prefectureId = actor.prefectureId!;
    return this.commands.run(meta, { action: 'summary.supplement', objectType: 'summary' }, async (tx) => {
      const now = this.clock.now();
      await rememberOfficer(tx, actor, now);
      const batch = await tx.batch.findUnique({ where: { id: input.batchId } });
      if (!batch) throw notFound('batch');
      await lockSummary(tx, batch.id, prefectureId);
      const sent = await tx.summary.findMany({ where: { batchId: batch.id, prefectureId }, orderBy: { sequence: 'asc' } });
      const first = sent.find((s) => s.sequence === 0);
      if (!first) throw PreliminaryReviewErrors.summaryNotSubmitted();
      const already = sentApplicationIds(sent);
      const pending = (await tx.reviewCase.findMany(recommendedWhere(batch.id, prefectureId))).filter((c) => !already.has(c.id));
      if (pending.length === 0) throw PreliminaryReviewErrors.supplementEmpty();
      return this.send(tx, meta, actor, batch, pending, input, first, sent.slice(1), now);
    });
  }

  private async send(
    tx: Tx,
    meta: MessageMeta,
    actor: ActorContext,
    batch: Batch,
    cases: ReviewCase[],
    input: SubmitSummaryV1,
    first: Summary | null,
    earlierSupplements: Summary[],
    now: Date,
  ) {
    const prefectureId = actor.prefectureId!;
    const entries = summaryEntries(cases, input.order);
    const sequence = first ? earlierSupplements.length + 1 : 0;
    const summary = await tx.summary.create({
      data: {
        id: randomUUID(),
        batchId: batch.id,
        prefectureId,
        sequence,
        supplementOf: first?.id ?? null,
        entries: JSON.parse(JSON.stringify(entries)),
        signedOffBy: actor.userId,
        signerName: input.signerName ?? actor.displayName ?? null,
        submittedAt: now,
      },
    });
    await this.outbox.append(
      tx,
      SummarySubmitted,
      {
        summaryId: summary.id,
        batchId: batch.id,
        prefectureId,
        entries,
        submittedBy: actor.userId,
        submittedAt: now.toISOString(),
        sequence,
        ...(first ? { supplementOf: first.id } : {}),
      },
      meta,
    );
    const view = toSummaryView(batch, prefectureId, summary, entries, now);
    return { result: view, objectId: summary.id, detail: { batchId: batch.id, entries: entries.length, sequence } };
  }
}
