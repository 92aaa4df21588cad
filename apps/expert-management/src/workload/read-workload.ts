import type { WorkloadV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { workingExpertOf } from '../reviews/case-access';
import { STAGE } from '../reviews/search-reviews';

/**
 * What expert management has waiting for an expert (workspace home, ADR 0030): assignments to
 * accept with the undertaking (M11.1) and accepted ones to score (M8.1), counted with the
 * conditions of the assignments list's stages (`?stage=ASSIGNED`, `?stage=ACCEPTED`).
 */
@Injectable()
export class ReadWorkload {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async execute(meta: MessageMeta): Promise<WorkloadV1> {
    const actor = requireActor(meta, ['expert']);
    const expertId = await workingExpertOf(this.db, actor, toShanghaiDate(this.clock.now()));
    const count = (stage: 'ASSIGNED' | 'ACCEPTED') => this.db.assignment.count({ where: { expertId, status: 'active', ...STAGE[stage] } });
    const [toAccept, toScore] = await Promise.all([count('ASSIGNED'), count('ACCEPTED')]);
    return {
      items: [
        { key: 'expert.toAccept', count: toAccept, nextDeadline: null },
        { key: 'expert.toScore', count: toScore, nextDeadline: null },
      ],
    };
  }
}
