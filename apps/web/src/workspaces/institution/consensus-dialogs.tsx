import { App, Form, Input, Modal, Typography } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import { showProblem } from '../../shared/ui/problem-form';
import { useI18n } from '../../shared/i18n/i18n';

/** A round opened or concluded changes the case's view and the institution's list. */
function useRoundInvalidate() {
  const invalidate = useInvalidate();
  return () => invalidate('/api/reviews/{id}/case', '/api/reviews/search', '/api/reviews');
}

/**
 * Calls a consensus round on a divergent application with its reason (M8.1): while it is open,
 * experts who scored may revise their scores and the review cannot be completed.
 */
export function CallRoundDialog({ applicationId, spread, threshold, onClose }: { applicationId: string; spread: number; threshold: number; onClose(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const call = $api.useMutation('post', '/api/reviews/{id}/consensus-rounds', { onSuccess: useRoundInvalidate() });
  const onFinish = async ({ reason }: { reason: string }) => {
    try {
      await call.mutateAsync({ params: { path: { id: applicationId } }, body: { reason: reason.trim() } });
      message.success(t('scoring.round.called'));
      onClose();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal open title={t('scoring.round.call.title')} okText={t('scoring.round.call')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={call.isPending} destroyOnHidden>
      <Typography.Paragraph>{t('scoring.round.call.lead', { spread, threshold })}</Typography.Paragraph>
      <Form form={form} name="consensus-call" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('scoring.round.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { label: t('scoring.round.reason') }) },
            { max: 2000, message: t('scoring.max', { max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={3} placeholder={t('scoring.round.reason.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Concludes the open round with its recorded outcome (M8.1); the scores as they stand then count. */
export function ConcludeRoundDialog({ applicationId, onClose }: { applicationId: string; onClose(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: string }>();
  const conclude = $api.useMutation('post', '/api/reviews/{id}/consensus-rounds/conclude', { onSuccess: useRoundInvalidate() });
  const onFinish = async ({ outcome }: { outcome: string }) => {
    try {
      await conclude.mutateAsync({ params: { path: { id: applicationId } }, body: { outcome: outcome.trim() } });
      message.success(t('scoring.round.concluded'));
      onClose();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal open title={t('scoring.round.conclude.title')} okText={t('scoring.round.conclude')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={conclude.isPending} destroyOnHidden>
      <Typography.Paragraph>{t('scoring.round.conclude.lead')}</Typography.Paragraph>
      <Form form={form} name="consensus-conclude" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="outcome"
          label={t('scoring.round.outcome')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { label: t('scoring.round.outcome') }) },
            { max: 4000, message: t('scoring.max', { max: 4000 }) },
          ]}
        >
          <Input.TextArea rows={4} placeholder={t('scoring.round.outcome.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
