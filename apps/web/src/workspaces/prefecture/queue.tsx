import { ActionType, ProColumns, ProTable } from '@ant-design/pro-components';
import { App, Button, Tag } from 'antd';
import { useRef } from 'react';
import { api, unwrap } from '../../shared/api/client';
import type { QueryOf, QueueRow, QueueSearchPage } from '../../shared/api/views';
import { showProblem } from '../../shared/ui/problem-form';
import { useI18n } from '../../shared/i18n/i18n';
import { useNavigate } from 'react-router';
import { PRODUCT_KINDS } from '../enterprise/applications';
import { EQUIPMENT_FIELDS, fieldName } from '../../features/application-viewer/review-format';
import { formatBeijing } from '../../shared/ui/beijing-time';

const QUEUE_STATES = ['SUBMITTED', 'RESUBMITTED', 'RETURNED_FOR_CORRECTION', 'REJECTED_AT_PRELIMINARY_REVIEW', 'RECOMMENDED', 'WITHDRAWN'] as const;
const DECIDABLE = new Set(['SUBMITTED', 'RESUBMITTED']);

type Filters = { search?: string; state?: (typeof QUEUE_STATES)[number]; productKind?: (typeof PRODUCT_KINDS)[number]; catalogueEntryCode?: string; sort?: 'longest' | 'shortest' };

/** The prefecture queue: filters, search, paging and order on the server. */
export function QueuePage() {
  const { t, tk, title, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const open = (r: QueueRow) => navigate(`/prefecture/applications/${r.applicationId}`);
  const action = useRef<ActionType>(undefined);
  const columns: ProColumns<QueueRow>[] = [
    { title: t('queue.search'), dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: t('queue.search.placeholder') } },
    {
      title: t('application.no'),
      dataIndex: 'applicationNo',
      search: false,
      render: (_, r) => (
        <a href={`/prefecture/applications/${r.applicationId}`} onClick={(e) => { e.preventDefault(); open(r); }}>
          {r.applicationNo}
        </a>
      ),
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
      // The search route's rows carry the field (review-case-view.ts) though QueueRow does not name it yet.
      render: (_, r) => fieldName((r.product as { catalogueEntryCode?: string | null }).catalogueEntryCode, locale) ?? '—',
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
  return (
    <>
      <ProTable<QueueRow, Filters>
        headerTitle={t('queue.title')}
        rowKey="applicationId"
        actionRef={action}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto', searchText: t('common.search'), resetText: t('common.reset') }}
        options={{ reload: true, density: false, setting: false }}
        locale={{ emptyText: t('queue.empty') }}
        request={async (params) => {
          try {
            const query: QueryOf<'/api/preliminary-review/queue/search'> = {
              page: params.current,
              pageSize: params.pageSize,
              search: params.search?.trim() || undefined,
              state: params.state,
              productKind: params.productKind,
              catalogueEntryCode: params.catalogueEntryCode,
              sort: params.sort,
            };
            const page = await unwrap<QueueSearchPage>(api.GET('/api/preliminary-review/queue/search', { params: { query } }));
            return { data: page.items, total: page.total, success: true };
          } catch (err) {
            showProblem(err, title, message);
            return { data: [], total: 0, success: false };
          }
        }}
      />
    </>
  );
}
