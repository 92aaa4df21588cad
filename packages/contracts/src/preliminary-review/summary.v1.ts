import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';

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

export class SummaryRefV1 {
  @IsUUID()
  batchId!: string;

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
