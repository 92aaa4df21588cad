import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDateString, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ApplicationSummaryV1 } from '../../common/application-summary';
import { defineEvent } from '../../contract';

export class SummaryEntryV1 extends ApplicationSummaryV1 {
  /** Position in the prefecture's ordered summary (1 = first). */
  @IsInt()
  @Min(1)
  order!: number;

  /** The prefecture's opinion on this application. */
  @IsString()
  opinion!: string;

  /** The field (M4.2) or new-materials category (M4.3) the applicant chose, when it did. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,50}$/)
  catalogueEntryCode?: string;
}

/**
 * The prefecture sent its summary of recommended applications to the Department (汇总报送,
 * M7.3): the comprehensive review starts from this, never from single recommendations.
 */
export class SummarySubmittedV1 {
  @IsUUID()
  summaryId!: string;

  @IsUUID()
  batchId!: string;

  @IsString()
  prefectureId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SummaryEntryV1)
  entries!: SummaryEntryV1[];

  @IsString()
  submittedBy!: string;

  @IsDateString()
  submittedAt!: string;

  /**
   * 0 (or absent, from older producers) for the prefecture's summary; 1, 2… for a supplementary
   * summary (补报) of applications recommended after it, resubmitted within their correction deadline.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(99)
  sequence?: number;

  /** A supplement's first summary. */
  @IsOptional()
  @IsUUID()
  supplementOf?: string;
}
export const SummarySubmitted = defineEvent('preliminary-review.summary.submitted.v1', SummarySubmittedV1);
