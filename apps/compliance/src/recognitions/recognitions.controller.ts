import { Controller } from '@nestjs/common';
import { EmptyDto, ExpireDueRecognitions as ExpireDue, ListRecognitions } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ExpireDueRecognitions } from './expire-recognitions';
import { ReadRecognitions } from './read-recognitions';

/** Recognitions as compliance keeps them (M13.1, M13.2). */
@Controller()
export class RecognitionsController {
  constructor(
    private readonly readRecognitions: ReadRecognitions,
    private readonly expireDue: ExpireDueRecognitions,
  ) {}

  @Answers(ListRecognitions)
  list(_: EmptyDto, meta: MessageMeta) {
    return this.readRecognitions.list(meta);
  }

  @Answers(ExpireDue)
  expire(_: EmptyDto, meta: MessageMeta) {
    return this.expireDue.execute(meta);
  }
}
