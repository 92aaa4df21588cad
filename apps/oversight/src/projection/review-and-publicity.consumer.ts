import { Controller } from '@nestjs/common';
import {
  ApplicationDecided,
  ApplicationDecidedV1,
  ApplicationReviewed,
  ApplicationReviewedV1,
  ObjectionDecided,
  ObjectionDecidedV1,
  ObjectionLodged,
  ObjectionLodgedV1,
  PublicityStarted,
  PublicityStartedV1,
  RecognitionIssued,
  RecognitionIssuedV1,
  ReviewStarted,
  ReviewStartedV1,
} from '@firstset/contracts';
import { Consumes, MessageMeta } from '@firstset/messaging';
import { Tx } from '../prisma';
import { factsOf, ProjectionStore } from './projection-store';

/** The Department's comprehensive review (M8.1), its decision (M9.1), publicity and objections (M9.2, M9.3). */
@Controller()
export class ReviewAndPublicityConsumer {
  constructor(private readonly store: ProjectionStore) {}

  @Consumes(ReviewStarted, { durable: 'oversight-reviews-started' })
  async reviewStarted(e: ReviewStartedV1, tx: Tx): Promise<void> {
    await this.store.record(tx, e.applicationId, {}, [{ kind: 'review_started', at: e.startedAt }]);
  }

  @Consumes(ApplicationReviewed, { durable: 'oversight-reviewed' })
  async reviewed(e: ApplicationReviewedV1, tx: Tx): Promise<void> {
    await this.store.record(tx, e.applicationId, factsOf(e), [{ kind: 'reviewed', at: e.reviewedAt }]);
  }

  /** The decision carries no time of its own: the event's (its outbox row's) is the decision's. */
  @Consumes(ApplicationDecided, { durable: 'oversight-decided' })
  async decided(e: ApplicationDecidedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    const at = meta.occurredAt ?? new Date().toISOString();
    await this.store.record(tx, e.applicationId, { batchId: e.batchId }, [{ kind: e.outcome, at }]);
  }

  /** Publicity runs from its first day (China time) until the recognition is issued or the entry removed (M9.2). */
  @Consumes(PublicityStarted, { durable: 'oversight-publicity' })
  async publicityStarted(e: PublicityStartedV1, tx: Tx): Promise<void> {
    const at = `${e.startDate}T00:00:00+08:00`;
    await this.store.recordMany(tx, e.applicationIds.map((applicationId) => ({ applicationId, facts: {}, marks: [{ kind: 'publicity_started' as const, at }] })));
  }

  @Consumes(ObjectionLodged, { durable: 'oversight-objections-lodged' })
  async objectionLodged(e: ObjectionLodgedV1, tx: Tx): Promise<void> {
    const lodgedAt = new Date(e.lodgedAt);
    await tx.objection.upsert({
      where: { id: e.objectionId },
      create: { id: e.objectionId, applicationId: e.applicationId, lodgedAt },
      update: { lodgedAt },
    });
    await this.store.record(tx, e.applicationId, {}, [{ kind: 'objection_lodged', at: lodgedAt }]);
  }

  @Consumes(ObjectionDecided, { durable: 'oversight-objections-decided' })
  async objectionDecided(e: ObjectionDecidedV1, tx: Tx): Promise<void> {
    const decidedAt = new Date(e.decidedAt);
    // A decision overtaking its lodging keeps the decision; the lodging's time follows when it arrives.
    await tx.objection.upsert({
      where: { id: e.objectionId },
      create: { id: e.objectionId, applicationId: e.applicationId, lodgedAt: decidedAt, outcome: e.outcome, decidedAt },
      update: { outcome: e.outcome, decidedAt },
    });
    await this.store.record(tx, e.applicationId, { applicationNo: e.applicationNo, uscc: e.enterpriseUscc }, [
      { kind: e.outcome === 'upheld' ? 'objection_upheld' : 'objection_dismissed', at: decidedAt },
    ]);
  }

  @Consumes(RecognitionIssued, { durable: 'oversight-recognitions' })
  async recognized(e: RecognitionIssuedV1, tx: Tx): Promise<void> {
    await this.store.record(tx, e.applicationId, { ...factsOf(e), recognitionId: e.recognitionId }, [{ kind: 'recognized', at: e.issuedAt }]);
  }
}
