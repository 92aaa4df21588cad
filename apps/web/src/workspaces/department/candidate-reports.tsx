import { Button, Card, Drawer, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { RecommendationTag, ReportConclusion, ReportContent } from '../../features/reports/report-content';
import { useReportExport } from '../../features/reports/use-report-export';
import type { CandidateView } from '../../features/review-panel/types';
import { BatchEntries } from '../institution/reports/batch-reports-page';

/** The institution's signed report on one candidate (M9.1), read in a drawer, with its PDF. */
function ReportDrawer({ candidate, onClose }: { candidate: CandidateView; onClose(): void }) {
  const { t } = useI18n();
  const q = $api.useQuery('get', '/api/reviews/{id}/report', { params: { path: { id: candidate.applicationId } } });
  const { caseReport, exporting } = useReportExport();
  return (
    <Drawer
      open
      size={720}
      onClose={onClose}
      destroyOnHidden
      title={`${t('reports.case.title')} · ${candidate.applicationNo}`}
      data-testid="report-drawer"
    >
      <LoadState {...queryState(q)} empty={!q.data}>
        {q.data && (
          <Flex vertical gap="middle">
            {/* A control inside the scrolling body keeps it reachable by keyboard (WCAG 2.1.1). */}
            <Button style={{ alignSelf: 'flex-start' }} loading={exporting !== null} onClick={() => void caseReport(candidate.applicationId, 'pdf')}>{t('reports.exportPdf')}</Button>
            <ReportConclusion report={q.data} />
            <ReportContent content={q.data.content} />
          </Flex>
        )}
      </LoadState>
    </Drawer>
  );
}

/** The batch's reviewed candidates with the institution's recommendation (M9.1), each report readable in a drawer. */
export function CandidateReports({ batchId }: { batchId: string }) {
  const { t } = useI18n();
  const q = $api.useQuery('get', '/api/decision-lists/candidates', { params: { query: { batchId } } });
  const [open, setOpen] = useState<CandidateView | null>(null);
  return (
    <Card size="small" title={t('reports.dept.title')} data-testid="candidates">
      <LoadState {...queryState(q)} empty={q.data ? q.data.length === 0 : undefined} emptyText={t('reports.dept.none')}>
        <Table<CandidateView>
          size="small"
          rowKey="applicationId"
          pagination={false}
          dataSource={q.data}
          columns={[
            { title: t('reports.no'), dataIndex: 'applicationNo' },
            { title: t('reports.enterprise'), render: (_, c) => c.enterprise.name },
            { title: t('reports.product'), render: (_, c) => c.product.name },
            { title: t('reports.score'), dataIndex: 'score' },
            {
              title: t('reports.recommendation'),
              render: (_, c) => (c.report ? <RecommendationTag recommendation={c.report.recommendation} /> : <Typography.Text type="secondary">{t('reports.dept.noReport')}</Typography.Text>),
            },
            { title: '', render: (_, c) => c.report && <Button size="small" onClick={() => setOpen(c)}>{t('reports.dept.view')}</Button> },
          ]}
        />
      </LoadState>
      {open && <ReportDrawer candidate={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

/** The batch reports the institutions signed off and delivered (M9.1), with their exports. */
export function DeliveredBatchReports({ batchId }: { batchId: string }) {
  const { t } = useI18n();
  const q = $api.useQuery('get', '/api/batch-reports', { params: { query: { batchId } } });
  const { batchReport, exporting } = useReportExport();
  return (
    <Card size="small" title={t('reports.dept.batches')} data-testid="delivered-batch-reports">
      <LoadState {...queryState(q)} empty={q.data ? q.data.length === 0 : undefined} emptyText={t('reports.dept.batches.none')}>
        <Flex vertical gap="middle">
          {(q.data ?? []).map((r) => (
            <Flex vertical gap="small" key={r.commissionId}>
              <Space>
                <Typography.Text strong>{r.institutionName}</Typography.Text>
                <Button size="small" loading={exporting === `${batchId}.pdf`} onClick={() => void batchReport(batchId, 'pdf', r.commissionId)}>{t('reports.exportPdf')}</Button>
                <Button size="small" loading={exporting === `${batchId}.xlsx`} onClick={() => void batchReport(batchId, 'xlsx', r.commissionId)}>{t('reports.exportXlsx')}</Button>
              </Space>
              <BatchEntries report={r} />
              {r.remarks && <Typography.Paragraph>{t('reports.batch.remarks')}：{r.remarks}</Typography.Paragraph>}
            </Flex>
          ))}
        </Flex>
      </LoadState>
    </Card>
  );
}
