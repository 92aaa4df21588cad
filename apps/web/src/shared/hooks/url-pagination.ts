import type { TablePaginationConfig } from 'antd';
import { useI18n } from '../i18n/i18n';

/** A page and its size, as a list page keeps them in the URL (useSearchState). */
export interface PageState {
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 50, 100];

/** A valid page size from the URL: one the table offers, else the first. */
export const pageSizeOf = (size: number): number => (PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0]);

/** Where a pager change goes: a new page size starts again at the first page. */
export function nextPage(before: PageState, page: number, pageSize: number): PageState {
  return { page: pageSize !== before.pageSize ? 1 : page, pageSize };
}

/**
 * A table's pagination driven by the URL (`set` is useSearchState's): a reload or a link keeps the
 * page; a new page size starts again at the first page. `extra` adds the table's own settings.
 */
export function urlPagination(state: PageState, set: (next: PageState) => void, extra: TablePaginationConfig = {}): TablePaginationConfig {
  return {
    current: state.page,
    pageSize: state.pageSize,
    onChange: (page, pageSize) => set(nextPage(state, page, pageSize)),
    ...extra,
  };
}

/** The same over a list paged on the server: its total, the page sizes offered, the count in words. */
export function useUrlPagination(state: PageState, total: number | undefined, set: (next: PageState) => void): TablePaginationConfig {
  const { t } = useI18n();
  return urlPagination(state, set, { total: total ?? 0, showSizeChanger: true, pageSizeOptions: PAGE_SIZES, showTotal: (n) => t('common.total', { total: n }) });
}
