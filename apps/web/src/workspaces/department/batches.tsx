import { Button, Card } from 'antd';
import { useState } from 'react';
import type { Batch } from '../../shared/api/views';
import { $api } from '../../shared/api/query';
import { useSession } from '../../shared/auth/session';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { BatchTable } from './batch-table';
import { BatchWindowDialog, WindowChange } from './batch-window-dialog';
import { OpenBatchDialog } from './open-batch-dialog';

/** The Department's annual batches: it opens them and extends or closes their windows (M7.1); the auditor reads them. */
export function BatchesPage() {
  const { t } = useI18n();
  const { actor } = useSession();
  const [opening, setOpening] = useState(false);
  const [changing, setChanging] = useState<{ batch: Batch; change: WindowChange } | null>(null);
  const list = $api.useQuery('get', '/api/batches');
  const canOpen = actor?.role === 'department_officer';
  return (
    <Card title={t('batch.title')} extra={canOpen && <Button type="primary" onClick={() => setOpening(true)}>{t('batch.open')}</Button>}>
      <LoadState {...queryState(list)} empty={!list.data?.length} emptyText={t('batch.empty')}>
        <BatchTable batches={list.data ?? []} onChange={canOpen ? (batch, change) => setChanging({ batch, change }) : undefined} />
      </LoadState>
      {changing && <BatchWindowDialog batch={changing.batch} change={changing.change} onClose={() => setChanging(null)} />}
      {canOpen && <OpenBatchDialog open={opening} onClose={() => setOpening(false)} />}
    </Card>
  );
}
