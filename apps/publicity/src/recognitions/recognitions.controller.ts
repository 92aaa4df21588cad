import { Controller } from '@nestjs/common';
import { ListPublicRecognitions } from '@firstset/contracts';
import { Answers } from '@firstset/messaging';
import { ReadPublicRecognitions } from './read-public-recognitions';

/** The public registry of recognized products (M13.1), open to anyone. */
@Controller()
export class RecognitionsController {
  constructor(private readonly readPublicRecognitions: ReadPublicRecognitions) {}

  @Answers(ListPublicRecognitions)
  list() {
    return this.readPublicRecognitions.list();
  }
}
