import { Button, Card, Drawer, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import type { PrefectureProgress, ProgressView, SummaryView } from '../../shared/api/views';
import { LoadState } from '../../shared/ui/states';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchSelect } from '../../shared/ui/batch-select';
import { useSummaryExport } from '../prefecture/summary';
import { formatBeijing } from '../../shared/ui/beijing-time';

/** The Department's view of one prefecture's summary and its supplements (补报, M7.3), each with its entries and letter. */
function SummaryDrawer({ batchId, prefecture, onClose }: { batchId: string; prefecture: PrefectureProgress; onClose(): void }) {
  const { t } = useI18n();
  const { download, exporting } = useSummaryExport();
  const { prefectureId } = prefecture;
  const loaded = useLoad(
    () => unwrap<SummaryView>(api.GET('/api/preliminary-review/summaries/{batchId}', { params: { path: { batchId }, query: { prefectureId } } })),
    [batchId, prefectureId],
  );
  const s = loaded.data;
  const parts = s && s.status === 'SUBMITTED'
    ? [{ sequence: 0, submittedAt: s.submittedAt, entries: s.entries }, ...s.supplements.map((x) => ({ sequence: x.sequence, submittedAt: x.submittedAt, entries: x.entries }))]
    : [];
  return (
    <Drawer open size={720} title={t('progress.summary.title', { name: prefecture.prefectureName })} onClose={onClose} destroyOnHidden>
      <LoadState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload}>
        {!parts.length && <Typography.Text type="secondary">{t('progress.summary.notSent')}</Typography.Text>}
        {parts.map((p) => (
          <section key={p.sequence} data-testid={`summary-part-${p.sequence}`} style={{ marginBottom: 24 }}>
            <Space wrap>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {p.sequence === 0 ? t('progress.summary.original', { at: formatBeijing(p.submittedAt) }) : t('progress.summary.supplement', { n: p.sequence, at: formatBeijing(p.submittedAt) })}
              </Typography.Title>
              <Button size="small" loading={exporting === `letter.pdf-${p.sequence}`} onClick={() => void download(batchId, 'letter.pdf', p.sequence, prefectureId)}>
                {t('progress.summary.letter')}
              </Button>
            </Space>
            <List
              size="small"
              dataSource={p.entries}
              renderItem={(e) => (
                <List.Item key={e.applicationId}>
                  {e.order}. {e.enterprise.name}（{e.product.name} {e.product.model}）：{e.opinion}
                </List.Item>
              )}
            />
          </section>
        ))}
      </LoadState>
    </Drawer>
  );
}

/** Every prefecture's preliminary review of a batch (M7.3). */
export function ProgressPage() {
  const { t } = useI18n();
  const [batchId, setBatchId] = useState<string>();
  const [viewing, setViewing] = useState<PrefectureProgress | null>(null);
  const progress = useLoad(
    () => (batchId ? unwrap<ProgressView>(api.GET('/api/preliminary-review/progress/{batchId}', { params: { path: { batchId } } })) : Promise.resolve(undefined)),
    [batchId],
  );
  return (
    <Card title={t('progress.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <label htmlFor="progress-batch">{t('batch.select')}</label>
        <BatchSelect id="progress-batch" value={batchId} onChange={setBatchId} />
        {!batchId ? (
          <Typography.Text type="secondary">{t('progress.chooseBatch')}</Typography.Text>
        ) : (
          <LoadState loading={progress.loading} error={progress.error} empty={!progress.data?.prefectures.length} onRetry={progress.reload}>
            <Typography.Text>{t('progress.deadline', { date: progress.data?.prefectureDeadline ?? '' })}</Typography.Text>
            <Table<PrefectureProgress>
              rowKey="prefectureId"
              dataSource={progress.data?.prefectures}
              pagination={false}
              size="small"
              columns={[
                { title: t('progress.prefecture'), dataIndex: 'prefectureName' },
                { title: t('progress.received'), dataIndex: 'received' },
                { title: t('progress.inReview'), dataIndex: 'inReview' },
                { title: t('progress.returned'), dataIndex: 'returned' },
                { title: t('progress.rejected'), dataIndex: 'rejected' },
                { title: t('progress.recommended'), dataIndex: 'recommended' },
                { title: t('progress.withdrawn'), dataIndex: 'withdrawn' },
                {
                  title: t('progress.summary'),
                  render: (_, p) =>
                    p.summarySubmittedAt ? (
                      <Space wrap size={4}>
                        <Tag color="green">{t('progress.summarySubmitted')} {formatBeijing(p.summarySubmittedAt, 'short')}</Tag>
                        {p.supplements > 0 && <Tag color="blue">{t('progress.supplements', { count: p.supplements })}</Tag>}
                        <Button type="link" size="small" onClick={() => setViewing(p)}>{t('progress.view')}</Button>
                      </Space>
                    ) : (
                      <Tag color={p.late ? 'red' : undefined}>{p.late ? t('progress.late') : t('progress.summaryPending')}</Tag>
                    ),
                },
              ]}
            />
          </LoadState>
        )}
      </Space>
      {viewing && batchId && <SummaryDrawer batchId={batchId} prefecture={viewing} onClose={() => setViewing(null)} />}
    </Card>
  );
}
