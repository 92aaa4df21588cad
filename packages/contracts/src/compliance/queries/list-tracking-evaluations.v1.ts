import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageQueryV1, toInt } from '../../common/paging';
import { defineQuery } from '../../contract';
import { TRACKING_CONCLUSIONS } from '../commands/conclude-tracking-evaluation.v1';

export const TRACKING_STATUSES = ['requested', 'reported', 'concluded'] as const;

/**
 * Tracking evaluations (M12.2), newest first: a prefecture reads its own area's, an enterprise the
 * requests addressed to it, the Department and the auditor all of them across prefectures.
 */
export class ListTrackingEvaluationsV1 extends PageQueryV1 {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @IsOptional()
  @IsIn(TRACKING_STATUSES)
  status?: (typeof TRACKING_STATUSES)[number];

  @IsOptional()
  @IsIn(TRACKING_CONCLUSIONS)
  conclusion?: (typeof TRACKING_CONCLUSIONS)[number];

  /** The Department's and the auditor's filter by prefecture (a prefecture reads its own only). */
  @IsOptional()
  @Matches(/^\d{6}$/)
  prefectureId?: string;
}
export const ListTrackingEvaluations = defineQuery('compliance.tracking.list.v1', ListTrackingEvaluationsV1, 'TrackingEvaluationPageV1');
