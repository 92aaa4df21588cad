import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';
import { REPORT_FORMATS, type ReportFormat } from './export-review-report.v1';

export class ExportBatchReportV1 {
  @IsUUID()
  batchId!: string;

  /** For the Department: which commission's report, when the batch had more than one. */
  @IsOptional()
  @IsUUID()
  commissionId?: string;

  @IsIn(REPORT_FORMATS)
  format!: ReportFormat;
}
/** A batch report as PDF or XLSX. */
export const ExportBatchReport = defineQuery('expert-management.batch-report.export.v1', ExportBatchReportV1, 'ExportedFileV1');
