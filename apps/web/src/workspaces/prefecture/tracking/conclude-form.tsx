import { Alert, Button, Card, Form, Input, Radio } from 'antd';
import { $api } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { beijingToday } from '../../../shared/ui/beijing-time';
import { useConfirmedSend } from '../../../features/compliance/use-confirmed-send';
import { TRACKING_CONCLUSIONS, TRACKING_READS, type TrackingEvaluation } from '../../../features/tracking/types';

interface ConcludeValues {
  conclusion: (typeof TRACKING_CONCLUSIONS)[number];
  findings: string;
}

/**
 * The prefecture's conclusion (M12.2): on the enterprise's report, or without one once the due date
 * has passed (the record says so); before either, it says when it can conclude.
 */
export function ConcludeForm({ e }: { e: TrackingEvaluation }) {
  const { t, tk } = useI18n();
  const [form] = Form.useForm<ConcludeValues>();
  const concluding = $api.useMutation('post', '/api/tracking-evaluations/{id}/conclusion');
  const confirmed = useConfirmedSend(TRACKING_READS);
  const overdue = beijingToday().format('YYYY-MM-DD') > e.dueOn;
  if (e.status === 'requested' && !overdue) return <Alert type="info" showIcon title={t('tracking.conclude.waiting')} />;
  const conclude = confirmed(form, t('tracking.conclude.confirm'), (v: ConcludeValues) => concluding.mutateAsync({ params: { path: { id: e.id } }, body: v }), t('tracking.concluded'));
  return (
    <Card size="small" title={t('tracking.conclude')}>
      {e.status === 'requested' && <Alert type="warning" showIcon title={t('tracking.conclude.withoutReport')} style={{ marginBottom: 12 }} />}
      <Form form={form} name="conclude-tracking" layout="vertical" onFinish={conclude}>
        <Form.Item name="conclusion" label={t('tracking.conclusion')} rules={[{ required: true, message: t('common.required', { label: t('tracking.conclusion') }) }]}>
          <Radio.Group options={TRACKING_CONCLUSIONS.map((c) => ({ value: c, label: tk('tracking.conclusion', c) }))} />
        </Form.Item>
        <Form.Item name="findings" label={t('tracking.conclude.findings')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('tracking.conclude.findings') }) }]}>
          <Input.TextArea rows={5} maxLength={8000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={concluding.isPending}>{t('tracking.conclude')}</Button>
      </Form>
    </Card>
  );
}
