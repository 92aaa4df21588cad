import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MultilineText } from '@firstset/contracts';
import { REPORT_RECOMMENDATIONS, type ReportRecommendation } from '@firstset/domain';

// Plain classes so that their OpenAPI schemas come straight from their own rules; the service
// validates the whole message again against its contract (issue 17, the institution's reports).

export class ReviewReportBody {
  @IsIn(REPORT_RECOMMENDATIONS) recommendation!: ReportRecommendation;
  @IsString() @MultilineText() @MaxLength(4000) reasons!: string;
  /** The report's version as read; 0 for the first save. */
  @IsInt() @Min(0) @Max(1_000_000) expectedVersion!: number;
}

export class BatchReportBody {
  @IsString() @MultilineText() @MaxLength(4000) remarks!: string;
  @IsInt() @Min(0) @Max(1_000_000) expectedVersion!: number;
}

export class SignOffBody {
  /** The draft's version as read. */
  @IsInt() @Min(0) @Max(1_000_000) expectedVersion!: number;
}

export class BatchReportExportQuery {
  /** For the Department: which commission's report, when the batch had more than one. */
  @IsOptional() @IsUUID() commissionId?: string;
}
