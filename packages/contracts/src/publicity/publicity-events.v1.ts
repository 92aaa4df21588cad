import { ArrayMinSize, IsDateString, IsInt, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../contract';
import { IsLocalDate } from '../common/dto';
import { ApplicationSummaryV1 } from '../common/application-summary';

export class DecisionListedV1 {
  @IsUUID()
  decisionListId!: string;

  @IsUUID()
  batchId!: string;

  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  applicationIds!: string[];
}
export const DecisionListed = defineEvent('publicity.decision-list.created.v1', DecisionListedV1);

export class PublicityStartedV1 {
  @IsUUID()
  publicityId!: string;

  @IsUUID()
  decisionListId!: string;

  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  applicationIds!: string[];

  @IsLocalDate()
  startDate!: string;

  @IsLocalDate()
  endDate!: string;

  @IsInt()
  workingDays!: number;

  /** The counting rule in force, stated with the dates (whether the publication day counts). */
  @IsString()
  countingRule!: string;
}
export const PublicityStarted = defineEvent('publicity.publicity.started.v1', PublicityStartedV1);

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
}
/** The recognition document was issued (M9.3), valid for the profile's years (M13.2). */
export const RecognitionIssued = defineEvent('publicity.recognition.issued.v1', RecognitionIssuedV1);
