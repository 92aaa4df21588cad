import { Alert, Card, Flex, Table } from 'antd';
import { $api } from '../../shared/api/query';
import { useSession } from '../../shared/auth/session';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchSelect } from '../../shared/ui/batch-select';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import type { CommissionRowView } from '../../features/review-panel/types';
import { CommissionForm } from './commission-form';
import { urlPagination } from '../../shared/hooks/url-pagination';
import { useBatchParam } from './use-batch-param';

/** The chosen batch's commission, or (for the Department) the form to make it. */
function BatchCommission({ batchId, canCommission }: { batchId: string; canCommission: boolean }) {
  const { t } = useI18n();
  const current = $api.useQuery('get', '/api/commissions', { params: { query: { batchId } } });
  const commission = current.data?.items[0];
  return (
    <LoadState {...queryState(current)} empty={current.data ? false : undefined}>
      {commission ? (
        <Alert type="success" showIcon title={t('commission.current', { name: commission.institutionName, at: formatBeijing(commission.commissionedAt) })} />
      ) : (
        <Flex vertical gap="middle">
          <Alert type="info" showIcon title={t('commission.none')} />
          {canCommission && <CommissionForm batchId={batchId} />}
        </Flex>
      )}
    </LoadState>
  );
}

/** Every commission, paged on the server with the page in the URL. */
function CommissionList() {
  const { t } = useI18n();
  const [paging, setPaging] = useSearchState({ page: 1, pageSize: 10 });
  const all = $api.useQuery('get', '/api/commissions', { params: { query: paging } });
  // Batch names for the list (the batches are few and public; the batch select has them cached).
  const batches = $api.useQuery('get', '/api/batches');
  const batchName = (id: string) => batches.data?.find((b) => b.id === id)?.name ?? id;
  return (
    <LoadState {...queryState(all)} empty={all.data ? all.data.total === 0 : undefined}>
      <Table<CommissionRowView>
        rowKey="id"
        loading={all.isFetching}
        dataSource={all.data?.items}
        pagination={urlPagination(paging, setPaging, {
          total: all.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        })}
        columns={[
          { title: t('commission.institution'), dataIndex: 'institutionName' },
          { title: t('commission.batch'), render: (_, c) => batchName(c.batchId) },
          { title: t('commission.at'), render: (_, c) => formatBeijing(c.commissionedAt) },
        ]}
      />
    </LoadState>
  );
}

/**
 * The Department commissions one third-party institution per batch for the comprehensive review
 * (M8.1); auditors read the commissions only. The batch is in the URL (`?batch=…`).
 */
export function CommissionsPage() {
  const { t } = useI18n();
  const { actor } = useSession();
  const [batchId, setBatchId] = useBatchParam([]);
  return (
    <Flex vertical gap="large">
      <Card title={t('commission.title')}>
        <Flex vertical gap="small">
          <label htmlFor="commission-batch">{t('batch.select')}</label>
          <BatchSelect id="commission-batch" value={batchId} onChange={setBatchId} />
          {batchId && <BatchCommission batchId={batchId} canCommission={actor?.role === 'department_officer'} />}
        </Flex>
      </Card>
      <Card title={t('commission.list')}>
        <CommissionList />
      </Card>
    </Flex>
  );
}
