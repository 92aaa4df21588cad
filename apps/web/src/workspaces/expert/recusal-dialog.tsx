import { Alert, App, Form, Input, Modal, theme, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import { showProblem } from '../../shared/ui/problem-form';
import { useI18n } from '../../shared/i18n/i18n';
import { useReviewInvalidate } from './undertaking-dialog';

/**
 * The expert withdraws from the assignment with a reason (M11.1), at any time before scoring, as
 * the undertaking promises: access to the application ends, and the institution assigns another.
 */
export function RecusalDialog({ applicationId, applicationNo, onClose, onDone }: { applicationId: string; applicationNo: string; onClose(): void; onDone(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<{ reason: string }>();
  const recuse = $api.useMutation('post', '/api/reviews/{id}/recuse', { onSuccess: useReviewInvalidate() });
  const onFinish = async ({ reason }: { reason: string }) => {
    try {
      await recuse.mutateAsync({ params: { path: { id: applicationId } }, body: { reason: reason.trim() } });
      message.success(t('scoring.recusal.done'));
      onDone();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal
      open
      title={t('scoring.recusal.title', { no: applicationNo })}
      okText={t('scoring.recusal.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={recuse.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('scoring.recusal.effect')} style={{ marginBottom: token.marginMD }} />
      <Typography.Paragraph type="secondary">{t('scoring.recusal.lead')}</Typography.Paragraph>
      <Form form={form} name="recusal" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('scoring.recusal.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { label: t('scoring.recusal.reason') }) },
            { max: 1000, message: t('scoring.max', { max: 1000 }) },
          ]}
        >
          <Input.TextArea rows={4} placeholder={t('scoring.recusal.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
