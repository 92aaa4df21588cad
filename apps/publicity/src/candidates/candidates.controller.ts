import { Controller } from '@nestjs/common';
import { ListCandidates, OptionalBatchDto } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadCandidates } from './read-candidates';

/** Reviewed applications the Department may put on a recognition list (M9.1). */
@Controller()
export class CandidatesController {
  constructor(private readonly readCandidates: ReadCandidates) {}

  @Answers(ListCandidates)
  list(input: OptionalBatchDto, meta: MessageMeta) {
    return this.readCandidates.list(input, meta);
  }
}
