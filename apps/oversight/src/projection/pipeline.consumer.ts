import { Controller } from '@nestjs/common';
import {
  ApplicationRecommended,
  ApplicationRecommendedV1,
  ApplicationRejected,
  ApplicationRejectedV1,
  ApplicationResubmitted,
  ApplicationResubmittedV1,
  ApplicationReturned,
  ApplicationReturnedV1,
  ApplicationSubmitted,
  ApplicationSubmittedV1,
  ApplicationWithdrawn,
  ApplicationWithdrawnV1,
  BatchOpened,
  BatchOpenedV1,
  BatchWindowChanged,
  BatchWindowChangedV1,
  SummarySubmitted,
  SummarySubmittedV1,
} from '@firstset/contracts';
import { Consumes, ConsumesBatch } from '@firstset/messaging';
import { Tx } from '../prisma';
import { factsOf, ProjectionStore } from './projection-store';

/** Batches, intake and the prefectures' preliminary review (M7.1–M7.3) into the projection. */
@Controller()
export class PipelineConsumer {
  constructor(private readonly store: ProjectionStore) {}

  @Consumes(BatchOpened, { durable: 'oversight-batches-opened' })
  async batchOpened(e: BatchOpenedV1, tx: Tx): Promise<void> {
    const data = { year: e.year, name: e.name, prefectureDeadline: e.prefectureDeadline };
    await tx.batch.upsert({ where: { id: e.batchId }, create: { id: e.batchId, ...data }, update: data });
  }

  @Consumes(BatchWindowChanged, { durable: 'oversight-batch-windows' })
  async batchWindowChanged(e: BatchWindowChangedV1, tx: Tx): Promise<void> {
    const data = { year: e.year, name: e.name, prefectureDeadline: e.prefectureDeadline };
    await tx.batch.upsert({ where: { id: e.batchId }, create: { id: e.batchId, ...data }, update: data });
  }

  /** The deadline rush: every submission waiting, in one transaction of three statements. */
  @ConsumesBatch(ApplicationSubmitted, { durable: 'oversight-submitted' })
  async submitted(events: Array<{ payload: ApplicationSubmittedV1 }>, tx: Tx): Promise<void> {
    await this.store.recordMany(
      tx,
      events.map(({ payload: e }) => ({
        applicationId: e.applicationId,
        facts: factsOf(e),
        // The intake stage starts when the application was drafted (absent from older producers).
        marks: [{ kind: 'submitted' as const, at: e.submittedAt }, ...(e.createdAt ? [{ kind: 'created' as const, at: e.createdAt }] : [])],
      })),
    );
  }

  @Consumes(ApplicationResubmitted, { durable: 'oversight-resubmitted' })
  async resubmitted(e: ApplicationResubmittedV1, tx: Tx): Promise<void> {
    await this.store.record(tx, e.applicationId, factsOf(e), [{ kind: 'resubmitted', at: e.submittedAt }]);
  }

  @Consumes(ApplicationWithdrawn, { durable: 'oversight-withdrawn' })
  async withdrawn(e: ApplicationWithdrawnV1, tx: Tx): Promise<void> {
    await this.store.record(tx, e.applicationId, {}, [{ kind: 'withdrawn', at: e.withdrawnAt }]);
  }

  @Consumes(ApplicationReturned, { durable: 'oversight-returned' })
  async returned(e: ApplicationReturnedV1, tx: Tx): Promise<void> {
    const returnedAt = new Date(e.returnedAt);
    const row = { deadline: new Date(`${e.deadline}T00:00:00Z`), items: e.items.map((i) => i.item) };
    await tx.application.upsert({ where: { id: e.applicationId }, create: { id: e.applicationId, state: 'DRAFT' }, update: {} });
    await tx.correctionReturn.upsert({
      where: { applicationId_returnedAt: { applicationId: e.applicationId, returnedAt } },
      create: { applicationId: e.applicationId, returnedAt, ...row },
      update: row,
    });
    await this.store.record(tx, e.applicationId, {}, [{ kind: 'returned', at: returnedAt }]);
  }

  @Consumes(ApplicationRecommended, { durable: 'oversight-recommended' })
  async recommended(e: ApplicationRecommendedV1, tx: Tx): Promise<void> {
    await this.store.record(tx, e.applicationId, factsOf(e), [{ kind: 'recommended', at: e.recommendedAt }]);
  }

  @Consumes(ApplicationRejected, { durable: 'oversight-rejected' })
  async rejected(e: ApplicationRejectedV1, tx: Tx): Promise<void> {
    await this.store.record(tx, e.applicationId, {}, [{ kind: 'rejected', at: e.rejectedAt }]);
  }

  /** The summary hands the applications to the Department: the comprehensive review's clock starts. */
  @Consumes(SummarySubmitted, { durable: 'oversight-summaries' })
  async summarized(e: SummarySubmittedV1, tx: Tx): Promise<void> {
    await this.store.recordMany(tx, e.entries.map((entry) => ({ applicationId: entry.applicationId, facts: factsOf(entry), marks: [{ kind: 'summarized' as const, at: e.submittedAt }] })));
  }
}
