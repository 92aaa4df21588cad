import { Controller } from '@nestjs/common';
import { RevokeRecognition as Revoke, RevokeRecognitionV1 } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { RevokeRecognition } from './revoke-recognition';

/** Revocation of a recognition obtained by improper means (M10.2). */
@Controller()
export class RevocationsController {
  constructor(private readonly revokeRecognition: RevokeRecognition) {}

  @Answers(Revoke)
  revoke(input: RevokeRecognitionV1, meta: MessageMeta) {
    return this.revokeRecognition.execute(input, meta);
  }
}
