import { App, Button, Card, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { beijingToday } from '../../shared/ui/beijing-time';
import { showProblem } from '../../shared/ui/problem-form';
import type { ObjectionDetail } from '../../features/objections/types';

type Party = 'prefecture' | 'institution' | 'enterprise';

/** A form that asks for confirmation, then sends; a refusal lands at its fields. */
function useConfirmedSend<V>(send: (v: V) => Promise<unknown>, confirm: string) {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate();
  return (form: ReturnType<typeof Form.useForm<V>>[0]) => (v: V) =>
    modal.confirm({
      title: confirm,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await send(v);
          message.success(t('objections.saved'));
          form.resetFields();
          await invalidate('/api/objections', '/api/objections/{id}');
        } catch (err) {
          showProblem(err, title, message, form);
        }
      },
    });
}

/** The Department's next steps on a case (ADR 0025): assess a received one; ask and decide one under investigation. */
export function ObjectionActions({ o }: { o: ObjectionDetail }) {
  const { t } = useI18n();
  const path = { path: { id: o.id } };
  const assessing = $api.useMutation('post', '/api/objections/{id}/assessment');
  const asking = $api.useMutation('post', '/api/objections/{id}/inquiries');
  const deciding = $api.useMutation('post', '/api/objections/{id}/decision');
  const [assessForm] = Form.useForm<{ outcome: 'inadmissible' | 'under_investigation'; reason: string }>();
  const [askForm] = Form.useForm<{ party: Party; partyRef?: string; question: string; dueOn: Dayjs }>();
  const [decideForm] = Form.useForm<{ outcome: 'upheld' | 'dismissed'; reason: string }>();
  const assess = useConfirmedSend((v: { outcome: 'inadmissible' | 'under_investigation'; reason: string }) => assessing.mutateAsync({ params: path, body: { ...v, expectedVersion: o.version } }), t('objections.assess.confirm'))(assessForm);
  const ask = useConfirmedSend(
    (v: { party: Party; partyRef?: string; question: string; dueOn: Dayjs }) =>
      asking.mutateAsync({ params: path, body: { party: v.party, partyRef: v.partyRef?.trim() || undefined, question: v.question, dueOn: v.dueOn.format('YYYY-MM-DD'), expectedVersion: o.version } }),
    t('objections.ask'),
  )(askForm);
  const decide = useConfirmedSend((v: { outcome: 'upheld' | 'dismissed'; reason: string }) => deciding.mutateAsync({ params: path, body: { ...v, expectedVersion: o.version } }), t('objections.decide.confirm'))(decideForm);
  const required = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { label }) }];
  const party = Form.useWatch('party', askForm);

  if (o.status === 'received') {
    return (
      <Card size="small" title={t('objections.assess')}>
        <Form form={assessForm} name="assess-objection" layout="vertical" onFinish={assess} initialValues={{ outcome: 'under_investigation' }}>
          <Form.Item name="outcome" label={t('objections.assess.outcome')}>
            <Radio.Group options={[{ value: 'under_investigation', label: t('objections.assess.investigate') }, { value: 'inadmissible', label: t('objections.assess.inadmissible') }]} />
          </Form.Item>
          <Form.Item name="reason" label={t('objections.assess.reason')} rules={required(t('objections.assess.reason'))}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={assessing.isPending}>{t('objections.assess')}</Button>
        </Form>
      </Card>
    );
  }
  return (
    <>
      <Card size="small" title={t('objections.ask')}>
        <Form form={askForm} name="ask-party" layout="vertical" onFinish={ask} initialValues={{ party: 'prefecture' }}>
          <Form.Item name="party" label={t('objections.ask.party')}>
            <Select options={(['prefecture', 'institution', 'enterprise'] as const).map((p) => ({ value: p, label: t(`inquiries.party.${p}`) }))} />
          </Form.Item>
          {party === 'institution' && <Form.Item name="partyRef" label={t('objections.ask.partyRef')} rules={required(t('objections.ask.partyRef'))}><Input maxLength={100} /></Form.Item>}
          <Form.Item name="question" label={t('objections.ask.question')} rules={required(t('objections.ask.question'))}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="dueOn" label={t('objections.ask.dueOn')} rules={[{ required: true, message: t('common.required', { label: t('objections.ask.dueOn') }) }]}>
            <DatePicker disabledDate={(d) => d.isBefore(beijingToday())} />
          </Form.Item>
          <Button htmlType="submit" loading={asking.isPending}>{t('objections.ask')}</Button>
        </Form>
      </Card>
      <Card size="small" title={t('objections.decide')}>
        <Form form={decideForm} name="decide-objection" layout="vertical" onFinish={decide} initialValues={{ outcome: 'dismissed' }}>
          <Form.Item name="outcome" label={t('objections.decide.outcome')}>
            <Radio.Group options={[{ value: 'dismissed', label: t('objections.decide.dismissed') }, { value: 'upheld', label: t('objections.decide.upheld') }]} />
          </Form.Item>
          <Form.Item name="reason" label={t('objections.decide.reason')} rules={required(t('objections.decide.reason'))}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Button type="primary" danger htmlType="submit" loading={deciding.isPending}>{t('objections.decide')}</Button>
        </Form>
      </Card>
    </>
  );
}
