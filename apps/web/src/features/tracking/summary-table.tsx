import { Button, Table, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { prefectureName } from '../../shared/ui/prefectures';
import { LoadState, queryState } from '../../shared/ui/states';
import type { components } from '../../shared/api/generated/schema';

type Row = components['schemas']['TrackingSummaryRowV1'];

/**
 * The year's tracking evaluation by prefecture (M12.2): valid products, where the evaluations stand
 * and what they found, with the region's totals; a prefecture's name narrows the list below to it.
 */
export function TrackingSummaryTable({ year, onPrefecture }: { year: number | undefined; onPrefecture(id: string): void }) {
  const { t, tk, locale } = useI18n();
  const summary = $api.useQuery('get', '/api/tracking-evaluations/summary', { params: { query: year ? { year } : {} } });
  const count = (n: number) => (n === 0 ? <Typography.Text type="secondary">0</Typography.Text> : n);
  const numbers = (['validProducts', 'requested', 'reported', 'concluded', 'overdue'] as const).map((k) => ({
    title: t(`tracking.summary.${k}`),
    align: 'right' as const,
    render: (_: unknown, r: Row) => count(r[k]),
  }));
  const findings = (['good', 'issuesFound', 'seriousProblem'] as const).map((k) => ({
    title: tk('tracking.conclusion', { good: 'good', issuesFound: 'issues_found', seriousProblem: 'serious_problem' }[k]),
    align: 'right' as const,
    render: (_: unknown, r: Row) => (k === 'seriousProblem' && r[k] > 0 ? <Typography.Text type="danger" strong>{r[k]}</Typography.Text> : count(r[k])),
  }));
  return (
    <LoadState {...queryState(summary)}>
      {summary.data && (
        <Table<Row>
          rowKey="prefectureId"
          size="small"
          data-testid="tracking-summary"
          title={() => <Typography.Text strong>{t('tracking.summary.title', { year: summary.data.year })}</Typography.Text>}
          dataSource={summary.data.rows}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('tracking.prefecture'), render: (_, r) => <Button type="link" size="small" onClick={() => onPrefecture(r.prefectureId)}>{prefectureName(r.prefectureId, locale)}</Button> },
            ...numbers,
            ...findings,
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('tracking.summary.total')}</Typography.Text>
              </Table.Summary.Cell>
              {(['validProducts', 'requested', 'reported', 'concluded', 'overdue', 'good', 'issuesFound', 'seriousProblem'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 1} align="right">
                  <Typography.Text strong>{summary.data.total[k]}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
        />
      )}
    </LoadState>
  );
}
