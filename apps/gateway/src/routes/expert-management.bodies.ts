import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ASSIGNMENT_STAGES, REVIEW_CASE_STATES } from '@firstset/contracts';

// Plain classes (not OmitType) so that their OpenAPI schemas come straight from their own rules;
// the service validates the whole message again against its contract.

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class PageQuery {
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) page?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class ReviewSearchQuery extends PageQuery {
  @IsOptional() @IsUUID() batchId?: string;
  @IsOptional() @IsIn(REVIEW_CASE_STATES) state?: (typeof REVIEW_CASE_STATES)[number];
  /** An expert's own assignments at this stage (experts only). */
  @IsOptional() @IsIn(ASSIGNMENT_STAGES) stage?: (typeof ASSIGNMENT_STAGES)[number];
}

export class PoolQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(100) search?: string;
}

export class CommissionsQuery extends PageQuery {
  @IsOptional() @IsUUID() batchId?: string;
}
