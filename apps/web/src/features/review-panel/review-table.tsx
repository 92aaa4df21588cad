import { Button, Card, Flex, Table, Tag } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { $api } from '../../shared/api/query';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { CaseDetail } from './case-detail';
import { pageSizeOf, useUrlPagination } from '../../shared/hooks/url-pagination';
import { ReviewFilters } from './review-filters';
import { ExpertTags } from './review-parts';
import { ReviewView, isRedacted, reviewStateOf } from './types';

/** The list's state in the URL: a reload or a copied link shows the same batch, state and page. */
const DEFAULTS = { page: 1, pageSize: 10, batchId: undefined as string | undefined, state: undefined as string | undefined };

/**
 * Applications in comprehensive review as the Department, an auditor or the institution sees them,
 * paged on the server, filtered by batch and state (both kept in the URL); `actions` adds buttons
 * (none for read-only roles). Commands invalidate `/api/reviews/search`, which refreshes this list.
 */
export function ReviewTable({ title, emptyText, actions }: {
  title: string;
  emptyText: string;
  actions?: (review: ReviewView) => ReactNode;
}) {
  const { t, tk } = useI18n();
  const [search, setSearch] = useSearchState(DEFAULTS);
  const state = reviewStateOf(search.state);
  const pageSize = pageSizeOf(search.pageSize);
  const q = $api.useQuery(
    'get',
    '/api/reviews/search',
    { params: { query: { batchId: search.batchId, state, page: search.page, pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const pagination = useUrlPagination({ page: search.page, pageSize }, q.data?.total, setSearch);
  // The search answers an expert's redacted rows too; this table is the institution's and the Department's, who never get one.
  const rows = q.data?.items.filter((r): r is ReviewView => !isRedacted(r));
  return (
    <Card title={title} extra={<Button onClick={() => void q.refetch()} loading={q.isFetching && !q.isPending}>{t('common.refresh')}</Button>}>
      <Flex vertical gap="middle">
        <ReviewFilters batchId={search.batchId} state={state} onChange={(f) => setSearch({ ...f, page: 1 })} />
        <LoadState {...queryState(q)} empty={q.data ? q.data.total === 0 : undefined} emptyText={emptyText}>
          <Table<ReviewView>
            rowKey="applicationId"
            loading={q.isFetching}
            dataSource={rows}
            pagination={pagination}
            expandable={{ expandedRowRender: (r) => <CaseDetail review={r} /> }}
            columns={[
              { title: t('application.no'), dataIndex: 'applicationNo', width: 160 },
              { title: t('panel.enterprise'), render: (_, r) => r.enterprise.name },
              { title: t('panel.product'), render: (_, r) => `${r.product.name}（${r.product.model}）` },
              { title: t('application.state'), render: (_, r) => <Tag>{tk('state', r.state, r.stateLabel.zh)}</Tag> },
              { title: t('panel.experts'), render: (_, r) => <ExpertTags assignments={r.assignments ?? []} /> },
              { title: t('panel.result.score'), render: (_, r) => (r.result?.score == null ? '—' : t('panel.score.value', { score: r.result.score })) },
              ...(actions ? [{ title: t('common.actions'), render: (_: unknown, r: ReviewView) => actions(r) }] : []),
            ]}
          />
        </LoadState>
      </Flex>
    </Card>
  );
}
