import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/**
 * A recognition's validity ends in `daysBefore` days (90 or 30, M13.2): the enterprise is told in
 * its inbox (intake), the prefecture reads it on its recognized-products page. Once per threshold.
 */
export class RecognitionExpiringV1 {
  @IsUUID()
  recognitionId!: string;

  @IsUUID()
  applicationId!: string;

  @IsString()
  uscc!: string;

  @IsString()
  enterpriseName!: string;

  @IsString()
  productName!: string;

  @IsOptional()
  @IsString()
  certificateNo!: string | null;

  @IsString()
  prefectureId!: string;

  /** The last valid day, included. */
  @IsString()
  validUntil!: string;

  @IsInt()
  @IsIn([90, 30])
  daysBefore!: 90 | 30;

  @IsISO8601()
  sentAt!: string;
}
export const RecognitionExpiring = defineEvent('publicity.recognition.expiring.v1', RecognitionExpiringV1);
