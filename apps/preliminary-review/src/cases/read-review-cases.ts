import { Inject, Injectable } from '@nestjs/common';
import { OptionalBatchDto } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { READER_ROLES, withinJurisdiction } from './jurisdiction';
import { QueueRow, ReviewCaseView, toQueueRow, toReviewCaseView } from './review-case-view';

const QUEUE_LIMIT = 500;

/** Reads of review cases, each limited to what the caller's jurisdiction may see. */
@Injectable()
export class ReadReviewCases {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The review queue, oldest first: what has waited longest comes first. */
  async listQueue(input: OptionalBatchDto, meta: MessageMeta): Promise<QueueRow[]> {
    const actor = requireActor(meta, READER_ROLES);
    const cases = await this.db.reviewCase.findMany({
      where: withinJurisdiction(actor, input.batchId ? { batchId: input.batchId } : {}),
      orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      take: QUEUE_LIMIT,
    });
    const now = this.clock.now();
    return cases.map((c) => toQueueRow(c, now));
  }

  async get(applicationId: string, meta: MessageMeta): Promise<ReviewCaseView> {
    const actor = requireActor(meta, READER_ROLES);
    const found = await this.db.reviewCase.findFirst({ where: withinJurisdiction(actor, { id: applicationId }) });
    if (!found) throw notFound('application');
    return toReviewCaseView(found, this.clock.now());
  }
}
