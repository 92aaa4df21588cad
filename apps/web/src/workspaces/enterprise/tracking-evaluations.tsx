import { Alert, Button, Card, Col, Collapse, Empty, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { beijingToday } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import { useConfirmedSend } from '../../features/compliance/use-confirmed-send';
import { EvaluationFacts, EvaluationTag } from '../../features/tracking/evaluation-facts';
import { ReportFiles } from '../../features/tracking/report-files';
import { TRACKING_READS, type TrackingEvaluation } from '../../features/tracking/types';

interface ReportValues {
  unitsSold: number;
  salesRevenueYuan: number;
  customers: string[];
  performance: string;
  problems: string;
}

/** The enterprise's report, once, until the due date included (M12.2). */
function ReportForm({ e }: { e: TrackingEvaluation }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReportValues>();
  const reporting = $api.useMutation('post', '/api/tracking-evaluations/{id}/report');
  const confirmed = useConfirmedSend(TRACKING_READS);
  const report = confirmed(form, t('tracking.report.confirm'), (v: ReportValues) => reporting.mutateAsync({ params: { path: { id: e.id } }, body: { ...v, customers: v.customers ?? [] } }), t('tracking.report.sent'));
  const required = (label: string) => [{ required: true, message: t('common.required', { label }) }];
  const text = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { label }) }];
  return (
    <Card size="small" title={t('tracking.report.submit')}>
      <Form form={form} name={`tracking-report-${e.id}`} layout="vertical" onFinish={report}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="unitsSold" label={t('tracking.report.unitsSold')} rules={required(t('tracking.report.unitsSold'))}>
              <InputNumber min={0} max={1_000_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="salesRevenueYuan" label={t('tracking.report.salesRevenue')} rules={required(t('tracking.report.salesRevenue'))}>
              <InputNumber min={0} max={1e13} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="customers" label={t('tracking.report.customers')} extra={t('tracking.report.customers.help')}>
          <Select mode="tags" open={false} tokenSeparators={['、', '，', ',']} suffixIcon={null} maxCount={100} />
        </Form.Item>
        <Form.Item name="performance" label={t('tracking.report.performance')} rules={text(t('tracking.report.performance'))}>
          <Input.TextArea rows={4} maxLength={8000} showCount />
        </Form.Item>
        <Form.Item name="problems" label={t('tracking.report.problems')} rules={text(t('tracking.report.problems'))}>
          <Input.TextArea rows={3} maxLength={8000} showCount placeholder={t('tracking.report.problems.placeholder')} />
        </Form.Item>
        <Form.Item label={t('tracking.files')}>
          <ReportFiles e={e} editable />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={reporting.isPending}>{t('tracking.report.submit')}</Button>
      </Form>
    </Card>
  );
}

/**
 * The tracking evaluations asked of the enterprise (M12.2; ADR 0026): each request with its due
 * date, the report form while it is open, and the report once sent. The prefecture's conclusion
 * is its own assessment and not shown here.
 */
export function TrackingEvaluationsPage() {
  const { t } = useI18n();
  const list = $api.useQuery('get', '/api/tracking-evaluations', { params: { query: { pageSize: 100 } } });
  const items = list.data?.items ?? [];
  const today = beijingToday().format('YYYY-MM-DD');
  const open = (e: TrackingEvaluation) => e.status === 'requested' && today <= e.dueOn;
  return (
    <Card title={t('tracking.enterprise.title')}>
      <Typography.Paragraph type="secondary">{t('tracking.enterprise.intro')}</Typography.Paragraph>
      <LoadState {...queryState(list)}>
        {items.length === 0 ? (
          <Empty description={t('tracking.enterprise.empty')} />
        ) : (
          <Collapse
            defaultActiveKey={items.filter((e) => e.status === 'requested').map((e) => e.id)}
            items={items.map((e) => ({
              key: e.id,
              label: (
                <Flex gap="small" wrap>
                  <Typography.Text strong>{t('tracking.drawer.title', { year: e.year, product: `${e.productName} ${e.model}` })}</Typography.Text>
                  <EvaluationTag e={e} />
                  <span>{`${t('tracking.dueOn')} ${e.dueOn}`}</span>
                </Flex>
              ),
              children: (
                <Flex vertical gap="middle" data-testid={`tracking-${e.year}-${e.documentNo}`}>
                  <EvaluationFacts e={e} reporting={open(e)} />
                  {e.status === 'requested' && (open(e) ? <ReportForm e={e} /> : <Alert type="warning" showIcon title={t('tracking.report.overdue')} />)}
                </Flex>
              ),
            }))}
          />
        )}
      </LoadState>
    </Card>
  );
}
