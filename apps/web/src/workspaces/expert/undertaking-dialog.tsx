import { App, Checkbox, Form, Modal, Typography } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import { showProblem } from '../../shared/ui/problem-form';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import type { ExpertReviewRow } from '../../features/review-panel/types';

const CLAUSES: MessageKey[] = ['expert.undertaking.1', 'expert.undertaking.2', 'expert.undertaking.3', 'expert.undertaking.4', 'expert.undertaking.5'];

/**
 * The confidentiality undertaking in full (M11.1), confirmed by an explicit tick before the expert
 * accepts: only then does the service show the application and take a score.
 */
export function UndertakingDialog({ row, onClose, onAccepted }: { row: ExpertReviewRow; onClose(): void; onAccepted(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ confirmed: boolean }>();
  const invalidate = useInvalidate();
  // Accepting moves the task to the next tab, and the institution's list shows the new stage.
  const accept = $api.useMutation('post', '/api/reviews/{id}/accept', { onSuccess: () => invalidate('/api/reviews/search', '/api/reviews') });
  const onFinish = async () => {
    try {
      await accept.mutateAsync({ params: { path: { id: row.applicationId } } });
      message.success(t('expert.accepted'));
      onAccepted();
    } catch (err) {
      showProblem(err, title, message);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={t('expert.undertaking.title')}
      okText={t('expert.undertaking.sign')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={accept.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('expert.undertaking.lead', { no: row.applicationNo })}</Typography.Paragraph>
      <section aria-label={t('expert.undertaking.title')} data-testid="undertaking-text">
        {CLAUSES.map((k) => (
          <Typography.Paragraph key={k}>{t(k)}</Typography.Paragraph>
        ))}
      </section>
      <Form form={form} name="undertaking" onFinish={onFinish}>
        <Form.Item
          name="confirmed"
          valuePropName="checked"
          rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('expert.undertaking.required')))) }]}
        >
          <Checkbox>{t('expert.undertaking.confirm')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
