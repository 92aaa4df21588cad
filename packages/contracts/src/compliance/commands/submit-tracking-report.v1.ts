import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsNumber, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/**
 * The enterprise reports once, until the due date, on the use and sales of its recognized product
 * since recognition, its performance in use and the problems met (M12.2). Its files are attached
 * before (`AttachTrackingFile`) and close with the report.
 */
export class SubmitTrackingReportV1 {
  @IsUUID()
  evaluationId!: string;

  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  unitsSold!: number;

  /** Sales revenue since recognition, in yuan (two decimals at most). */
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e13)
  salesRevenueYuan!: number;

  /** The customers (users) of the product. */
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  customers!: string[];

  /** How the product performs in use. */
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(8000)
  performance!: string;

  /** Problems met in use ("无" when none). */
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(8000)
  problems!: string;
}
export const SubmitTrackingReport = defineCommand('compliance.tracking.report.v1', SubmitTrackingReportV1, 'TrackingEvaluationViewV1');
