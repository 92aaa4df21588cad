import { Card, Flex, Table, Tag, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchSelect } from '../../shared/ui/batch-select';
import { LoadState, queryState } from '../../shared/ui/states';
import type { DecisionListSummary } from '../../features/review-panel/types';
import { urlPagination } from '../../shared/hooks/url-pagination';
import { CandidateReports, DeliveredBatchReports } from './candidate-reports';
import { useBatchParam } from './use-batch-param';

/** A batch's decision lists, paged in the browser with the page in the URL. */
function BatchDecisionLists({ batchId }: { batchId: string }) {
  const { t, tk } = useI18n();
  const [paging, setPaging] = useSearchState({ page: 1, pageSize: 20 });
  const lists = $api.useQuery('get', '/api/decision-lists', { params: { query: { batchId } } });
  return (
    <LoadState {...queryState(lists)} empty={lists.data ? lists.data.length === 0 : undefined} emptyText={t('decision.empty')}>
      <Table<DecisionListSummary>
        rowKey="id"
        dataSource={lists.data}
        pagination={urlPagination(paging, setPaging, { hideOnSinglePage: true })}
        columns={[
          { title: t('decision.decidedOn'), dataIndex: 'decidedOn' },
          { title: t('decision.status'), render: (_, l) => <Tag>{tk('decision.status', l.status)}</Tag> },
          { title: t('decision.count'), render: (_, l) => l.entryCount },
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
  );
}

/**
 * A batch's decision lists with their publicity and recognition document (M9.1–M9.3), read only;
 * its candidates with the institution's signed review report, and the delivered batch reports.
 * Publicity returns a batch's lists whole (a handful a year), so this one table pages in the browser.
 * The batch and the page are in the URL (`?batch=…&page=…`).
 */
export function DecisionListsPage() {
  const { t } = useI18n();
  const [batchId, setBatchId] = useBatchParam();
  return (
    <Card title={t('decision.title')}>
      <Flex vertical gap="small">
        <label htmlFor="decision-batch">{t('batch.select')}</label>
        <BatchSelect id="decision-batch" value={batchId} onChange={setBatchId} />
        {batchId && <BatchDecisionLists batchId={batchId} />}
        {batchId && <CandidateReports batchId={batchId} />}
        {batchId && <DeliveredBatchReports batchId={batchId} />}
      </Flex>
    </Card>
  );
}
