import { Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { PrefectureProgress, ProgressView } from '../api/views';
import { LoadState } from '../components/states';
import { useLoad } from '../components/use-load';
import { useI18n } from '../i18n/i18n';
import { BatchSelect } from './batch-select';

/** Every prefecture's preliminary review of a batch (M7.3). */
export function ProgressPage() {
  const { t } = useI18n();
  const [batchId, setBatchId] = useState<string>();
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
                      <Tag color="green">{t('progress.summarySubmitted')} {dayjs(p.summarySubmittedAt).format('MM-DD HH:mm')}</Tag>
                    ) : (
                      <Tag color={p.late ? 'red' : undefined}>{p.late ? t('progress.late') : t('progress.summaryPending')}</Tag>
                    ),
                },
              ]}
            />
          </LoadState>
        )}
      </Space>
    </Card>
  );
}
