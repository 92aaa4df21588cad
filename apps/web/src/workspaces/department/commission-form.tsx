import { keepPreviousData } from '@tanstack/react-query';
import { App, Button, Form, Select } from 'antd';
import { useState } from 'react';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showRefusalAt } from '../../features/review-panel/refusal';

/** Refusals about the chosen institution (banned, M10.3; or the batch already has one, M8.1). */
const INSTITUTION_REFUSALS = ['INSTITUTION_BANNED', 'COMMISSION_EXISTS', 'NOT_FOUND'] as const;

/** The form to commission an institution for the chosen batch; banned institutions cannot be chosen. */
export function CommissionForm({ batchId }: { batchId: string }) {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ institutionId: string }>();
  const [search, setSearch] = useState('');
  const institutions = $api.useQuery('get', '/api/institutions', { params: { query: { search: search || undefined, pageSize: 20 } } }, { placeholderData: keepPreviousData });
  const invalidate = useInvalidate();
  // The commission starts the batch's comprehensive reviews: the review lists change with it.
  const commissioning = $api.useMutation('post', '/api/commissions', { onSuccess: () => invalidate('/api/commissions', '/api/reviews', '/api/reviews/search') });
  const commission = async (institutionId: string) => {
    try {
      const c = await commissioning.mutateAsync({ body: { batchId, institutionId } });
      message.success(t('commission.done', { name: c.institutionName, count: c.startedApplicationIds.length }));
    } catch (err) {
      showRefusalAt(err, INSTITUTION_REFUSALS, 'institutionId', form, title, message);
    }
  };
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
  return (
    <Form form={form} name="commission" layout="vertical" onFinish={onFinish} style={{ maxWidth: 560 }}>
      <Form.Item name="institutionId" label={t('commission.institution')} rules={[{ required: true, message: t('common.required', { label: t('commission.institution') }) }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim()) }}
          loading={institutions.isFetching}
          placeholder={t('commission.institution.placeholder')}
          options={(institutions.data?.items ?? []).map((i) => ({
            value: i.id,
            disabled: i.banned,
            label: i.banned ? `${i.name}（${t('commission.banned', { until: i.bannedUntil ?? '' })}）` : i.name,
          }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={commissioning.isPending}>{t('commission.submit')}</Button>
    </Form>
  );
}
