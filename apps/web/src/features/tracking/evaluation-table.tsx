import { Button, Table } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import { EvaluationTag } from './evaluation-facts';
import type { TrackingEvaluation } from './types';

/** Evaluations as a table; the prefecture column shows when the reader sees more than one. */
export function EvaluationTable({ items, pagination, onOpen, prefectureColumn }: {
  items: TrackingEvaluation[] | undefined;
  pagination: TablePaginationConfig;
  onOpen(id: string): void;
  prefectureColumn?: (e: TrackingEvaluation) => string;
}) {
  const { t } = useI18n();
  return (
    <Table<TrackingEvaluation>
      rowKey="id"
      size="small"
      data-testid="tracking-evaluations"
      dataSource={items}
      scroll={{ x: true }}
      pagination={pagination}
      locale={{ emptyText: t('tracking.empty') }}
      columns={[
        ...(prefectureColumn ? [{ title: t('tracking.prefecture'), render: (_: unknown, e: TrackingEvaluation) => prefectureColumn(e) }] : []),
        { title: t('tracking.year'), dataIndex: 'year' },
        { title: t('tracking.enterprise'), dataIndex: 'enterpriseName' },
        { title: t('tracking.product'), render: (_, e) => `${e.productName} ${e.model}` },
        { title: t('tracking.dueOn'), dataIndex: 'dueOn', responsive: ['md'] },
        { title: t('tracking.status'), render: (_, e) => <EvaluationTag e={e} /> },
        { title: t('common.actions'), render: (_, e) => <Button size="small" onClick={() => onOpen(e.id)}>{t('tracking.view')}</Button> },
      ]}
    />
  );
}
