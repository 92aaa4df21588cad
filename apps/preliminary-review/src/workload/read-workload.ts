import type { WorkloadV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { withinJurisdiction } from '../cases/jurisdiction';
import { attentionWhere } from '../queue/attention';

/**
 * What preliminary review has waiting for a prefecture officer (workspace home, ADR 0030): the
 * own prefecture's unclaimed cases and returned cases past their correction deadline, counted
 * with the queue's `attention` filter itself, and the batches with its cases whose summary it has
 * still to send by their deadline (M7.3).
 */
@Injectable()
export class ReadWorkload {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async execute(meta: MessageMeta): Promise<WorkloadV1> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const today = toShanghaiDate(this.clock.now());
    const [unclaimed, overdue, due] = await Promise.all([
      this.db.reviewCase.count({ where: withinJurisdiction(actor, attentionWhere('unclaimed', today)) }),
      this.db.reviewCase.findMany({ where: withinJurisdiction(actor, attentionWhere('overdue', today)), select: { correctionDeadline: true }, orderBy: { correctionDeadline: 'asc' } }),
      // Only batches with a case of the prefecture: with none there is nothing to summarise.
      this.db.batch.findMany({ where: { prefectureDeadline: { gte: today } }, select: { id: true, prefectureDeadline: true }, orderBy: { prefectureDeadline: 'asc' } }),
    ]);
    const withCases = await this.db.reviewCase.groupBy({ by: ['batchId'], where: withinJurisdiction(actor, { batchId: { in: due.map((b) => b.id) }, state: { not: 'WITHDRAWN' } }) });
    const sent = await this.db.summary.findMany({ where: { prefectureId: actor.prefectureId, sequence: 0, batchId: { in: due.map((b) => b.id) } }, select: { batchId: true } });
    const unsent = due.filter((b) => withCases.some((c) => c.batchId === b.id) && !sent.some((s) => s.batchId === b.id));
    return {
      items: [
        { key: 'prefecture.unclaimed', count: unclaimed, nextDeadline: null },
        // Past deadlines: the earliest says how long the oldest has waited for its rejection.
        { key: 'prefecture.overdue', count: overdue.length, nextDeadline: overdue[0]?.correctionDeadline ?? null },
        { key: 'prefecture.summaryDue', count: unsent.length, nextDeadline: unsent[0]?.prefectureDeadline ?? null },
      ],
    };
  }
}
