import { Button, Card, Descriptions, Select, Space, Table, Tag } from 'antd';
import { ReactNode, useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { LoadState } from '../../shared/ui/states';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchSelect } from '../../shared/ui/batch-select';
import { ExpertTags, StageTag } from './review-parts';
import { Paged, ReviewView, isRedacted } from './types';
import { usePaged } from './use-paged';
import { formatBeijing } from '../../shared/ui/beijing-time';

const STATES = ['UNDER_COMPREHENSIVE_REVIEW', 'REVIEWED', 'RECOMMENDED'] as const;
type State = (typeof STATES)[number];

/** One case's experts in full, and the conclusion once reviewed. */
function CaseDetail({ review }: { review: ReviewView }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="expertId"
        size="small"
        pagination={false}
        dataSource={review.assignments ?? []}
        locale={{ emptyText: t('panel.experts.none') }}
        columns={[
          { title: t('panel.experts'), dataIndex: 'expertName' },
          { title: t('application.state'), render: (_, a) => <StageTag assignment={a} /> },
          { title: t('panel.assignedAt'), render: (_, a) => formatBeijing(a.assignedAt) },
          { title: t('panel.acceptedAt'), render: (_, a) => formatBeijing(a.acceptedAt) },
          { title: t('panel.score'), render: (_, a) => (a.score === null ? '—' : a.score) },
          { title: t('panel.opinion'), render: (_, a) => a.opinion ?? '—' },
        ]}
      />
      {review.result?.reviewedAt && (
        <Descriptions size="small" column={2} title={t('panel.result')} bordered>
          <Descriptions.Item label={t('panel.result.score')}>{t('panel.score.value', { score: review.result.score ?? 0 })}</Descriptions.Item>
          <Descriptions.Item label={t('panel.result.reviewedAt')}>{formatBeijing(review.result.reviewedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('panel.opinion')} span={2}>
            <span style={{ whiteSpace: 'pre-line' }}>{review.result.opinion}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  );
}

/**
 * Applications in comprehensive review as the Department, an auditor or the institution sees them,
 * paged on the server, filtered by batch and state; `actions` adds buttons (none for read-only roles).
 */
export function ReviewTable({ title, emptyText, actions, reloadKey = 0 }: {
  title: string;
  emptyText: string;
  actions?: (review: ReviewView, reload: () => void) => ReactNode;
  /** Bump to reload from outside. */
  reloadKey?: number;
}) {
  const { t, tk } = useI18n();
  const [batchId, setBatchId] = useState<string>();
  const [state, setState] = useState<State>();
  const list = usePaged(
    // The search answers an expert's redacted rows too; this table is the institution's and the Department's, who never get one.
    (page, pageSize): Promise<Paged<ReviewView>> =>
      unwrap(api.GET('/api/reviews/search', { params: { query: { batchId, state, page, pageSize } } })).then((p) => ({
        ...p,
        items: p.items.filter((r): r is ReviewView => !isRedacted(r)),
      })),
    [batchId, state, reloadKey],
  );
  const filter = (apply: () => void) => {
    apply();
    list.firstPage();
  };
  return (
    <Card title={title} extra={<Button onClick={list.reload}>{t('common.refresh')}</Button>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="review-batch">{t('batch.select')}</label>
        <BatchSelect id="review-batch" value={batchId} allowClear placeholder={t('panel.batch.all')} onChange={(v) => filter(() => setBatchId(v))} />
        <label htmlFor="review-state">{t('application.state')}</label>
        <Select<State>
          id="review-state"
          aria-label={t('application.state')}
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t('panel.state.all')}
          value={state}
          onChange={(v) => filter(() => setState(v))}
          options={STATES.map((s) => ({ value: s, label: tk('state', s) }))}
        />
      </Space>
      <LoadState loading={list.loading} error={list.error} empty={list.data ? list.data.total === 0 : undefined} emptyText={emptyText} onRetry={list.reload}>
        <Table<ReviewView>
          rowKey="applicationId"
          loading={list.loading}
          dataSource={list.data?.items}
          pagination={list.pagination}
          expandable={{ expandedRowRender: (r) => <CaseDetail review={r} /> }}
          columns={[
            { title: t('application.no'), dataIndex: 'applicationNo', width: 160 },
            { title: t('panel.enterprise'), render: (_, r) => r.enterprise.name },
            { title: t('panel.product'), render: (_, r) => `${r.product.name}（${r.product.model}）` },
            { title: t('application.state'), render: (_, r) => <Tag>{tk('state', r.state, r.stateLabel.zh)}</Tag> },
            { title: t('panel.experts'), render: (_, r) => <ExpertTags assignments={r.assignments ?? []} /> },
            { title: t('panel.result.score'), render: (_, r) => (r.result?.score == null ? '—' : t('panel.score.value', { score: r.result.score })) },
            ...(actions ? [{ title: t('common.actions'), render: (_: unknown, r: ReviewView) => actions(r, list.reload) }] : []),
          ]}
        />
      </LoadState>
    </Card>
  );
}
