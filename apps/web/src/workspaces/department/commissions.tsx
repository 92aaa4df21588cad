import { Alert, App, Button, Card, Form, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import type { Batch } from '../../shared/api/views';
import { useSession } from '../../shared/auth/session';
import { LoadState } from '../../shared/ui/states';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchSelect } from '../../shared/ui/batch-select';
import { showRefusalAt } from '../../features/review-panel/refusal';
import { CommissionRowView, CommissionView, InstitutionView, Paged } from '../../features/review-panel/types';
import { usePaged } from '../../features/review-panel/use-paged';
import { formatBeijing } from '../../shared/ui/beijing-time';

/** Refusals about the chosen institution (banned, M10.3; or the batch already has one, M8.1). */
const INSTITUTION_REFUSALS = ['INSTITUTION_BANNED', 'COMMISSION_EXISTS', 'NOT_FOUND'] as const;

/** The form to commission an institution for the chosen batch; banned institutions cannot be chosen. */
function CommissionForm({ batchId, onDone }: { batchId: string; onDone(): void }) {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ institutionId: string }>();
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  const institutions = useLoad(() => unwrap<Paged<InstitutionView>>(api.GET('/api/institutions', { params: { query: { search: search || undefined, pageSize: 20 } } })), [search]);
  // A commission cannot be changed (M8.1): confirm first, saying what follows.
  const onFinish = ({ institutionId }: { institutionId: string }) => {
    const name = institutions.data?.items.find((i) => i.id === institutionId)?.name ?? '';
    modal.confirm({
      title: t('commission.confirm.title'),
      content: t('commission.confirm', { name }),
      okText: t('commission.submit'),
      cancelText: t('common.cancel'),
      onOk: () => commission(institutionId),
    });
  };
  const commission = async (institutionId: string) => {
    setBusy(true);
    try {
      const c = await unwrap<CommissionView>(api.POST('/api/commissions', { body: { batchId, institutionId } }));
      message.success(t('commission.done', { name: c.institutionName, count: c.startedApplicationIds.length }));
      onDone();
    } catch (err) {
      showRefusalAt(err, INSTITUTION_REFUSALS, 'institutionId', form, title, message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} name="commission" layout="vertical" onFinish={onFinish} style={{ maxWidth: 560 }}>
      <Form.Item name="institutionId" label={t('commission.institution')} rules={[{ required: true, message: t('common.required', { label: t('commission.institution') }) }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim()) }}
          loading={institutions.loading}
          placeholder={t('commission.institution.placeholder')}
          options={(institutions.data?.items ?? []).map((i) => ({
            value: i.id,
            disabled: i.banned,
            label: i.banned ? `${i.name}（${t('commission.banned', { until: i.bannedUntil ?? '' })}）` : i.name,
          }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>{t('commission.submit')}</Button>
    </Form>
  );
}

/**
 * The Department commissions one third-party institution per batch for the comprehensive review
 * (M8.1); auditors read the commissions only.
 */
export function CommissionsPage() {
  const { t } = useI18n();
  const { actor } = useSession();
  const canCommission = actor?.role === 'department_officer';
  const [batchId, setBatchId] = useState<string>();
  const [tick, setTick] = useState(0);
  const current = useLoad(
    () => (batchId ? unwrap<Paged<CommissionRowView>>(api.GET('/api/commissions', { params: { query: { batchId } } })) : Promise.resolve(undefined)),
    [batchId, tick],
  );
  const all = usePaged((page, pageSize) => unwrap<Paged<CommissionRowView>>(api.GET('/api/commissions', { params: { query: { page, pageSize } } })), [tick]);
  const commission = current.data?.items[0];
  // Batch names for the list (the batches are few and public).
  const batches = useLoad(() => unwrap<Batch[]>(api.GET('/api/batches')), []);
  const batchName = (id: string) => batches.data?.find((b) => b.id === id)?.name ?? id;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('commission.title')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <label htmlFor="commission-batch">{t('batch.select')}</label>
          <BatchSelect id="commission-batch" value={batchId} onChange={setBatchId} />
          {batchId && (
            <LoadState loading={current.loading} error={current.error} empty={current.data ? false : undefined} onRetry={current.reload}>
              {commission ? (
                <Alert type="success" showIcon title={t('commission.current', { name: commission.institutionName, at: formatBeijing(commission.commissionedAt) })} />
              ) : (
                <>
                  <Alert type="info" showIcon title={t('commission.none')} style={{ marginBottom: 16 }} />
                  {canCommission && <CommissionForm batchId={batchId} onDone={() => setTick((n) => n + 1)} />}
                </>
              )}
            </LoadState>
          )}
        </Space>
      </Card>
      <Card title={t('commission.list')}>
        <LoadState loading={all.loading} error={all.error} empty={all.data ? all.data.total === 0 : undefined} onRetry={all.reload}>
          <Table<CommissionRowView>
            rowKey="id"
            loading={all.loading}
            dataSource={all.data?.items}
            pagination={all.pagination}
            columns={[
              { title: t('commission.institution'), dataIndex: 'institutionName' },
              { title: t('commission.batch'), render: (_, c) => batchName(c.batchId) },
              { title: t('commission.at'), render: (_, c) => formatBeijing(c.commissionedAt) },
            ]}
          />
        </LoadState>
      </Card>
    </Space>
  );
}
