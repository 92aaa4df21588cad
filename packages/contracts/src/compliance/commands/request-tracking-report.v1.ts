import { IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate, MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/**
 * The prefecture asks the enterprise of a recognized product of its area for the year's tracking
 * report (跟踪评价, M12.2; ADR 0026): one evaluation per recognition and year, due at least seven
 * days after today (China time).
 */
export class RequestTrackingReportV1 {
  @IsUUID()
  recognitionId!: string;

  /** The year evaluated: from the recognition's year to this year. */
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  /** The last day the enterprise may report. */
  @IsLocalDate()
  dueOn!: string;

  /** What the enterprise is to report on. */
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  note!: string;
}
export const RequestTrackingReport = defineCommand('compliance.tracking.request.v1', RequestTrackingReportV1, 'TrackingEvaluationViewV1');
