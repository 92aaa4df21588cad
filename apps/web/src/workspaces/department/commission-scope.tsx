import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { EQUIPMENT_FIELDS_CATALOGUE } from '@firstset/domain';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import type { CommissionRowView } from '../../features/review-panel/types';

/** The M4.2 equipment fields, as the scope form offers them. */
export function useFieldOptions(): Array<{ value: string; label: string }> {
  const { locale } = useI18n();
  return EQUIPMENT_FIELDS_CATALOGUE.entries.map((e) => ({ value: e.code, label: `${e.code.replace(/^EF/, '')} ${locale === 'en' ? e.nameEn : e.nameZh}` }));
}

/** A commission's scope in words: the whole batch, or its kinds and fields (M8.1). */
export function useScopeText(): (scope: { productKinds: string[]; fieldCodes: string[] }) => string {
  const { t, tk, locale } = useI18n();
  const field = (code: string) => {
    const e = EQUIPMENT_FIELDS_CATALOGUE.entries.find((x) => x.code === code);
    return e ? (locale === 'en' ? e.nameEn : e.nameZh) : code;
  };
  return ({ productKinds, fieldCodes }) => {
    if (productKinds.length === 0 && fieldCodes.length === 0) return t('scope.whole');
    const sep = locale === 'en' ? ', ' : '、';
    const parts: string[] = [];
    if (productKinds.length) parts.push(t('scope.kinds', { kinds: productKinds.map((k) => tk('productKind', k)).join(sep) }));
    if (fieldCodes.length) parts.push(t('scope.fields', { fields: fieldCodes.map(field).join(sep) }));
    return parts.join(locale === 'en' ? '; ' : '；');
  };
}

/**
 * Commissions with their scope, state, the cases they hold and, once ended, when, why and by
 * which commission they were replaced (M8.1): the history stays visible.
 */
export function CommissionTable({
  rows,
  loading,
  showBatch,
  batchName,
  showInstitution = true,
  action,
  pagination = false,
}: {
  rows: CommissionRowView[];
  loading?: boolean;
  showBatch?: boolean;
  batchName?: (id: string) => string;
  showInstitution?: boolean;
  action?: (c: CommissionRowView) => ReactNode;
  pagination?: false | object;
}) {
  const { t } = useI18n();
  const scopeText = useScopeText();
  const nameOf = (id: string | null) => rows.find((r) => r.id === id)?.institutionName ?? '';
  const columns: ColumnsType<CommissionRowView> = [
    ...(showInstitution ? [{ title: t('commission.institution'), dataIndex: 'institutionName' }] : []),
    ...(showBatch ? [{ title: t('commission.batch'), render: (_: unknown, c: CommissionRowView) => batchName?.(c.batchId) ?? c.batchId }] : []),
    { title: t('scope.label'), render: (_, c) => scopeText(c) },
    {
      title: t('commissions.state'),
      render: (_, c) => (c.state === 'open' ? <Tag color="success">{t('commissions.state.open')}</Tag> : <Tag>{t('commissions.state.ended')}</Tag>),
    },
    { title: t('commissions.casesHeld'), dataIndex: 'casesHeld', align: 'right' },
    { title: t('commission.at'), render: (_, c) => formatBeijing(c.commissionedAt) },
    {
      title: t('commissions.endReason'),
      render: (_, c) =>
        c.endedAt ? (
          <Typography.Text>
            {formatBeijing(c.endedAt)} {c.endReason}
            {c.replacedById && nameOf(c.replacedById) ? ` → ${t('commissions.replacedBy')}：${nameOf(c.replacedById)}` : ''}
          </Typography.Text>
        ) : null,
    },
  ];
  if (action) columns.push({ title: t('commissions.actions'), render: (_, c) => action(c) });
  return <Table<CommissionRowView> rowKey="id" size="small" loading={loading} dataSource={rows} columns={columns} pagination={pagination} />;
}
