import { Controller } from '@nestjs/common';
import {
  ApplicationRefDto,
  AssignReviewCase as Assign,
  AssignReviewCaseV1,
  ClaimReviewCase as Claim,
  EmptyDto,
  ListPrefectureOfficers,
  RegisterPrefectureOfficer as Register,
  RegisterPrefectureOfficerV1,
  SearchReviewQueue,
  SearchReviewQueueV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ClaimCase } from './claim-case';
import { ListOfficers } from './list-officers';
import { RegisterOfficer } from './register-officer';
import { SearchQueue } from './search-queue';

/** The prefecture's queue: search, claiming and assigning cases, and the officers they go to. */
@Controller()
export class QueueController {
  constructor(
    private readonly searchQueue: SearchQueue,
    private readonly claimCase: ClaimCase,
    private readonly listOfficers: ListOfficers,
    private readonly registerOfficer: RegisterOfficer,
  ) {}

  @Answers(SearchReviewQueue)
  search(input: SearchReviewQueueV1, meta: MessageMeta) {
    return this.searchQueue.execute(input, meta);
  }

  @Answers(Claim)
  claim(input: ApplicationRefDto, meta: MessageMeta) {
    return this.claimCase.claim(input, meta);
  }

  @Answers(Assign)
  assign(input: AssignReviewCaseV1, meta: MessageMeta) {
    return this.claimCase.assign(input, meta);
  }

  @Answers(ListPrefectureOfficers)
  officers(input: EmptyDto, meta: MessageMeta) {
    return this.listOfficers.execute(input, meta);
  }

  @Answers(Register)
  register(input: RegisterPrefectureOfficerV1, meta: MessageMeta) {
    return this.registerOfficer.execute(input, meta);
  }
}
