import { ProFormInstance, ProTable } from '@ant-design/pro-components';
import { keepPreviousData } from '@tanstack/react-query';
import { Space, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { $api } from '../../shared/api/query';
import type { QueueRow } from '../../shared/api/views';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, problemOf } from '../../shared/ui/states';
import { PRODUCT_KINDS } from '../../shared/ui/product-kinds';
import { QUEUE_STATES, QueueFilters, SORTS, useQueueColumns } from './queue-columns';

type QueueSearch = { page: number; pageSize: number; search?: string; state?: string; productKind?: string; catalogueEntryCode?: string; sort?: string; attention?: string };
const NO_FILTERS = { search: undefined, state: undefined, productKind: undefined, catalogueEntryCode: undefined, sort: undefined };
const DEFAULTS: QueueSearch = { page: 1, pageSize: 20, ...NO_FILTERS, attention: undefined };
/** What the workspace home links to: the cases waiting for the prefecture's hand (ADR 0030). */
const ATTENTIONS = ['unclaimed', 'overdue'] as const;

/** A value from the URL when it is one of `allowed`; a hand-edited link's junk reads as no filter. */
const oneOf = <T extends string>(allowed: readonly T[], v: string | undefined): T | undefined => (allowed as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

/**
 * The prefecture queue: filters, search, paging and order on the server, and in the URL (a reload
 * or a shared link shows the same list; Back undoes a search).
 */
export function QueuePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [url, set] = useSearchState<QueueSearch>(DEFAULTS);
  const filters: QueueFilters = {
    search: url.search?.trim() || undefined,
    state: oneOf(QUEUE_STATES, url.state),
    productKind: oneOf(PRODUCT_KINDS, url.productKind),
    catalogueEntryCode: url.catalogueEntryCode,
    sort: oneOf(SORTS, url.sort),
  };
  const attention = oneOf(ATTENTIONS, url.attention);
  const page = Math.max(1, Math.trunc(url.page));
  const pageSize = Math.min(100, Math.max(1, Math.trunc(url.pageSize)));
  const queue = $api.useQuery('get', '/api/preliminary-review/queue/search', { params: { query: { ...filters, attention, page, pageSize } } }, { placeholderData: keepPreviousData });
  const columns = useQueueColumns((r: QueueRow) => void navigate(`/prefecture/applications/${r.applicationId}`));
  // The search form shows the URL's filters, also after Back or a link.
  const form = useRef<ProFormInstance<QueueFilters>>(undefined);
  const shown = JSON.stringify(filters);
  useEffect(() => {
    form.current?.setFieldsValue({ ...NO_FILTERS, ...(JSON.parse(shown) as QueueFilters) });
  }, [shown]);
  const search = (values: QueueFilters) => {
    const next = { search: values.search?.trim() || undefined, state: values.state, productKind: values.productKind, catalogueEntryCode: values.catalogueEntryCode, sort: values.sort };
    // The same search again asks the server again: new applications arrive by event.
    if (JSON.stringify(next) === shown && page === 1) void queue.refetch();
    else set({ ...next, page: 1 });
  };
  const failed = problemOf(queue.error);
  return (
    <ProTable<QueueRow, QueueFilters>
      headerTitle={
        <Space>
          {t('queue.title')}
          {attention && (
            <Tag color="orange" closable onClose={() => set({ attention: undefined, page: 1 })}>
              {t(`queue.attention.${attention}`)}
            </Tag>
          )}
        </Space>
      }
      rowKey="applicationId"
      formRef={form}
      form={{ initialValues: filters }}
      columns={columns}
      dataSource={queue.data?.items}
      loading={queue.isFetching}
      pagination={{
        current: page,
        pageSize,
        total: queue.data?.total ?? 0,
        showSizeChanger: true,
        onChange: (next, size) => set({ page: size === pageSize ? next : 1, pageSize: size }),
      }}
      search={{ labelWidth: 'auto', searchText: t('common.search'), resetText: t('common.reset') }}
      onSubmit={search}
      onReset={() => set({ ...NO_FILTERS, attention: undefined, page: 1 })}
      options={{ reload: () => void queue.refetch(), density: false, setting: false }}
      locale={{ emptyText: failed ? <LoadState loading={false} error={failed} onRetry={() => void queue.refetch()}>{null}</LoadState> : t('queue.empty') }}
    />
  );
}
