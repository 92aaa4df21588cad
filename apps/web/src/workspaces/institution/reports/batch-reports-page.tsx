import { App, Button, Card, Flex, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { showProblem } from '../../../shared/ui/problem-form';
import { LoadState, queryState } from '../../../shared/ui/states';
import { RecommendationTag, ReportStatusTag } from '../../../features/reports/report-content';
import { useReportExport } from '../../../features/reports/use-report-export';
import type { BatchReportView } from '../../../features/review-panel/types';

/** The cases of a batch report with their report's status and recommendation. */
export function BatchEntries({ report }: { report: BatchReportView }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="applicationId"
      pagination={false}
      dataSource={report.entries}
      columns={[
        { title: t('reports.no'), dataIndex: 'applicationNo' },
        { title: t('reports.enterprise'), dataIndex: 'enterpriseName' },
        { title: t('reports.product'), dataIndex: 'productName' },
        { title: t('reports.score'), render: (_, e) => e.weightedScore ?? '—' },
        { title: t('reports.case.title'), render: (_, e) => <ReportStatusTag status={e.reportStatus} /> },
        { title: t('reports.recommendation'), render: (_, e) => <RecommendationTag recommendation={e.recommendation} /> },
      ]}
    />
  );
}

/** One commissioned batch's report: its cases, remarks saved as a draft, sign-off (the service refuses while a case's report is unsigned), exports. */
function BatchReportCard({ report }: { report: BatchReportView }) {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate();
  const [remarks, setRemarks] = useState(report.remarks ?? '');
  const path = { params: { path: { batchId: report.batchId } } };
  const save = $api.useMutation('put', '/api/batch-reports/{batchId}', { onSuccess: () => invalidate('/api/batch-reports') });
  const signOff = $api.useMutation('post', '/api/batch-reports/{batchId}/sign-off', { onSuccess: () => invalidate('/api/batch-reports') });
  const { batchReport, exporting } = useReportExport();
  const saveDraft = () => save.mutateAsync({ ...path, body: { remarks, expectedVersion: report.version } });
  const onSave = async () => {
    try {
      await saveDraft();
      message.success(t('reports.batch.saved'));
    } catch (err) {
      showProblem(err, title, message);
    }
  };
  const onSignOff = () =>
    modal.confirm({
      title: t('reports.signOff'),
      content: t('reports.batch.signOff.confirm'),
      okText: t('reports.signOff'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const saved = await saveDraft();
          await signOff.mutateAsync({ ...path, body: { expectedVersion: saved.version } });
          message.success(t('reports.batch.signedOff'));
        } catch (err) {
          showProblem(err, title, message);
        }
      },
    });
  const signed = report.status === 'signed_off';
  return (
    <Card
      size="small"
      data-testid="batch-report"
      data-batch={report.batchId}
      title={t('reports.batch.heading', { count: report.entries.length, institution: report.institutionName })}
      extra={
        <Space>
          <ReportStatusTag status={report.status} />
          <Button loading={exporting === `${report.batchId}.pdf`} onClick={() => void batchReport(report.batchId, 'pdf')}>{t('reports.exportPdf')}</Button>
          <Button loading={exporting === `${report.batchId}.xlsx`} onClick={() => void batchReport(report.batchId, 'xlsx')}>{t('reports.exportXlsx')}</Button>
        </Space>
      }
    >
      <Flex vertical gap="middle">
        <BatchEntries report={report} />
        <label htmlFor={`remarks-${report.commissionId}`}>{t('reports.batch.remarks')}</label>
        <Input.TextArea id={`remarks-${report.commissionId}`} rows={3} maxLength={4000} value={remarks} disabled={signed} onChange={(e) => setRemarks(e.target.value)} />
        {!signed && (
          <Space>
            <Button loading={save.isPending} onClick={() => void onSave()}>{t('reports.save')}</Button>
            <Button type="primary" loading={signOff.isPending} onClick={onSignOff}>{t('reports.signOff')}</Button>
          </Space>
        )}
      </Flex>
    </Card>
  );
}

/** The institution's batch reports (M9.1): one per batch it is commissioned for. */
export function BatchReportsPage() {
  const { t } = useI18n();
  const q = $api.useQuery('get', '/api/batch-reports', { params: { query: {} } });
  return (
    <Card title={t('reports.batch.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{t('reports.batch.intro')}</Typography.Paragraph>
        <LoadState {...queryState(q)} empty={q.data ? q.data.length === 0 : undefined} emptyText={t('reports.batch.none')}>
          {(q.data ?? []).map((r) => <BatchReportCard key={`${r.commissionId}-${r.version}`} report={r} />)}
        </LoadState>
      </Flex>
    </Card>
  );
}
