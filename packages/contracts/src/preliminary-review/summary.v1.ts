import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { toInt } from '../common/paging';

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
/** The prefecture's summary submission for a batch (汇总报送, M7.3), before the deadline. */
export const SubmitSummary = defineCommand('preliminary-review.summary.submit.v1', SubmitSummaryV1, 'SummaryViewV1');

/**
 * A supplementary summary (补报, M7.3): applications recommended after the prefecture's summary was
 * sent, each resubmitted after a return whose correction deadline had not passed when it was sent.
 * Same body as the summary; it gets its own letter and reaches the Department like the first.
 */
export const SubmitSupplementarySummary = defineCommand('preliminary-review.summary.submit-supplement.v1', SubmitSummaryV1, 'SummaryViewV1');

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
/** The prefecture's summary for a batch: as sent, or the draft of what would be sent. */
export const GetSummary = defineQuery('preliminary-review.summary.get.v1', SummaryRefV1, 'SummaryViewV1');

/** Exports (base64 in the reply: they are small): the summary table as Excel, the letter as PDF. */
export const ExportSummaryTable = defineQuery('preliminary-review.summary.export-table.v1', SummaryRefV1, 'ExportedFileV1');
export const ExportRecommendationLetter = defineQuery('preliminary-review.summary.export-letter.v1', SummaryRefV1, 'ExportedFileV1');

export class BatchRefV1 {
  @IsUUID()
  batchId!: string;
}
/** The Department's view of every prefecture's progress in a batch (M3.1, M7.3). */
export const GetPrefectureProgress = defineQuery('preliminary-review.progress.get.v1', BatchRefV1, 'ProgressViewV1');
