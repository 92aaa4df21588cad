import { Controller } from '@nestjs/common';
import { ListExperts, PoolQueryV1 } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadExpertPool } from './read-expert-pool';

/** The expert pool the review institution assigns from. */
@Controller()
export class ExpertsController {
  constructor(private readonly expertPool: ReadExpertPool) {}

  @Answers(ListExperts)
  list(input: PoolQueryV1, meta: MessageMeta) {
    return this.expertPool.execute(input, meta);
  }
}
