import { Alert, App, Button, Card, Form, Input, theme, Typography } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import type { LoginResult } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** Changing the password: the current one, the new one twice; the policy is checked by the server. */
export function PasswordCard({ forced, onChanged }: { forced: boolean; onChanged(result: LoginResult): Promise<void> }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<PasswordForm>();
  const invalidate = useInvalidate();
  const change = $api.useMutation('post', '/api/auth/password', { onSuccess: () => invalidate('/api/auth/security') });
  const onFinish = async (v: PasswordForm) => {
    try {
      const result = await change.mutateAsync({ body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      form.resetFields();
      message.success(t('account.password.changed'));
      await onChanged(result);
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const required = (key: 'account.password.current' | 'account.password.new' | 'account.password.repeat') => ({ required: true, message: t('common.required', { label: t(key) }) });
  return (
    <Card title={t('account.password.title')} data-testid="password-card">
      {forced && <Alert type="warning" showIcon style={{ marginBottom: token.marginMD }} title={t('account.password.forced')} />}
      <Typography.Paragraph type="secondary">{t('account.password.policy')}</Typography.Paragraph>
      <Form form={form} name="change-password" layout="vertical" onFinish={onFinish} style={{ maxWidth: 400 }} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('account.password.current')} rules={[required('account.password.current')]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.password.new')} rules={[required('account.password.new')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('account.password.repeat')}
          dependencies={['newPassword']}
          rules={[
            required('account.password.repeat'),
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>{t('account.password.submit')}</Button>
      </Form>
    </Card>
  );
}
