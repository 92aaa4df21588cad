import { IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

export class SaveBatchReportV1 {
  @IsUUID()
  batchId!: string;

  /** The institution's overall remarks on the batch. */
  @IsString()
  @MultilineText()
  @MaxLength(4000)
  remarks!: string;

  /** The report's version as read; 0 when no draft was saved yet. */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  expectedVersion!: number;
}
/** The institution saves its draft report on a whole batch it was commissioned for (M8.1, M9.1). */
export const SaveBatchReport = defineCommand('expert-management.batch-report.save.v1', SaveBatchReportV1, 'BatchReportViewV1');
