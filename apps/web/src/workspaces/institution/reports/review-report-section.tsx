import { App, Button, Card, Flex, Form, Input, Radio, Space } from 'antd';
import { useEffect } from 'react';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { showProblem } from '../../../shared/ui/problem-form';
import { LoadState, queryState } from '../../../shared/ui/states';
import { ReportConclusion, ReportContent, ReportStatusTag } from '../../../features/reports/report-content';
import { useReportExport } from '../../../features/reports/use-report-export';
import type { ReviewReportView } from '../../../features/review-panel/types';

interface Draft {
  recommendation: 'recommend' | 'not_recommend';
  reasons: string;
}

/** Signing off concludes the review: the case, the lists and the Department's candidates change. */
const AFFECTED = ['/api/reviews/{id}/report', '/api/reviews/{id}/case', '/api/reviews/search', '/api/reviews', '/api/batch-reports', '/api/decision-lists/candidates'] as const;

/**
 * The institution's comprehensive review report on a case (M8.1, M9.1): the prefilled content, its
 * recommendation and reasons saved as a draft, signed off (which concludes the review; the service
 * refuses while a round is open, an expert has not scored, a visit is scheduled, or after a visit
 * that did not confirm the claims), and exported.
 */
export function ReviewReportSection({ applicationId }: { applicationId: string }) {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<Draft>();
  const q = $api.useQuery('get', '/api/reviews/{id}/report', { params: { path: { id: applicationId } } });
  const save = $api.useMutation('put', '/api/reviews/{id}/report', { onSuccess: () => invalidate('/api/reviews/{id}/report') });
  const signOff = $api.useMutation('post', '/api/reviews/{id}/report/sign-off', { onSuccess: () => invalidate(...AFFECTED) });
  const { caseReport, exporting } = useReportExport();
  const report = q.data;
  useEffect(() => {
    if (report) form.setFieldsValue({ recommendation: (report.recommendation ?? undefined) as Draft['recommendation'], reasons: report.reasons ?? '' });
  }, [report, form]);
  const path = { params: { path: { id: applicationId } } };
  const onSave = async (values: Draft, then?: (saved: ReviewReportView) => void) => {
    try {
      const saved = await save.mutateAsync({ ...path, body: { recommendation: values.recommendation, reasons: values.reasons ?? '', expectedVersion: report!.version } });
      if (then) then(saved);
      else message.success(t('reports.saved'));
    } catch (err) {
      showProblem(err, title, message);
    }
  };
  const confirmSignOff = (saved: ReviewReportView) =>
    modal.confirm({
      title: t('reports.signOff.title', { no: saved.applicationNo }),
      content: t('reports.signOff.confirm'),
      okText: t('reports.signOff'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const done = await signOff.mutateAsync({ ...path, body: { expectedVersion: saved.version } });
          message.success(t('reports.signedOff', { score: done.score ?? 0 }));
        } catch (err) {
          showProblem(err, title, message);
        }
      },
    });
  const saveThenSignOff = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values) await onSave(values, (saved) => void confirmSignOff(saved));
  };
  const signed = report?.status === 'signed_off';
  return (
    <Card
      title={t('reports.case.title')}
      data-testid="review-report"
      extra={
        report && (
          <Space>
            <ReportStatusTag status={report.status} />
            <Button loading={exporting === `${applicationId}.pdf`} onClick={() => void caseReport(applicationId, 'pdf')}>{t('reports.exportPdf')}</Button>
            <Button loading={exporting === `${applicationId}.xlsx`} onClick={() => void caseReport(applicationId, 'xlsx')}>{t('reports.exportXlsx')}</Button>
          </Space>
        )
      }
    >
      <LoadState {...queryState(q)} empty={!report}>
        {report && (
          <Flex vertical gap="middle">
            <ReportContent content={report.content} />
            {signed ? (
              <ReportConclusion report={report} />
            ) : (
              <Form<Draft> form={form} layout="vertical" onFinish={(v) => void onSave(v)} disabled={report.state !== 'UNDER_COMPREHENSIVE_REVIEW'}>
                <Form.Item name="recommendation" label={t('reports.recommendation')} rules={[{ required: true }]}>
                  <Radio.Group
                    options={(['recommend', 'not_recommend'] as const).map((r) => ({ value: r, label: t(`reports.recommendation.${r}`) }))}
                  />
                </Form.Item>
                <Form.Item name="reasons" label={t('reports.reasons')}>
                  <Input.TextArea rows={4} maxLength={4000} placeholder={t('reports.reasons.placeholder')} />
                </Form.Item>
                <Space>
                  <Button htmlType="submit" loading={save.isPending}>{t('reports.save')}</Button>
                  <Button
                    type="primary"
                    loading={signOff.isPending}
                    onClick={() => void saveThenSignOff()}
                  >
                    {t('reports.signOff')}
                  </Button>
                </Space>
              </Form>
            )}
          </Flex>
        )}
      </LoadState>
    </Card>
  );
}
