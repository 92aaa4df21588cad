import { Controller } from '@nestjs/common';
import { ApplicationRefDto, GetReviewCase, ListReviewQueue, OptionalBatchDto } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadReviewCases } from './read-review-cases';

/** The review cases of the own prefecture (M7.2): the queue and one case. */
@Controller()
export class CasesController {
  constructor(private readonly readCases: ReadReviewCases) {}

  @Answers(ListReviewQueue)
  list(input: OptionalBatchDto, meta: MessageMeta) {
    return this.readCases.listQueue(input, meta);
  }

  @Answers(GetReviewCase)
  get(input: ApplicationRefDto, meta: MessageMeta) {
    return this.readCases.get(input.applicationId, meta);
  }
}
