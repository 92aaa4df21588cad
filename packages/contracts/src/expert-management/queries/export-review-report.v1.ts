import { IsIn, IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ExportReviewReportV1 {
  @IsUUID()
  applicationId!: string;

  @IsIn(REPORT_FORMATS)
  format!: ReportFormat;
}
/** The review report as PDF or XLSX (base64 in the reply), to whoever may read it. */
export const ExportReviewReport = defineQuery('expert-management.report.export.v1', ExportReviewReportV1, 'ExportedFileV1');
