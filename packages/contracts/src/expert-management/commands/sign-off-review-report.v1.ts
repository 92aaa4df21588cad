import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { defineCommand } from '../../contract';

export class SignOffReviewReportV1 {
  @IsUUID()
  applicationId!: string;

  /** The draft's version as read. */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  expectedVersion!: number;
}
/**
 * The institution signs off its report, which concludes the comprehensive review and delivers the
 * report to the Department (M8.1, M9.1): the case becomes reviewed and `application.reviewed` carries it.
 */
export const SignOffReviewReport = defineCommand('expert-management.report.sign-off.v1', SignOffReviewReportV1, 'ReviewReportViewV1');
