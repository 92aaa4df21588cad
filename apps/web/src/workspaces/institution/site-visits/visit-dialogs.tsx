import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { SITE_FINDING_RESULTS, SITE_VISIT_CONCLUSIONS } from '@firstset/domain';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { showProblem } from '../../../shared/ui/problem-form';

type Kind = 'cancel' | 'finding' | 'conclude';

const KEYS = {
  cancel: { title: 'siteVisit.cancel.title', ok: 'siteVisit.cancel', done: 'siteVisit.cancelled' },
  finding: { title: 'siteVisit.finding.add', ok: 'siteVisit.finding.add', done: 'siteVisit.finding.added' },
  conclude: { title: 'siteVisit.conclude.title', ok: 'siteVisit.conclude', done: 'siteVisit.concluded' },
} as const;

/**
 * The institution's steps on a scheduled visit (M8.2): cancel it with a reason, record a finding
 * (item, result, description), or conclude it (conclusion and note; the service asks for at least
 * one finding first).
 */
export function VisitStepDialog({ kind, visitId, onClose }: { kind: Kind; visitId: string; onClose(): void }) {
  const { t, tk, title } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<Record<string, string>>();
  const onSuccess = () => invalidate('/api/reviews/{id}/site-visits');
  const cancel = $api.useMutation('post', '/api/site-visits/{visitId}/cancel', { onSuccess });
  const record = $api.useMutation('post', '/api/site-visits/{visitId}/findings', { onSuccess });
  const conclude = $api.useMutation('post', '/api/site-visits/{visitId}/conclude', { onSuccess });
  const path = { params: { path: { visitId } } };
  const onFinish = async (v: Record<string, string>) => {
    try {
      if (kind === 'cancel') await cancel.mutateAsync({ ...path, body: { reason: v.reason!.trim() } });
      if (kind === 'finding') await record.mutateAsync({ ...path, body: { item: v.item!.trim(), result: v.result as 'conforms', description: v.description!.trim() } });
      if (kind === 'conclude') await conclude.mutateAsync({ ...path, body: { conclusion: v.conclusion as 'confirmed', note: v.note!.trim() } });
      message.success(t(KEYS[kind].done));
      onClose();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const text = (name: string, label: string, max: number, rows = 3) => (
    <Form.Item name={name} label={label} rules={[{ required: true, whitespace: true, message: t('common.required', { label }) }, { max, message: t('siteVisit.max', { max }) }]}>
      {rows === 1 ? <Input /> : <Input.TextArea rows={rows} />}
    </Form.Item>
  );
  const choice = (name: string, label: string, prefix: string, values: readonly string[]) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('common.required', { label }) }]}>
      <Select options={values.map((v) => ({ value: v, label: tk(prefix, v) }))} data-testid={`visit-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={t(KEYS[kind].title)}
      okText={t(KEYS[kind].ok)}
      okButtonProps={{ danger: kind === 'cancel' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={cancel.isPending || record.isPending || conclude.isPending}
      destroyOnHidden
    >
      {kind === 'conclude' && <Typography.Paragraph>{t('siteVisit.conclude.lead')}</Typography.Paragraph>}
      <Form form={form} name={`site-visit-${kind}`} layout="vertical" onFinish={onFinish}>
        {kind === 'cancel' && text('reason', t('siteVisit.cancel.reason'), 1000)}
        {kind === 'finding' && (
          <>
            <Form.Item name="item" label={t('siteVisit.finding.item')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('siteVisit.finding.item') }) }, { max: 200, message: t('siteVisit.max', { max: 200 }) }]}>
              <Input placeholder={t('siteVisit.finding.item.placeholder')} />
            </Form.Item>
            {choice('result', t('siteVisit.finding.result'), 'siteVisit.finding.result', SITE_FINDING_RESULTS)}
            {text('description', t('siteVisit.finding.description'), 4000)}
          </>
        )}
        {kind === 'conclude' && (
          <>
            {choice('conclusion', t('siteVisit.conclusion'), 'siteVisit.conclusion', SITE_VISIT_CONCLUSIONS)}
            {text('note', t('siteVisit.conclusionNote'), 4000)}
          </>
        )}
      </Form>
    </Modal>
  );
}
