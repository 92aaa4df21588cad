import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../contract';
import { ApplicationSummaryV1 } from '../common/application-summary';
import { DeclarationsV1 } from './application-draft.v1';

/** The credit source's answer at submission (M5.1, M7.4(2)), for the prefecture's formal review. */
export class SubmittedCreditCheckV1 {
  /** `simulator`, `credit-platform`, or `special_credit_report` (the prefecture verifies the uploaded report). */
  @IsString() @MaxLength(50) source!: string;
  /** Absent: the source could not tell, and the uploaded special credit report is the evidence. */
  @IsOptional() @IsBoolean() seriousDishonesty?: boolean;
  @IsOptional() @IsBoolean() abnormalOperations?: boolean;
  @IsDateString() checkedAt!: string;
  /** The platform's record id, when it gave one. */
  @IsOptional() @IsString() @MaxLength(200) reference?: string;
  /** Why the source could not tell (platform down, no interface…). */
  @IsOptional() @IsString() @MaxLength(300) note?: string;
}

/** Something intake's check wants a human to look at: not a refusal (a failed USCC check character, a possible same series…). */
export class SubmissionFlagV1 {
  @IsString() @MaxLength(80) code!: string;
  @IsString() @MaxLength(20) measuresId!: string;
  @IsOptional() @IsString() @MaxLength(80) field?: string;
  @IsString() @MaxLength(500) message!: string;
  @IsOptional() @IsString() @MaxLength(500) messageEn?: string;
}

/** An application left intake: it is now the prefecture's to review (M7.2). */
export class ApplicationSubmittedV1 extends ApplicationSummaryV1 {
  @IsInt()
  @Min(1)
  version!: number;

  @IsDateString()
  submittedAt!: string;

  /** The field (M4.2) or new-materials catalogue category (M4.3) the applicant chose. */
  @IsOptional() @Matches(/^[A-Za-z0-9._-]{1,50}$/) catalogueEntryCode?: string;

  @IsOptional() @ValidateNested() @Type(() => SubmittedCreditCheckV1) credit?: SubmittedCreditCheckV1;

  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SubmissionFlagV1) flags?: SubmissionFlagV1[];

  /** The enterprise's answers to the conditions of M5 and exclusions of M6 as submitted (absent from older producers). */
  @IsOptional() @ValidateNested() @Type(() => DeclarationsV1) declarations?: DeclarationsV1;
}
export const ApplicationSubmitted = defineEvent('intake.application.submitted.v1', ApplicationSubmittedV1);
