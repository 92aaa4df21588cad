import { keepPreviousData } from '@tanstack/react-query';
import { App, Button, Form, Select } from 'antd';
import { useState } from 'react';
import type { paths } from '../../shared/api/generated/schema';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { PRODUCT_KINDS } from '../../shared/ui/product-kinds';
import { showRefusalAt } from '../../features/review-panel/refusal';
import { useFieldOptions, useScopeText } from './commission-scope';

/** Refusals about the chosen institution (banned, M10.3; unknown) and about the scope (overlap, M8.1). */
const INSTITUTION_REFUSALS = ['INSTITUTION_BANNED', 'INSTITUTION_WORK_SUSPENDED', 'NOT_FOUND'] as const;

/** Institutions to choose from, searched on the server; banned ones (M10.3) shown but not choosable. */
export function InstitutionSelect({
  id,
  value,
  onChange,
  exclude,
  onPicked,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  exclude?: string;
  /** The chosen institution's name (for the confirmation). */
  onPicked?: (name: string) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const institutions = $api.useQuery('get', '/api/institutions', { params: { query: { search: search || undefined, pageSize: 20 } } }, { placeholderData: keepPreviousData });
  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string) => {
        onChange?.(v);
        onPicked?.(institutions.data?.items.find((i) => i.id === v)?.name ?? '');
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim()) }}
      loading={institutions.isFetching}
      placeholder={t('commission.institution.placeholder')}
      options={(institutions.data?.items ?? [])
        .filter((i) => i.id !== exclude)
        .map((i) => ({
          value: i.id,
          disabled: i.banned,
          label: i.banned ? `${i.name}（${t('commission.banned', { until: i.bannedUntil ?? '' })}）` : i.name,
        }))}
    />
  );
}

type CommissionBody = paths['/api/commissions']['post']['requestBody']['content']['application/json'];

interface Values {
  institutionId: string;
  productKinds?: CommissionBody['productKinds'];
  fieldCodes?: CommissionBody['fieldCodes'];
}

/**
 * The form to commission an institution for the chosen batch and a scope (M8.1): product kinds
 * and/or M4.2 fields, none = the whole batch. Scopes of open commissions may not overlap (the
 * server says with which one); banned institutions cannot be chosen (M10.3).
 */
export function CommissionForm({ batchId }: { batchId: string }) {
  const { t, tk, title, locale } = useI18n();
  const [name, setName] = useState('');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const fieldOptions = useFieldOptions();
  const scopeText = useScopeText();
  const invalidate = useInvalidate();
  // The commission starts the batch's comprehensive reviews in scope: the review lists change with it.
  const commissioning = $api.useMutation('post', '/api/commissions', {
    onSuccess: () => invalidate('/api/commissions', '/api/reviews', '/api/reviews/search', '/api/institutions'),
  });
  const commission = async (v: Values) => {
    try {
      const c = await commissioning.mutateAsync({ body: { batchId, institutionId: v.institutionId, productKinds: v.productKinds ?? [], fieldCodes: v.fieldCodes ?? [] } });
      message.success(t('commission.done', { name: c.institutionName, count: c.startedApplicationIds.length + c.takenUpApplicationIds.length }));
      form.resetFields();
    } catch (err) {
      showRefusalAt(err, [...INSTITUTION_REFUSALS, 'SCOPE_OVERLAP'], 'institutionId', form, title, message);
    }
  };
  const onFinish = (v: Values) => {
    const scope = scopeText({ productKinds: v.productKinds ?? [], fieldCodes: v.fieldCodes ?? [] });
    modal.confirm({
      title: t('commission.confirm.title'),
      content: t('commissions.confirm', { name, scope: locale === 'en' ? ` (${scope})` : `（${scope}）` }),
      okText: t('commission.submit'),
      cancelText: t('common.cancel'),
      onOk: () => commission(v),
    });
  };
  return (
    <Form form={form} name="commission" layout="vertical" onFinish={onFinish} style={{ maxWidth: 640 }}>
      <Form.Item name="institutionId" label={t('commission.institution')} rules={[{ required: true, message: t('common.required', { label: t('commission.institution') }) }]}>
        <InstitutionSelect onPicked={setName} />
      </Form.Item>
      <Form.Item name="productKinds" label={t('scope.productKinds')} extra={t('scope.productKinds.hint')}>
        <Select mode="multiple" allowClear options={PRODUCT_KINDS.map((k) => ({ value: k, label: tk('productKind', k) }))} />
      </Form.Item>
      <Form.Item name="fieldCodes" label={t('scope.fieldCodes')} extra={t('scope.fieldCodes.hint')}>
        <Select mode="multiple" allowClear optionFilterProp="label" options={fieldOptions} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={commissioning.isPending}>{t('commission.submit')}</Button>
    </Form>
  );
}
