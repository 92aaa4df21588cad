import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import type { Batch } from '../../shared/api/views';
import { $api } from '../../shared/api/query';
import { useSession } from '../../shared/auth/session';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { BatchTable } from './batch-table';
import { BatchWindowDialog, WindowChange } from './batch-window-dialog';
import { OpenBatchDialog } from './open-batch-dialog';

/** A batch whose application window is open at `now` (intake's workload counts the same, ADR 0030). */
export const windowOpen = (b: Batch, now: number) => Date.parse(b.windowOpensAt) <= now && now < Date.parse(b.windowClosesAt);

/** The Department's annual batches: it opens them and extends or closes their windows (M7.1); the auditor reads them. */
export function BatchesPage() {
  const { t } = useI18n();
  const { actor } = useSession();
  const [opening, setOpening] = useState(false);
  const [changing, setChanging] = useState<{ batch: Batch; change: WindowChange } | null>(null);
  const list = $api.useQuery('get', '/api/batches');
  // `?window=open`: only the batches open for applications now (the workspace home links here).
  const [search, setSearch] = useSearchState({ window: '' });
  const openOnly = search.window === 'open';
  // The moment the page opened (a render reads no clock); a reload filters again.
  const [openedAt] = useState(() => Date.now());
  const batches = openOnly ? (list.data ?? []).filter((b) => windowOpen(b, openedAt)) : (list.data ?? []);
  const canOpen = actor?.role === 'department_officer';
  return (
    <Card
      title={
        <Space>
          {t('batch.title')}
          {openOnly && (
            <Tag color="orange" closable onClose={() => setSearch({ window: '' })}>
              {t('batch.window.openOnly')}
            </Tag>
          )}
        </Space>
      } extra={canOpen && <Button type="primary" onClick={() => setOpening(true)}>{t('batch.open')}</Button>}>
      <LoadState {...queryState(list)} empty={list.data ? batches.length === 0 : undefined} emptyText={t('batch.empty')}>
        <BatchTable batches={batches} onChange={canOpen ? (batch, change) => setChanging({ batch, change }) : undefined} />
      </LoadState>
      {changing && <BatchWindowDialog batch={changing.batch} change={changing.change} onClose={() => setChanging(null)} />}
      {canOpen && <OpenBatchDialog open={opening} onClose={() => setOpening(false)} />}
    </Card>
  );
}
