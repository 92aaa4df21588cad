import { IsInt, IsISO8601, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

/**
 * A prefecture asked the enterprise of a recognized product for the year's tracking report by a due
 * date (M12.2; ADR 0026): intake puts the request in the enterprise's inbox.
 */
export class TrackingReportRequestedV1 {
  @IsUUID()
  evaluationId!: string;

  @IsUUID()
  recognitionId!: string;

  /** The recognized application, which the enterprise's notices refer to. */
  @IsUUID()
  applicationId!: string;

  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  uscc!: string;

  @IsString()
  enterpriseName!: string;

  @IsString()
  productName!: string;

  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  /** The last day the enterprise may report (included). */
  @IsLocalDate()
  dueOn!: string;

  @IsString()
  note!: string;

  @Matches(/^\d{6}$/)
  prefectureId!: string;

  @IsISO8601()
  requestedAt!: string;
}
export const TrackingReportRequested = defineEvent('compliance.tracking.report-requested.v1', TrackingReportRequestedV1);
