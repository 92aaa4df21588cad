import type { QueuePageV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { pageOf, SearchReviewQueueV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { READER_ROLES, withinJurisdiction } from '../cases/jurisdiction';
import { toQueueRow } from '../cases/review-case-view';
import { toShanghaiDate } from '@firstset/domain';
import { attentionWhere } from './attention';

export type QueuePage = QueuePageV1;

/**
 * The prefecture queue with filters, search and paging on the server (M7.2, M7.3): an officer
 * sees the own prefecture only; withdrawn cases leave the active queue unless asked for.
 */
@Injectable()
export class SearchQueue {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async execute(input: SearchReviewQueueV1, meta: MessageMeta): Promise<QueuePage> {
    const actor = requireActor(meta, READER_ROLES);
    const { page, pageSize, skip, take } = pageOf(input);
    const now = this.clock.now();
    const where: Prisma.ReviewCaseWhereInput = {
      ...(input.attention ? attentionWhere(input.attention, toShanghaiDate(now)) : {}),
      ...(input.batchId ? { batchId: input.batchId } : {}),
      ...(input.productKind ? { productKind: input.productKind } : {}),
      ...(input.catalogueEntryCode ? { catalogueEntryCode: input.catalogueEntryCode } : {}),
    };
    // A state asked for narrows the attention's states further (both must hold).
    where.AND = [{ state: input.state ?? { not: 'WITHDRAWN' } }];
    const term = input.search?.trim();
    if (term) {
      const like = { contains: term, mode: 'insensitive' as const };
      where.OR = [{ enterpriseName: like }, { enterpriseUscc: like }, { productName: like }, { model: like }, { applicationNo: like }];
    }
    const scoped = withinJurisdiction(actor, where);
    const direction = input.sort === 'shortest' ? 'desc' : 'asc';
    const [total, cases] = await Promise.all([
      this.db.reviewCase.count({ where: scoped }),
      this.db.reviewCase.findMany({
        where: scoped,
        orderBy: [{ receivedAt: direction }, { id: 'asc' }],
        skip,
        take,
      }),
    ]);
    return { items: cases.map((c) => toQueueRow(c, now)), total, page, pageSize };
  }
}
