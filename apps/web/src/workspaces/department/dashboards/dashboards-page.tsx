import { DownloadOutlined } from '@ant-design/icons';
import { Bar, Column } from '@ant-design/plots';
import { App, Button, Card, Col, DatePicker, Flex, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { DEFAULT_RECOMMENDING_BODIES, INNER_MONGOLIA_MATERIALS } from '@firstset/domain';
import { api, unwrap } from '../../../shared/api/client';
import { $api } from '../../../shared/api/query';
import type { components } from '../../../shared/api/generated/schema';
import { useSearchState } from '../../../shared/hooks/use-search-state';
import { useI18n } from '../../../shared/i18n/i18n';
import type { MessageKey } from '../../../shared/i18n/zh-CN';
import { prefectureName } from '../../../shared/ui/prefectures';
import { showProblem } from '../../../shared/ui/problem-form';
import { saveBlob } from '../../../shared/ui/save-file';
import { LoadState, queryState } from '../../../shared/ui/states';
import { measureLabel } from '../../../features/compliance/types';

type Dashboard = components['schemas']['DashboardV1'];
type Chart = 'states' | 'stages' | 'deadlines' | 'returns' | 'objections' | 'sanctions' | 'prefectures';
type Filters = { batchId?: string; prefectureId?: string; from?: string; to?: string };

/** A returned item's name: the material slot's (M7.4) when it is one, otherwise the field as sent. */
function itemName(item: string, locale: string): string {
  const slot = INNER_MONGOLIA_MATERIALS.find((m) => m.slotId === item);
  if (!slot) return item;
  const name = locale === 'en' ? slot.nameEn : slot.nameZh;
  // A long slot name quotes its sources in parentheses (the credit report): the axis shows the name alone.
  return name.length > 20 ? name.replace(/（.*$|\s\(.*$/, '') : name;
}

/** One chart with the numbers it draws beneath it, and their download (CSV or Excel). */
function ChartCard<T extends object>({ chart, title, note, filters, plot, columns, rows, rowKey }: {
  chart: Chart;
  title: string;
  note?: string;
  filters: Filters;
  plot: ReactNode;
  columns: ColumnsType<T>;
  rows: T[];
  rowKey: keyof T & string;
}) {
  const { t, title: localTitle } = useI18n();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState<string | null>(null);
  const download = async (format: 'csv' | 'xlsx') => {
    setDownloading(format);
    try {
      const blob = await unwrap<Blob>(api.GET('/api/dashboards/export', { params: { query: { ...filters, chart, format } }, parseAs: 'blob' }));
      saveBlob(blob, `${t('dashboards.title')}-${title}.${format}`);
    } catch (err) {
      showProblem(err, localTitle, message);
    } finally {
      setDownloading(null);
    }
  };
  return (
    <Card
      title={title}
      data-testid={`chart-${chart}`}
      extra={
        <Space>
          <Button size="small" icon={<DownloadOutlined />} loading={downloading === 'csv'} onClick={() => void download('csv')} aria-label={`${t('dashboards.downloadCsv')}：${title}`}>
            {t('dashboards.downloadCsv')}
          </Button>
          <Button size="small" loading={downloading === 'xlsx'} onClick={() => void download('xlsx')} aria-label={`${t('dashboards.downloadXlsx')}：${title}`}>
            {t('dashboards.downloadXlsx')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap="small">
        {note && <Typography.Text type="secondary">{note}</Typography.Text>}
        {rows.length > 0 ? (
          <div role="img" aria-label={t('dashboards.chartOf', { title })} style={{ height: 260 }}>
            {plot}
          </div>
        ) : (
          <Typography.Text type="secondary">{t('dashboards.noData')}</Typography.Text>
        )}
        <Table<T> size="small" rowKey={rowKey} columns={columns} dataSource={rows} pagination={false} scroll={{ x: true }} data-testid={`numbers-${chart}`} />
      </Flex>
    </Card>
  );
}

const num = (v: number | null) => (v === null ? '—' : v);

/**
 * 统计分析 (issue 20, ADR 0029): the Department's dashboards, read-only for the auditor. Filters
 * in the URL; every chart with its numbers in a table and as a download.
 */
export function DashboardsPage() {
  const { t, tk, locale } = useI18n();
  const [search, setSearch] = useSearchState({ batch: '', prefecture: '', from: '', to: '' });
  const filters: Filters = {
    ...(search.batch ? { batchId: search.batch } : {}),
    ...(search.prefecture ? { prefectureId: search.prefecture } : {}),
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
  };
  const dashboard = $api.useQuery('get', '/api/dashboards', { params: { query: filters } });
  const d: Dashboard | undefined = dashboard.data;
  const stageName = (s: string) => tk('dashboards.stage', s);
  const sharedPlot = { height: 260, autoFit: true, axis: { x: { title: false }, y: { title: false } } };

  return (
    <Card title={t('dashboards.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{t('dashboards.intro')}</Typography.Paragraph>
        <Flex gap="small" wrap align="center">
          <Select
            aria-label={t('dashboards.filter.batch')}
            style={{ minWidth: 240 }}
            value={search.batch}
            onChange={(batch) => setSearch({ batch })}
            options={[{ value: '', label: t('dashboards.filter.allBatches') }, ...(d?.batches ?? []).map((b) => ({ value: b.batchId, label: b.name }))]}
          />
          <Select
            aria-label={t('dashboards.filter.prefecture')}
            style={{ minWidth: 180 }}
            value={search.prefecture}
            onChange={(prefecture) => setSearch({ prefecture })}
            options={[{ value: '', label: t('dashboards.filter.allPrefectures') }, ...DEFAULT_RECOMMENDING_BODIES.map((p) => ({ value: p.id, label: prefectureName(p.id, locale) }))]}
          />
          <Typography.Text>{t('dashboards.filter.period')}</Typography.Text>
          <DatePicker aria-label={t('dashboards.filter.from')} placeholder={t('dashboards.filter.from')} value={search.from ? dayjs(search.from) : null}
            onChange={(v) => setSearch({ from: v ? v.format('YYYY-MM-DD') : '' })} />
          <DatePicker aria-label={t('dashboards.filter.to')} placeholder={t('dashboards.filter.to')} value={search.to ? dayjs(search.to) : null}
            onChange={(v) => setSearch({ to: v ? v.format('YYYY-MM-DD') : '' })} />
          <Button onClick={() => setSearch({ batch: '', prefecture: '', from: '', to: '' })}>{t('dashboards.filter.reset')}</Button>
        </Flex>
        <LoadState {...queryState(dashboard)}>
          {d && (
            <Flex vertical gap="middle">
              <Typography.Text type="secondary">{t('dashboards.asOf', { date: d.asOf })}</Typography.Text>
              <Row gutter={[16, 16]}>
                <Col xs={12} md={6}><Statistic title={t('dashboards.applications')} value={d.applications} /></Col>
                <Col xs={12} md={6}><Statistic title={t('dashboards.returnedApplications')} value={d.returns.applications} /></Col>
                <Col xs={12} md={6}><Statistic title={t('dashboards.objectionsTotal')} value={d.objections.reduce((s, o) => s + o.count, 0)} /></Col>
                <Col xs={12} md={6}><Statistic title={t('dashboards.sanctionsTotal')} value={d.sanctions.reduce((s, o) => s + o.count, 0)} /></Col>
              </Row>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <ChartCard chart="states" title={t('dashboards.chart.states')} filters={filters} rowKey="state"
                    rows={d.states}
                    plot={<Column {...sharedPlot} data={d.states.map((s) => ({ label: tk('state', s.state), count: s.count }))} xField="label" yField="count" />}
                    columns={[
                      { title: t('dashboards.state'), dataIndex: 'state', render: (s: string) => tk('state', s) },
                      { title: t('dashboards.count'), dataIndex: 'count', align: 'right' },
                    ]} />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard chart="stages" title={t('dashboards.chart.stages')} note={t('dashboards.chart.stagesNote')} filters={filters} rowKey="stage"
                    rows={d.stages}
                    plot={
                      <Column {...sharedPlot}
                        data={d.stages.flatMap((s) => [
                          { stage: stageName(s.stage), measure: t('dashboards.median'), days: s.medianDays ?? 0 },
                          { stage: stageName(s.stage), measure: t('dashboards.p90'), days: s.p90Days ?? 0 },
                        ])}
                        xField="stage" yField="days" colorField="measure" group />
                    }
                    columns={[
                      { title: t('dashboards.stage'), dataIndex: 'stage', render: stageName },
                      { title: t('dashboards.completed'), dataIndex: 'completed', align: 'right' },
                      { title: t('dashboards.inStage'), dataIndex: 'inStage', align: 'right' },
                      { title: t('dashboards.median'), dataIndex: 'medianDays', align: 'right', render: num },
                      { title: t('dashboards.p90'), dataIndex: 'p90Days', align: 'right', render: num },
                    ]} />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard chart="deadlines" title={t('dashboards.chart.deadlines')} filters={filters} rowKey="deadline"
                    rows={d.deadlines}
                    plot={
                      <Bar {...sharedPlot}
                        data={d.deadlines.flatMap((x) => (['met', 'missed', 'open'] as const).map((k) => ({ deadline: tk('dashboards.deadline', x.deadline), outcome: t(`dashboards.${k}` as MessageKey), count: x[k] })))}
                        xField="deadline" yField="count" colorField="outcome" stack />
                    }
                    columns={[
                      { title: t('dashboards.deadline'), dataIndex: 'deadline', render: (k: string) => tk('dashboards.deadline', k) },
                      { title: t('dashboards.met'), dataIndex: 'met', align: 'right' },
                      { title: t('dashboards.missed'), dataIndex: 'missed', align: 'right' },
                      { title: t('dashboards.open'), dataIndex: 'open', align: 'right' },
                    ]} />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard chart="returns" title={t('dashboards.chart.returns')} note={t('dashboards.chart.returnsNote', { total: d.returns.total, applications: d.returns.applications })}
                    filters={filters} rowKey="item" rows={d.returns.byItem}
                    plot={<Bar {...sharedPlot} data={d.returns.byItem.map((r) => ({ item: itemName(r.item, locale), count: r.count }))} xField="item" yField="count" />}
                    columns={[
                      { title: t('dashboards.item'), dataIndex: 'item', render: (i: string) => itemName(i, locale) },
                      { title: t('dashboards.count'), dataIndex: 'count', align: 'right' },
                    ]} />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard chart="objections" title={t('dashboards.chart.objections')} filters={filters} rowKey="outcome"
                    rows={d.objections}
                    plot={<Column {...sharedPlot} data={d.objections.map((o) => ({ outcome: tk('dashboards.objection', o.outcome), count: o.count }))} xField="outcome" yField="count" />}
                    columns={[
                      { title: t('dashboards.outcome'), dataIndex: 'outcome', render: (o: string) => tk('dashboards.objection', o) },
                      { title: t('dashboards.count'), dataIndex: 'count', align: 'right' },
                    ]} />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard chart="sanctions" title={t('dashboards.chart.sanctions')} note={t('dashboards.chart.sanctionsNote')} filters={filters} rowKey="measure"
                    rows={d.sanctions}
                    plot={<Column {...sharedPlot} data={d.sanctions.map((s) => ({ measure: measureLabel(locale, s.measure), count: s.count }))} xField="measure" yField="count" />}
                    columns={[
                      { title: t('dashboards.measure'), dataIndex: 'measure', render: (m: string) => measureLabel(locale, m) },
                      { title: t('dashboards.count'), dataIndex: 'count', align: 'right' },
                    ]} />
                </Col>
                <Col span={24}>
                  <ChartCard chart="prefectures" title={t('dashboards.chart.prefectures')} filters={filters} rowKey="prefectureId"
                    rows={d.prefectures}
                    plot={
                      <Column {...sharedPlot}
                        data={d.prefectures.flatMap((p) => [
                          { prefecture: prefectureName(p.prefectureId, locale), kind: t('dashboards.recommended'), count: p.recommended },
                          { prefecture: prefectureName(p.prefectureId, locale), kind: t('dashboards.returned'), count: p.returned },
                          { prefecture: prefectureName(p.prefectureId, locale), kind: t('dashboards.recognized'), count: p.recognized },
                        ])}
                        xField="prefecture" yField="count" colorField="kind" group />
                    }
                    columns={[
                      { title: t('dashboards.prefecture'), dataIndex: 'prefectureId', render: (id: string) => prefectureName(id, locale) },
                      { title: t('dashboards.applications'), dataIndex: 'applications', align: 'right' },
                      { title: t('dashboards.returned'), dataIndex: 'returned', align: 'right' },
                      { title: t('dashboards.recommended'), dataIndex: 'recommended', align: 'right' },
                      { title: t('dashboards.rejected'), dataIndex: 'rejected', align: 'right' },
                      { title: t('dashboards.recognized'), dataIndex: 'recognized', align: 'right' },
                      { title: t('dashboards.preliminaryMedian'), dataIndex: 'preliminaryReviewMedianDays', align: 'right', render: num },
                    ]} />
                </Col>
              </Row>
            </Flex>
          )}
        </LoadState>
      </Flex>
    </Card>
  );
}
