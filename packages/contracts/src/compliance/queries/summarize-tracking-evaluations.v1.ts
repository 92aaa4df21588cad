import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { toInt } from '../../common/paging';
import { defineQuery } from '../../contract';

/**
 * The year's tracking evaluation across prefectures (M12.2), for the Department and the auditor:
 * per prefecture, its valid recognized products and where their evaluations stand.
 */
export class SummarizeTrackingEvaluationsV1 {
  /** This year (China time) unless asked. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
export const SummarizeTrackingEvaluations = defineQuery('compliance.tracking.summary.v1', SummarizeTrackingEvaluationsV1, 'TrackingSummaryV1');
