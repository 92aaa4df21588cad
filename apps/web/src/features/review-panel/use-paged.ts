import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { Loaded, useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import type { Paged } from './types';

export interface PagedList<T> extends Loaded<Paged<T>> {
  /** The table's pagination, driving the server's page and size. */
  pagination: TablePaginationConfig;
  /** Back to the first page (after a filter changed). */
  firstPage(): void;
}

/**
 * @deprecated Superseded by the page in the URL (`useSearchState` + `useUrlPagination` in paging.ts) and
 * `$api.useQuery`; left only for the Department's commissions page until it is converted, then deleted.
 *
 * A list paged on the server: `load` gets the page and size; reloads when they or `deps` change. */
export function usePaged<T>(load: (page: number, pageSize: number) => Promise<Paged<T>>, deps: unknown[]): PagedList<T> {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const loaded = useLoad(() => load(page, pageSize), [page, pageSize, ...deps]);
  return {
    ...loaded,
    firstPage: () => setPage(1),
    pagination: {
      current: page,
      pageSize,
      total: loaded.data?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (total) => t('common.total', { total }),
      onChange: (p, size) => {
        setPage(size !== pageSize ? 1 : p);
        setPageSize(size);
      },
    },
  };
}
