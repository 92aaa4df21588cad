import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { MultilineText } from '../common/edge-rules';
import { toInt } from '../common/paging';

/** One thing the enterprise must correct: a material slot or a form field, and why. */
export class CorrectionItemV1 {
  /** Material slot id (from the domain's materials checklist) or form field path. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  item!: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}

/** A Measures ID as in shared/policy/README.md, e.g. M7.4 or M5.5. */
export const MEASURES_ID = /^M\d{1,2}(\.\d{1,2})?$/;

export class SubmitSummaryV1 {
  @IsUUID()
  batchId!: string;

  /**
   * The order of the recommended applications in the summary; those not named follow in the
   * order they were recommended. Naming an application that is not recommended is refused.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  order?: string[];

  /** Name of the person who signs the summary off (the actor is recorded in any case). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  signerName?: string;
}

export class SummaryRefV1 {
  @IsUUID()
  batchId!: string;

  /** Which of the prefecture's summaries: 0 (default) the first, 1, 2… its supplements. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(99)
  sequence?: number;

  /** For the Department and auditors: which prefecture's summary. */
  @IsOptional()
  @Matches(/^\d{6}$/)
  prefectureId?: string;
}
