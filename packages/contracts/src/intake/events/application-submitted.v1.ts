import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsInt, IsObject, IsOptional, Matches, Min, ValidateNested } from 'class-validator';
import { ApplicationSummaryV1 } from '../../common/application-summary';
import { defineEvent } from '../../contract';
import { DeclarationsV1, SignedPledgeV1, SubmissionFlagV1, SubmittedCreditCheckV1 } from '../dto';

/** An application left intake: it is now the prefecture's to review (M7.2). */
export class ApplicationSubmittedV1 extends ApplicationSummaryV1 {
  @IsInt()
  @Min(1)
  version!: number;

  @IsDateString()
  submittedAt!: string;

  /** When the application was drafted: the start of the intake stage (ADR 0029). Absent from older producers. */
  @IsOptional() @IsDateString() createdAt?: string;

  /** The field (M4.2) or new-materials catalogue category (M4.3) the applicant chose. */
  @IsOptional() @Matches(/^[A-Za-z0-9._-]{1,50}$/) catalogueEntryCode?: string;

  @IsOptional() @ValidateNested() @Type(() => SubmittedCreditCheckV1) credit?: SubmittedCreditCheckV1;

  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SubmissionFlagV1) flags?: SubmissionFlagV1[];

  /** The enterprise's answers for M2, M5 and M6 as submitted (absent from events sent before they were carried). */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => DeclarationsV1) declarations?: DeclarationsV1;

  /**
   * M7.4: whether the batch's profile required every applicable material at submission. false: a
   * pilot let the application through with materials missing, and the reviewer is told so.
   * Absent from events sent before it was carried.
   */
  @IsOptional() @IsBoolean() materialsRequiredAtSubmission?: boolean;

  /** M10.1: the pledge signed with this version. */
  @IsOptional() @ValidateNested() @Type(() => SignedPledgeV1) pledge?: SignedPledgeV1;
}
export const ApplicationSubmitted = defineEvent('intake.application.submitted.v1', ApplicationSubmittedV1);
