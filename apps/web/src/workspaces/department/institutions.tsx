import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { $api } from '../../shared/api/query';
import { useSession } from '../../shared/auth/session';
import { useUrlPagination } from '../../shared/hooks/url-pagination';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import type { InstitutionDetail, InstitutionView } from '../../features/review-panel/types';
import { CommissionTable } from './commission-scope';
import { InstitutionFormDialog } from './institution-form';

/** The ban, or that the institution may be commissioned (M10.3). */
export function BanTag({ banned, bannedUntil }: { banned: boolean; bannedUntil: string | null }) {
  const { t } = useI18n();
  return banned ? <Tag color="error">{t('institutions.banned', { until: bannedUntil ?? '' })}</Tag> : <Tag color="success">{t('institutions.ok')}</Tag>;
}

/** One institution's record and its commissions, open and ended (M8.1). */
function InstitutionDrawer({ id, onClose, onEdit, editable }: { id: string; onClose: () => void; onEdit: (d: InstitutionDetail) => void; editable: boolean }) {
  const { t } = useI18n();
  const detail = $api.useQuery('get', '/api/institutions/{id}', { params: { path: { id } } });
  const batches = $api.useQuery('get', '/api/batches');
  const batchName = (b: string) => batches.data?.find((x) => x.id === b)?.name ?? b;
  const d = detail.data;
  return (
    <Drawer open size="large" title={d?.name ?? t('institutions.title')} onClose={onClose} extra={editable && d ? <Button onClick={() => onEdit(d)}>{t('institutions.edit')}</Button> : null}>
      <LoadState {...queryState(detail)}>
        {d && (
          <Flex vertical gap="large">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('institutions.uscc')}>{d.uscc}</Descriptions.Item>
              <Descriptions.Item label={t('institutions.status')}><BanTag banned={d.banned} bannedUntil={d.bannedUntil} /></Descriptions.Item>
              <Descriptions.Item label={t('institutions.qualification')}>{d.qualification}</Descriptions.Item>
              <Descriptions.Item label={t('institutions.qualificationNo')}>{d.qualificationNo}</Descriptions.Item>
              <Descriptions.Item label={t('institutions.contactName')}>{d.contactName}</Descriptions.Item>
              <Descriptions.Item label={t('institutions.contactPhone')}>{d.contactPhone}</Descriptions.Item>
              <Descriptions.Item label={t('institutions.contactEmail')}>{d.contactEmail}</Descriptions.Item>
              <Descriptions.Item label={t('institutions.address')}>{d.address}</Descriptions.Item>
              <Descriptions.Item label={t('institutions.registeredAt')}>{d.registeredAt ? formatBeijing(d.registeredAt) : ''}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('institutions.commissions')}</Typography.Title>
            {d.commissions.length === 0 ? (
              <Typography.Text type="secondary">{t('institutions.commissions.none')}</Typography.Text>
            ) : (
              <CommissionTable rows={d.commissions} showBatch batchName={batchName} showInstitution={false} />
            )}
          </Flex>
        )}
      </LoadState>
    </Drawer>
  );
}

/**
 * The Department's register of third-party institutions (M8.1): search by name or credit code,
 * each with its ban (M10.3) and open commissions; register and edit (the Department), read
 * (auditors). The search, page and open record are in the URL.
 */
export function InstitutionsPage() {
  const { t } = useI18n();
  const { actor } = useSession();
  const editable = actor?.role === 'department_officer';
  const [q, set] = useSearchState({ search: '', page: 1, pageSize: 10, open: '' });
  const list = $api.useQuery('get', '/api/institutions', { params: { query: { search: q.search || undefined, page: q.page, pageSize: q.pageSize } } }, { placeholderData: keepPreviousData });
  const [dialog, setDialog] = useState<{ editing?: InstitutionDetail } | null>(null);
  const pagination = useUrlPagination(q, list.data?.total, set);
  const columns: ColumnsType<InstitutionView> = [
    { title: t('institutions.name'), dataIndex: 'name' },
    { title: t('institutions.uscc'), dataIndex: 'uscc' },
    { title: t('institutions.contactName'), render: (_, i) => [i.contactName, i.contactPhone].filter(Boolean).join(' ') },
    { title: t('institutions.status'), render: (_, i) => <BanTag banned={i.banned} bannedUntil={i.bannedUntil} /> },
    { title: t('institutions.openCommissions'), dataIndex: 'openCommissions', align: 'right' },
    {
      title: t('commissions.actions'),
      render: (_, i) => (
        <Button size="small" onClick={() => set({ open: i.id })} aria-label={`${t('institutions.detail')} ${i.name}`}>
          {t('institutions.detail')}
        </Button>
      ),
    },
  ];
  return (
    <Flex vertical gap="large">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('institutions.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('institutions.intro')}</Typography.Paragraph>
      <Card
        extra={
          <Space>
            <Input.Search
              allowClear
              defaultValue={q.search}
              placeholder={t('institutions.search')}
              aria-label={t('institutions.search')}
              onSearch={(v) => set({ search: v.trim(), page: 1 })}
              style={{ width: 280 }}
            />
            {editable && <Button type="primary" onClick={() => setDialog({})}>{t('institutions.register')}</Button>}
          </Space>
        }
      >
        <LoadState {...queryState(list)} empty={list.data ? list.data.total === 0 : undefined}>
          <Table<InstitutionView>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items}
            columns={columns}
            pagination={pagination}
          />
        </LoadState>
      </Card>
      {q.open && <InstitutionDrawer id={q.open} editable={editable} onClose={() => set({ open: '' })} onEdit={(d) => setDialog({ editing: d })} />}
      <InstitutionFormDialog open={dialog !== null} editing={dialog?.editing} onClose={() => setDialog(null)} />
    </Flex>
  );
}
