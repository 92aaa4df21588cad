import { PageQueryV1 } from '@firstset/contracts';

/** One page of a list paged on the server. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The page asked for (20 a page unless asked) as Prisma's skip and take. */
export function pageOf(input: PageQueryV1): { page: number; pageSize: number; skip: number; take: number } {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  return { page, pageSize, skip: (page - 1) * pageSize, take: pageSize };
}
