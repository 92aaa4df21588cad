import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AuditFiltersV1, toInt } from '@firstset/contracts';

/** The audit log's search as the query string carries it (ADR 0028); every filter optional. */
export class AuditLogQueryV1 extends AuditFiltersV1 {
  /** A user id exactly, a username exactly, or part of a person's name. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;

  /** `nextCursor` of the page before; none: the newest records. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/)
  cursor?: string;

  /** Records a page (50 unless asked, at most 100). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
