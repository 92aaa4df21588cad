import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { $api } from '../../../shared/api/query';
import { useSearchState } from '../../../shared/hooks/use-search-state';
import { useUrlPagination } from '../../../shared/hooks/url-pagination';
import { useI18n } from '../../../shared/i18n/i18n';
import { beijingToday } from '../../../shared/ui/beijing-time';
import { isUuid } from '../../../shared/ui/ids';
import { LoadState, queryState } from '../../../shared/ui/states';
import { EvaluationDrawer } from '../../../features/tracking/evaluation-drawer';
import { EvaluationTable } from '../../../features/tracking/evaluation-table';
import { TRACKING_STATUSES, trackingYears, type TrackableRecognition, type TrackingEvaluation } from '../../../features/tracking/types';
import { ConcludeForm } from './conclude-form';
import { RequestDialog } from './request-dialog';

/**
 * The prefecture's tracking evaluation (跟踪评价, M12.2; ADR 0026): the valid recognized products of
 * its area with the year's evaluation, a request to each enterprise with a due date, and the
 * evaluations with their reports, concluded in the drawer. The year, filters, pages and the open
 * evaluation are in the URL.
 */
export function PrefectureTrackingPage() {
  const { t, tk } = useI18n();
  const [search, setSearch] = useSearchState({ year: beijingToday().year(), status: '', page: 1, pageSize: 20, rpage: 1, evaluation: '' });
  const [requesting, setRequesting] = useState<TrackableRecognition | null>(null);
  const products = $api.useQuery('get', '/api/tracking-evaluations/recognitions', { params: { query: { year: search.year, page: search.rpage, pageSize: 20 } } }, { placeholderData: keepPreviousData });
  const query = { year: search.year, page: search.page, pageSize: search.pageSize, ...(search.status ? { status: search.status as TrackingEvaluation['status'] } : {}) };
  const evaluations = $api.useQuery('get', '/api/tracking-evaluations', { params: { query } }, { placeholderData: keepPreviousData });
  const pagination = useUrlPagination(search, evaluations.data?.total, setSearch);
  const open = (evaluation: string) => setSearch({ evaluation });
  return (
    <Flex vertical gap="middle">
      <Card
        title={t('tracking.prefecture.title')}
        extra={
          <Select aria-label={t('tracking.year')} style={{ width: 120 }} value={search.year} onChange={(year) => setSearch({ year, page: 1, rpage: 1 })}
            options={trackingYears().map((y) => ({ value: y, label: String(y) }))} />
        }
      >
        <Typography.Paragraph type="secondary">{t('tracking.prefecture.intro')}</Typography.Paragraph>
        <LoadState {...queryState(products)}>
          <Table<TrackableRecognition>
            rowKey="recognitionId"
            size="small"
            data-testid="trackable-products"
            dataSource={products.data?.items}
            scroll={{ x: true }}
            locale={{ emptyText: t('tracking.products.empty') }}
            pagination={{ current: search.rpage, pageSize: 20, total: products.data?.total, hideOnSinglePage: true, onChange: (rpage) => setSearch({ rpage }) }}
            columns={[
              { title: t('tracking.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('tracking.product'), render: (_, r) => `${r.productName} ${r.model}` },
              { title: t('tracking.documentNo'), dataIndex: 'documentNo', responsive: ['lg'] },
              { title: t('tracking.validUntil'), dataIndex: 'validUntil', responsive: ['md'] },
              { title: t('tracking.status'), render: (_, r) => (r.evaluation ? tk('tracking.status', r.evaluation.status) : t('tracking.notStarted')) },
              { title: t('tracking.dueOn'), render: (_, r) => r.evaluation?.dueOn ?? '—' },
              {
                title: t('common.actions'),
                render: (_, r) =>
                  r.evaluation ? (
                    <Button size="small" onClick={() => open(r.evaluation!.id)}>{t('tracking.view')}</Button>
                  ) : (
                    <Button size="small" type="primary" onClick={() => setRequesting(r)}>{t('tracking.request')}</Button>
                  ),
              },
            ]}
          />
        </LoadState>
      </Card>
      <Card
        title={t('tracking.records.title')}
        extra={
          <Select aria-label={t('tracking.status')} style={{ minWidth: 140 }} value={search.status} onChange={(status) => setSearch({ status, page: 1 })}
            options={[{ value: '', label: t('tracking.all.statuses') }, ...TRACKING_STATUSES.map((s) => ({ value: s, label: tk('tracking.status', s) }))]} />
        }
      >
        <LoadState {...queryState(evaluations)}>
          <EvaluationTable items={evaluations.data?.items} pagination={pagination} onOpen={open} />
        </LoadState>
      </Card>
      {requesting && <RequestDialog r={requesting} year={search.year} onClose={() => setRequesting(null)} />}
      {isUuid(search.evaluation) && <EvaluationDrawer id={search.evaluation} onClose={() => setSearch({ evaluation: '' })} actions={(e) => e.status !== 'concluded' && <ConcludeForm e={e} />} />}
    </Flex>
  );
}
