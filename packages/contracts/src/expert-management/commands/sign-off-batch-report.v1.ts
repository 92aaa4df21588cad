import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { defineCommand } from '../../contract';

export class SignOffBatchReportV1 {
  @IsUUID()
  batchId!: string;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  expectedVersion!: number;
}
/** The institution signs off its batch report once every case's report is signed off, delivering it to the Department (M9.1). */
export const SignOffBatchReport = defineCommand('expert-management.batch-report.sign-off.v1', SignOffBatchReportV1, 'BatchReportViewV1');
