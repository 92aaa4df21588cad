import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/** The conclusions of a tracking evaluation; a serious problem may lead to a compliance case. */
export const TRACKING_CONCLUSIONS = ['good', 'issues_found', 'serious_problem'] as const;

/**
 * The prefecture concludes the year's tracking evaluation with its findings (M12.2): once the
 * enterprise reported, or without a report once the due date has passed (recorded as such).
 */
export class ConcludeTrackingEvaluationV1 {
  @IsUUID()
  evaluationId!: string;

  @IsIn(TRACKING_CONCLUSIONS)
  conclusion!: (typeof TRACKING_CONCLUSIONS)[number];

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(8000)
  findings!: string;
}
export const ConcludeTrackingEvaluation = defineCommand('compliance.tracking.conclude.v1', ConcludeTrackingEvaluationV1, 'TrackingEvaluationViewV1');
