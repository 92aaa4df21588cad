import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { REPORT_RECOMMENDATIONS, type ReportRecommendation } from '@firstset/domain';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

export class SaveReviewReportV1 {
  @IsUUID()
  applicationId!: string;

  @IsIn(REPORT_RECOMMENDATIONS)
  recommendation!: ReportRecommendation;

  /** The institution's reasons (may be left empty in a draft; required to sign off). */
  @IsString()
  @MultilineText()
  @MaxLength(4000)
  reasons!: string;

  /** The report's version as read; 0 when no draft was saved yet. */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  expectedVersion!: number;
}
/** The institution saves its draft of the comprehensive review report on one case (M8.1, M9.1). */
export const SaveReviewReport = defineCommand('expert-management.report.save.v1', SaveReviewReportV1, 'ReviewReportViewV1');
