import { Button, Card, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { $api } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { beijingToday } from '../../../shared/ui/beijing-time';
import type { ComplianceCase } from '../../../features/compliance/types';
import { useConfirmedSend } from '../../../features/compliance/use-confirmed-send';

/** The Department's next steps on a case (ADR 0026): notify an opened one; record, decide or drop a notified one. */
export function CaseActions({ c }: { c: ComplianceCase }) {
  const { t } = useI18n();
  const path = { path: { id: c.id } };
  const confirmed = useConfirmedSend();
  const notifying = $api.useMutation('post', '/api/compliance-cases/{id}/notice');
  const recording = $api.useMutation('post', '/api/compliance-cases/{id}/statement');
  const deciding = $api.useMutation('post', '/api/compliance-cases/{id}/decision');
  const dropping = $api.useMutation('post', '/api/compliance-cases/{id}/drop');
  const [notifyForm] = Form.useForm<{ statementDeadline: Dayjs }>();
  const [recordForm] = Form.useForm<{ statement: string }>();
  const [decideForm] = Form.useForm<{ outcome: 'sanction' | 'no_sanction'; reasons: string }>();
  const [dropForm] = Form.useForm<{ reason: string }>();
  const required = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { label }) }];
  const earliest = beijingToday().add(5, 'day');

  const notify = confirmed(notifyForm, t('compliance.notify.confirm'), (v: { statementDeadline: Dayjs }) =>
    notifying.mutateAsync({ params: path, body: { expectedVersion: c.version, statementDeadline: v.statementDeadline.format('YYYY-MM-DD') } }),
  );
  const record = confirmed(recordForm, t('compliance.record'), (v: { statement: string }) => recording.mutateAsync({ params: path, body: { statement: v.statement } }));
  const decide = confirmed(decideForm, t('compliance.decide.confirm'), (v: { outcome: 'sanction' | 'no_sanction'; reasons: string }) =>
    deciding.mutateAsync({ params: path, body: { expectedVersion: c.version, ...v } }),
  );
  const drop = confirmed(dropForm, t('compliance.drop.confirm'), (v: { reason: string }) => dropping.mutateAsync({ params: path, body: { expectedVersion: c.version, reason: v.reason } }));

  return (
    <>
      {c.status === 'opened' && (
        <Card size="small" title={t('compliance.notify')}>
          <Form form={notifyForm} name="notify-party" layout="vertical" onFinish={notify}>
            <Form.Item name="statementDeadline" label={t('compliance.notify.deadline')} extra={t('compliance.notify.help')} rules={[{ required: true, message: t('common.required', { label: t('compliance.notify.deadline') }) }]}>
              <DatePicker disabledDate={(d) => d.isBefore(earliest, 'day')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={notifying.isPending}>{t('compliance.notify')}</Button>
          </Form>
        </Card>
      )}
      {c.status === 'notified' && (
        <Card size="small" title={t('compliance.record')}>
          <Form form={recordForm} name="record-statement" layout="vertical" onFinish={record}>
            <Form.Item name="statement" label={t('compliance.record.text')} rules={required(t('compliance.record.text'))}><Input.TextArea rows={3} maxLength={8000} /></Form.Item>
            <Button htmlType="submit" loading={recording.isPending}>{t('compliance.record')}</Button>
          </Form>
        </Card>
      )}
      {(c.status === 'notified' || c.status === 'statement_received') && (
        <Card size="small" title={t('compliance.decide')}>
          <Form form={decideForm} name="decide-case" layout="vertical" onFinish={decide} initialValues={{ outcome: 'sanction' }}>
            <Form.Item name="outcome" label={t('compliance.decide.outcome')}>
              <Radio.Group options={[{ value: 'sanction', label: t('compliance.outcome.sanction') }, { value: 'no_sanction', label: t('compliance.outcome.no_sanction') }]} />
            </Form.Item>
            <Form.Item name="reasons" label={t('compliance.decide.reasons')} rules={required(t('compliance.decide.reasons'))}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
            <Button type="primary" danger htmlType="submit" loading={deciding.isPending}>{t('compliance.decide')}</Button>
          </Form>
        </Card>
      )}
      <Card size="small" title={t('compliance.drop')}>
        <Form form={dropForm} name="drop-case" layout="vertical" onFinish={drop}>
          <Form.Item name="reason" label={t('compliance.drop.reason')} rules={required(t('compliance.drop.reason'))}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Button htmlType="submit" loading={dropping.isPending}>{t('compliance.drop')}</Button>
        </Form>
      </Card>
    </>
  );
}
