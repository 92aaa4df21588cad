import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { defineQuery } from '../../contract';

/**
 * Anyone checks a recognition document or certificate by its number, typed or from the
 * certificate's QR code (M13.1, M13.2): the live status, never a copy of the paper.
 */
export class VerifyRecognitionV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  no!: string;
}
export const VerifyRecognition = defineQuery('publicity.recognition.verify.v1', VerifyRecognitionV1, 'RecognitionVerificationV1');
