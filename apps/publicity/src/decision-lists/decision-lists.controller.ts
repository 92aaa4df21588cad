import { Controller } from '@nestjs/common';
import { DecideList as Decide, DecideListV1, ListDecisionLists, OptionalBatchDto } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { DecideList } from './decide-list';
import { ReadDecisionLists } from './read-decision-lists';

/** The recognition lists the Department decides from the expert opinions (M9.1). */
@Controller()
export class DecisionListsController {
  constructor(
    private readonly decideList: DecideList,
    private readonly readDecisionLists: ReadDecisionLists,
  ) {}

  @Answers(Decide)
  decide(input: DecideListV1, meta: MessageMeta) {
    return this.decideList.execute(input, meta);
  }

  @Answers(ListDecisionLists)
  list(input: OptionalBatchDto, meta: MessageMeta) {
    return this.readDecisionLists.list(input, meta);
  }
}
