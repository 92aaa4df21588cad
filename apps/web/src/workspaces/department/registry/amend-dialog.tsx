import { App, Form, Input, Modal } from 'antd';
import { $api, useInvalidate } from '../../../shared/api/query';
import type { PublicRecognition } from '../../../shared/api/views';
import { ProblemError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/i18n';
import { showProblem } from '../../../shared/ui/problem-form';

interface AmendForm {
  enterpriseName: string;
  productName: string;
  series: string;
  model: string;
  reason: string;
}

/**
 * The Department amends a registry entry's particulars with a reason (M13.1): only what changed
 * is sent, with the version as read; a change by someone else meanwhile reloads the entry.
 */
export function AmendDialog({ entry, onClose }: { entry: PublicRecognition; onClose(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AmendForm>();
  const invalidate = useInvalidate();
  const amending = $api.useMutation('post', '/api/registry/{id}/amend', { onSuccess: () => invalidate('/api/public/recognitions', '/api/registry/{id}/history') });
  const initial: AmendForm = { enterpriseName: entry.enterpriseName, productName: entry.product.name, series: entry.product.series, model: entry.product.model, reason: '' };
  const onFinish = async (v: AmendForm) => {
    const changed = (k: keyof Omit<AmendForm, 'reason'>) => (v[k].trim() !== initial[k] ? { [k]: v[k].trim() } : {});
    try {
      await amending.mutateAsync({
        params: { path: { id: entry.id } },
        body: { expectedVersion: entry.version, ...changed('enterpriseName'), ...changed('productName'), ...changed('series'), ...changed('model'), reason: v.reason.trim() },
      });
      message.success(t('registry.amend.done'));
      onClose();
    } catch (err) {
      if (err instanceof ProblemError && err.problem.status === 409) {
        message.warning(t('registry.amend.stale'));
        await invalidate('/api/public/recognitions');
        onClose();
        return;
      }
      showProblem(err, title, message, form);
    }
  };
  const required = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { label }) }];
  return (
    <Modal open title={t('registry.amend.title')} onOk={() => form.submit()} onCancel={onClose} okText={t('registry.amend.confirm')} cancelText={t('common.cancel')} confirmLoading={amending.isPending} width={560}>
      <Form form={form} name="registry-amend" layout="vertical" initialValues={initial} onFinish={onFinish}>
        <Form.Item name="enterpriseName" label={t('public.registry.enterprise')} rules={[...required(t('public.registry.enterprise')), { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="productName" label={t('public.registry.product')} rules={[...required(t('public.registry.product')), { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="series" label={t('registry.amend.series')} rules={[...required(t('registry.amend.series')), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="model" label={t('public.registry.model')} rules={[...required(t('public.registry.model')), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="reason" label={t('registry.amend.reason')} rules={[{ required: true, whitespace: true, message: t('registry.amend.reason.required') }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('registry.amend.reason.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
