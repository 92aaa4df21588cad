import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import type { PublicRecognition } from '../../../shared/api/views';
import { useSession } from '../../../shared/auth/session';
import { useI18n } from '../../../shared/i18n/i18n';
import { RegistryTable } from '../../../features/registry/registry-table';
import { AmendDialog } from './amend-dialog';
import { HistoryDrawer } from './history-drawer';

/**
 * The Department's registry (M13.1): the public registry with each entry's record, and the
 * amendment of an entry's particulars (a renamed enterprise). The auditor reads the records only.
 */
export function RegistryPage() {
  const { t } = useI18n();
  const { actor } = useSession();
  const [open, setOpen] = useState<{ entry: PublicRecognition; what: 'amend' | 'history' } | null>(null);
  const mayAmend = actor?.role === 'department_officer';
  return (
    <Card title={t('registry.admin.title')}>
      <Typography.Paragraph>{t('registry.admin.intro')}</Typography.Paragraph>
      <RegistryTable
        actions={(entry) => (
          <Space>
            {mayAmend && entry.status !== 'revoked' && (
              <Button size="small" onClick={() => setOpen({ entry, what: 'amend' })}>
                {t('registry.amend')}
              </Button>
            )}
            <Button size="small" type="link" onClick={() => setOpen({ entry, what: 'history' })}>
              {t('registry.history')}
            </Button>
          </Space>
        )}
      />
      {open?.what === 'amend' && <AmendDialog entry={open.entry} onClose={() => setOpen(null)} />}
      {open?.what === 'history' && <HistoryDrawer entry={open.entry} onClose={() => setOpen(null)} />}
    </Card>
  );
}
