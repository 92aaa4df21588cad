import { IsDateString, IsUUID, Matches } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

/** A recognition reached the end of its validity (M13.2) and left the list of valid ones (M13.1). */
export class RecognitionExpiredV1 {
  @IsUUID()
  recognitionId!: string;

  @IsUUID()
  applicationId!: string;

  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  uscc!: string;

  /** Last day of validity (included). */
  @IsLocalDate()
  validUntil!: string;

  @IsDateString()
  expiredAt!: string;
}
export const RecognitionExpired = defineEvent('compliance.recognition.expired.v1', RecognitionExpiredV1);
