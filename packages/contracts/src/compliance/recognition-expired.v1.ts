import { IsDateString, IsUUID, Matches } from 'class-validator';
import { defineCommand, defineEvent } from '../contract';
import { EmptyDto, IsLocalDate } from '../common/dto';

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

/** Expire every recognition whose validity has ended (the system's daily run; tests call it). */
export const ExpireDueRecognitions = defineCommand('compliance.recognition.expire-due.v1', EmptyDto, 'ExpiryRunV1');
