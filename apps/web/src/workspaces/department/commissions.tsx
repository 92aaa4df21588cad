import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { $api } from '../../shared/api/query';
import { useSession } from '../../shared/auth/session';
import { useUrlPagination } from '../../shared/hooks/url-pagination';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchSelect } from '../../shared/ui/batch-select';
import { LoadState, queryState } from '../../shared/ui/states';
import type { CommissionRowView } from '../../features/review-panel/types';
import { CommissionForm } from './commission-form';
import { CommissionTable } from './commission-scope';
import { EndCommissionDialog } from './end-commission-dialog';
import { useBatchParam } from './use-batch-param';

/**
 * The chosen batch's commissions (M8.1): each with its scope, state and the cases it holds, the
 * ended ones with their reason and replacement; the Department ends one (and recommissions) and
 * adds commissions for scopes that do not overlap.
 */
function BatchCommissions({ batchId, editable }: { batchId: string; editable: boolean }) {
  const { t } = useI18n();
  const current = $api.useQuery('get', '/api/commissions', { params: { query: { batchId, pageSize: 100 } } });
  const [ending, setEnding] = useState<CommissionRowView | null>(null);
  const rows = current.data?.items ?? [];
  const open = rows.filter((c) => c.state === 'open');
  return (
    <LoadState {...queryState(current)} empty={current.data ? false : undefined}>
      <Flex vertical gap="middle">
        {open.length === 0 ? <Alert type="info" showIcon title={t('commission.none')} /> : <Alert type="info" showIcon title={t('commissions.batch.uncovered')} />}
        {rows.length > 0 && (
          <CommissionTable
            rows={rows}
            action={editable ? (c) => (c.state === 'open' ? <Button size="small" danger onClick={() => setEnding(c)}>{t('commissions.end')}</Button> : null) : undefined}
          />
        )}
        {editable && (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('commissions.new')}</Typography.Title>
            <CommissionForm batchId={batchId} />
          </>
        )}
        <EndCommissionDialog commission={ending} onClose={() => setEnding(null)} />
      </Flex>
    </LoadState>
  );
}

/** Every commission, newest first, paged on the server with the page in the URL: the history. */
function CommissionList() {
  const [paging, setPaging] = useSearchState({ page: 1, pageSize: 10 });
  const all = $api.useQuery('get', '/api/commissions', { params: { query: paging } });
  // Batch names for the list (the batches are few and public; the batch select has them cached).
  const batches = $api.useQuery('get', '/api/batches');
  const batchName = (id: string) => batches.data?.find((b) => b.id === id)?.name ?? id;
  const pagination = useUrlPagination(paging, all.data?.total, setPaging);
  return (
    <LoadState {...queryState(all)} empty={all.data ? all.data.total === 0 : undefined}>
      <CommissionTable rows={all.data?.items ?? []} loading={all.isFetching} showBatch batchName={batchName} pagination={pagination} />
    </LoadState>
  );
}

/**
 * The Department commissions third-party institutions per batch for the comprehensive review,
 * one or more by scope (M8.1), and ends a commission with a reason; auditors read. The batch is
 * in the URL (`?batch=…`).
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
          {batchId && <BatchCommissions batchId={batchId} editable={actor?.role === 'department_officer'} />}
        </Flex>
      </Card>
      <Card title={t('commissions.history')}>
        <CommissionList />
      </Card>
    </Flex>
  );
}
