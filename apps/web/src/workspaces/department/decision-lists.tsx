import { Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { LoadState } from '../../shared/ui/states';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchSelect } from '../../shared/ui/batch-select';
import { DecisionListDetailView } from '../../features/review-panel/types';

/**
 * A batch's decision lists with their publicity and recognition document (M9.1–M9.3), read only.
 * Publicity returns a batch's lists whole (a handful a year), so this one table pages in the browser.
 */
export function DecisionListsPage() {
  const { t, tk } = useI18n();
  const [batchId, setBatchId] = useState<string>();
  const lists = useLoad(
    () => (batchId ? unwrap<DecisionListDetailView[]>(api.GET('/api/decision-lists', { params: { query: { batchId } } })) : Promise.resolve(undefined)),
    [batchId],
  );
  return (
    <Card title={t('decision.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <label htmlFor="decision-batch">{t('batch.select')}</label>
        <BatchSelect id="decision-batch" value={batchId} onChange={setBatchId} />
        {batchId && (
          <LoadState loading={lists.loading} error={lists.error} empty={lists.data ? lists.data.length === 0 : undefined} emptyText={t('decision.empty')} onRetry={lists.reload}>
            <Table<DecisionListDetailView>
              rowKey="id"
              dataSource={lists.data}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('decision.decidedOn'), dataIndex: 'decidedOn' },
                { title: t('decision.status'), render: (_, l) => <Tag>{tk('decision.status', l.status)}</Tag> },
                { title: t('decision.count'), render: (_, l) => l.applicationIds.length },
                {
                  title: t('decision.publicity'),
                  render: (_, l) =>
                    l.publicity
                      ? t('decision.publicity.period', { start: l.publicity.startDate, end: l.publicity.endDate, days: l.publicity.workingDays })
                      : <Typography.Text type="secondary">{t('decision.publicity.none')}</Typography.Text>,
                },
                {
                  title: t('decision.document'),
                  render: (_, l) => (l.document ? `${l.document.documentNo}（${l.document.documentDate}）` : <Typography.Text type="secondary">{t('decision.document.none')}</Typography.Text>),
                },
              ]}
            />
          </LoadState>
        )}
      </Space>
    </Card>
  );
}
