import type { TablePaginationConfig } from 'antd';

/** A table's page and page size, read from and written to the URL (useSearchState). */
export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * The table's pagination driven by the URL: a reload or a link keeps the page. A new page size
 * starts again at the first page. `total` is the server's count for a list paged on the server;
 * leave it out for a list paged in the browser.
 */
export function urlPagination({ page, pageSize }: Paging, set: (patch: Partial<Paging>) => void, extra: TablePaginationConfig = {}): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    onChange: (p, size) => set(size !== pageSize ? { page: 1, pageSize: size } : { page: p }),
    ...extra,
  };
}
