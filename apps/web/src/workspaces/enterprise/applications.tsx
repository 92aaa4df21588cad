import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Flex, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { $api } from '../../shared/api/query';
import type { Application } from '../../shared/api/views';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { ApplicationFilters } from './application-list/application-filters';
import { CreateApplicationDialog } from './application-list/create-application-dialog';

/** Moved to shared/ui/product-kinds.ts; kept here until the prefecture queue imports it from there. */

const LIST: { page: number; pageSize: number; search: string | undefined; state: string | undefined } = { page: 1, pageSize: 20, search: undefined, state: undefined };

/**
 * The own applications, paged, searched and filtered on the server, newest first. The keyword, the
 * state and the page are in the URL: a reload or a copied link shows the same list.
 */
export function ApplicationsPage() {
  const { t, tk } = useI18n();
  const [creating, setCreating] = useState(false);
  const [{ page, pageSize, search, state }, set] = useSearchState(LIST);
  const list = $api.useQuery('get', '/api/applications', { params: { query: { page, pageSize, search, state } } }, { placeholderData: keepPreviousData });
  const link = (a: Application, text: string) => <Link to={`/enterprise/applications/${a.id}`}>{text}</Link>;
  return (
    <Card
      title={t('application.list.title')}
      extra={
        <Space>
          <Button onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending}>
            {t('common.refresh')}
          </Button>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('application.create')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap="middle">
        <ApplicationFilters key={`${search ?? ''}|${state ?? ''}`} value={{ search, state }} onChange={(f) => set({ search: f.search, state: f.state, page: 1 })} />
        <LoadState {...queryState(list)} empty={list.data ? false : undefined}>
          <Table<Application>
            rowKey="id"
            size="middle"
            loading={list.isFetching && list.isPlaceholderData}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('application.empty') }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (p, size) => set({ page: size === pageSize ? p : 1, pageSize: size }),
            }}
            columns={[
              { title: t('application.no'), dataIndex: 'applicationNo', render: (_, a) => link(a, a.applicationNo) },
              { title: t('application.productName'), dataIndex: 'productName' },
              { title: t('application.model'), dataIndex: 'model' },
              { title: t('application.productKind'), render: (_, a) => tk('productKind', a.productKind) },
              { title: t('application.state'), render: (_, a) => <Tag>{tk('state', a.state, a.stateLabel.zh)}</Tag> },
              { title: t('common.actions'), render: (_, a) => link(a, t('common.view')) },
            ]}
          />
        </LoadState>
      </Flex>
      <CreateApplicationDialog open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
