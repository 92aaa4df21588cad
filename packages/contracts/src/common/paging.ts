import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { EDGE_LIMITS } from './edge-rules';

/**
 * A query-string number ("2") as a number, so that it validates as one; anything else as sent
 * (`1e20`, and digits beyond 15, stay text and are refused as not a whole number).
 */
export const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value);

/** Page number and size of a list paged on the server (20 a page unless asked, at most 100; pages up to 10,000). */
export class PageQueryV1 {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(EDGE_LIMITS.maxPage)
  page?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

/** One page of a list paged on the server. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The page asked for as Prisma's skip and take (defaults: page 1, 20 rows). */
export function pageOf(q: PageQueryV1): { page: number; pageSize: number; skip: number; take: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { page, pageSize, skip: (page - 1) * pageSize, take: pageSize };
}
