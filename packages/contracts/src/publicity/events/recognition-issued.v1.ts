import { IsDateString, IsOptional, IsString, IsUUID } from 'class-validator';
import { ApplicationSummaryV1 } from '../../common/application-summary';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

export class RecognitionIssuedV1 extends ApplicationSummaryV1 {
  @IsUUID()
  recognitionId!: string;

  @IsString()
  documentNo!: string;

  @IsLocalDate()
  documentDate!: string;

  @IsLocalDate()
  validFrom!: string;

  @IsLocalDate()
  validUntil!: string;

  @IsDateString()
  issuedAt!: string;

  /** The product's certificate (profile pattern, per year); absent in events from before certificates. */
  @IsOptional()
  @IsString()
  certificateNo?: string;
}
/** The recognition document was issued (M9.3), valid for the profile's years (M13.2). */
export const RecognitionIssued = defineEvent('publicity.recognition.issued.v1', RecognitionIssuedV1);
