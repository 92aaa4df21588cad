import { Controller } from '@nestjs/common';
import { DecideBatch as Decide, DecideBatchV1, ListDecisionLists, OptionalBatchDto, WithdrawDecisionList as Withdraw, WithdrawDecisionListV1 } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { DecideBatch } from './decide-batch';
import { ReadDecisionLists } from './read-decision-lists';
import { WithdrawDecisionList } from './withdraw-decision-list';

/** The recognition lists the Department decides from the expert opinions (M9.1). */
@Controller()
export class DecisionListsController {
  constructor(
    private readonly decideBatch: DecideBatch,
    private readonly readDecisionLists: ReadDecisionLists,
    private readonly withdrawList: WithdrawDecisionList,
  ) {}

  @Answers(Withdraw)
  withdraw(input: WithdrawDecisionListV1, meta: MessageMeta) {
    return this.withdrawList.execute(input, meta);
  }

  @Answers(Decide)
  decide(input: DecideBatchV1, meta: MessageMeta) {
    return this.decideBatch.execute(input, meta);
  }

  @Answers(ListDecisionLists)
  list(input: OptionalBatchDto, meta: MessageMeta) {
    return this.readDecisionLists.list(input, meta);
  }
}
