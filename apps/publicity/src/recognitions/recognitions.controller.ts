import { Controller } from '@nestjs/common';
import {
  AmendRecognition as Amend,
  AmendRecognitionV1,
  GetRecognitionHistory,
  GetRecognitionHistoryV1,
  SearchPublicRecognitions as SearchPublic,
  SearchPublicRecognitionsV1,
  VerifyRecognition as Verify,
  VerifyRecognitionV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { AmendRecognition } from './amend-recognition';
import { ReadRecognitionHistory } from './recognition-history';
import { SearchPublicRecognitions } from './search-public-recognitions';
import { VerifyRecognition } from './verify-recognition';

/** The registry of recognized products (M13.1): searched and verified by anyone, amended by the Department. */
@Controller()
export class RecognitionsController {
  constructor(
    private readonly searchPublic: SearchPublicRecognitions,
    private readonly verifier: VerifyRecognition,
    private readonly history: ReadRecognitionHistory,
    private readonly amend: AmendRecognition,
  ) {}

  @Answers(SearchPublic)
  search(input: SearchPublicRecognitionsV1) {
    return this.searchPublic.search(input);
  }

  @Answers(Verify)
  verify(input: VerifyRecognitionV1) {
    return this.verifier.verify(input);
  }

  @Answers(GetRecognitionHistory)
  read(input: GetRecognitionHistoryV1, meta: MessageMeta) {
    return this.history.read(input, meta);
  }

  @Answers(Amend)
  amendOne(input: AmendRecognitionV1, meta: MessageMeta) {
    return this.amend.execute(input, meta);
  }
}
