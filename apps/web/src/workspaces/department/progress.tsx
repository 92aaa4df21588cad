import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { $api } from '../../shared/api/query';
import type { PrefectureProgress } from '../../shared/api/views';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchSelect } from '../../shared/ui/batch-select';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import { SummaryDrawer } from './progress-summary-drawer';
import { useBatchParam } from './use-batch-param';

/** A batch's prefectures and where each stands; the summary drawer of one is in the URL (`?prefecture=150200`). */
function BatchProgress({ batchId }: { batchId: string }) {
  const { t } = useI18n();
  const [{ prefecture }, set] = useSearchState({ prefecture: undefined as string | undefined });
  const progress = $api.useQuery('get', '/api/preliminary-review/progress/{batchId}', { params: { path: { batchId } } });
  const viewing = progress.data?.prefectures.find((p) => p.prefectureId === prefecture);
  const columns: ColumnsType<PrefectureProgress> = [
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
          <Space wrap size="small">
            <Tag color="success">{t('progress.summarySubmitted')} {formatBeijing(p.summarySubmittedAt, 'short')}</Tag>
            {p.supplements > 0 && <Tag color="processing">{t('progress.supplements', { count: p.supplements })}</Tag>}
            <Button type="link" size="small" onClick={() => set({ prefecture: p.prefectureId })}>{t('progress.view')}</Button>
          </Space>
        ) : (
          <Tag color={p.late ? 'error' : undefined}>{p.late ? t('progress.late') : t('progress.summaryPending')}</Tag>
        ),
    },
  ];
  return (
    <LoadState {...queryState(progress)} empty={!progress.data?.prefectures.length}>
      <Typography.Text>{t('progress.deadline', { date: progress.data?.prefectureDeadline ?? '' })}</Typography.Text>
      <Table<PrefectureProgress> rowKey="prefectureId" dataSource={progress.data?.prefectures} pagination={false} size="small" columns={columns} />
      {viewing && <SummaryDrawer batchId={batchId} prefecture={viewing} onClose={() => set({ prefecture: undefined })} />}
    </LoadState>
  );
}

/** Every prefecture's preliminary review of a batch (M7.3); the batch is in the URL (`?batch=…`). */
export function ProgressPage() {
  const { t } = useI18n();
  const [batchId, setBatchId] = useBatchParam(['prefecture']);
  return (
    <Card title={t('progress.title')}>
      <Flex vertical gap="small">
        <label htmlFor="progress-batch">{t('batch.select')}</label>
        <BatchSelect id="progress-batch" value={batchId} onChange={setBatchId} />
        {batchId ? <BatchProgress batchId={batchId} /> : <Typography.Text type="secondary">{t('progress.chooseBatch')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
