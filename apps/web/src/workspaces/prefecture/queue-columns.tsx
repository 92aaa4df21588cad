import type { ProColumns } from '@ant-design/pro-components';
import { Button, Tag } from 'antd';
import { Link } from 'react-router';
import type { QueueRow } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { PRODUCT_KINDS } from '../../shared/ui/product-kinds';
import { EQUIPMENT_FIELDS, fieldName } from '../../features/application-viewer/review-format';
import { formatBeijing } from '../../shared/ui/beijing-time';

export const QUEUE_STATES = ['SUBMITTED', 'RESUBMITTED', 'RETURNED_FOR_CORRECTION', 'REJECTED_AT_PRELIMINARY_REVIEW', 'RECOMMENDED', 'WITHDRAWN'] as const;
export const SORTS = ['longest', 'shortest'] as const;
const DECIDABLE = new Set(['SUBMITTED', 'RESUBMITTED']);

/** The queue's filters, as the search form holds them and the URL keeps them. */
export interface QueueFilters {
  search?: string;
  state?: (typeof QUEUE_STATES)[number];
  productKind?: (typeof PRODUCT_KINDS)[number];
  catalogueEntryCode?: string;
  sort?: (typeof SORTS)[number];
}

/** The queue's columns and its search form's fields (hidden in the table: the keywords, the order). */
export function useQueueColumns(open: (row: QueueRow) => void): ProColumns<QueueRow>[] {
  const { t, tk, locale } = useI18n();
  return [
    { title: t('queue.search'), dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: t('queue.search.placeholder') } },
    {
      title: t('application.no'),
      dataIndex: 'applicationNo',
      search: false,
      render: (_, r) => <Link to={`/prefecture/applications/${r.applicationId}`}>{r.applicationNo}</Link>,
    },
    { title: t('queue.enterprise'), search: false, render: (_, r) => r.enterprise.name },
    { title: t('application.productName'), search: false, render: (_, r) => `${r.product.name}（${r.product.model}）` },
    {
      title: t('application.productKind'),
      dataIndex: 'productKind',
      valueType: 'select',
      valueEnum: Object.fromEntries(PRODUCT_KINDS.map((k) => [k, { text: tk('productKind', k) }])),
      render: (_, r) => tk('productKind', r.product.kind),
    },
    {
      title: t('review.queue.field'),
      dataIndex: 'catalogueEntryCode',
      valueType: 'select',
      fieldProps: { showSearch: true },
      valueEnum: Object.fromEntries(EQUIPMENT_FIELDS.map((f) => [f.code, { text: locale === 'zh-CN' ? f.nameZh : f.nameEn }])),
      render: (_, r) => fieldName(r.product.catalogueEntryCode, locale) ?? '—',
    },
    {
      title: t('queue.state'),
      dataIndex: 'state',
      valueType: 'select',
      valueEnum: Object.fromEntries(QUEUE_STATES.map((s) => [s, { text: tk('state', s) }])),
      render: (_, r) => (
        <>
          <Tag>{tk('state', r.state, r.stateLabel.zh)}</Tag>
          {r.resubmitted && <Tag color="orange">{t('queue.resubmitted')}</Tag>}
        </>
      ),
    },
    { title: t('queue.receivedAt'), search: false, render: (_, r) => formatBeijing(r.receivedAt) },
    {
      title: t('queue.sort'),
      dataIndex: 'sort',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { longest: { text: t('queue.sort.longest') }, shortest: { text: t('queue.sort.shortest') } },
    },
    { title: t('queue.waiting'), search: false, render: (_, r) => t('common.days', { days: r.waitingDays }) },
    {
      title: t('common.actions'),
      search: false,
      render: (_, r) => (
        <>
          <Button type="link" onClick={() => open(r)}>{t('review.queue.open')}</Button>
          {/* A recommendation needs the review first (M7.3, M12.1): the button opens the case. */}
          {DECIDABLE.has(r.state) && <Button type="link" onClick={() => open(r)}>{t('queue.reviewToRecommend')}</Button>}
        </>
      ),
    },
  ];
}
