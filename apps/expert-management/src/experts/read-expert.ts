import type { ExpertDetailV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { ExpertRefV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { expertForActor } from './expert-access';
import { toExpertDetail } from './expert-view';

/** One expert with their ties: the institution reads its pool's, an expert their own declarations (M11.1). */
@Injectable()
export class ReadExpert {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async execute(input: ExpertRefV1, meta: MessageMeta): Promise<ExpertDetailV1> {
    const actor = requireActor(meta, ['institution_staff', 'expert']);
    return toExpertDetail(await expertForActor(this.db, actor, input.expertId), toShanghaiDate(this.clock.now()));
  }
}
