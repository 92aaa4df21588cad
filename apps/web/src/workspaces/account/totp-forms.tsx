import { App, Button, Descriptions, Form, Input, theme, Typography } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import type { LoginResult, TotpEnrolment } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';

const CODE = /^\d{6}$/;

/** A six-digit code from the authenticator app. */
function CodeItem() {
  const { t } = useI18n();
  return (
    <Form.Item name="code" label={t('account.totp.code')} rules={[{ required: true, pattern: CODE, message: t('account.totp.codeFormat') }]}>
      <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
    </Form.Item>
  );
}

/** An enrolment begun: the secret to type into the app, confirmed with a code it shows. */
export function TotpConfirm({ enrolment, onEnabled }: { enrolment: TotpEnrolment; onEnabled(result: LoginResult): Promise<void> }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<{ code: string }>();
  const invalidate = useInvalidate();
  const confirm = $api.useMutation('post', '/api/auth/totp/confirm', { onSuccess: () => invalidate('/api/auth/security') });
  const onFinish = async (v: { code: string }) => {
    try {
      const result = await confirm.mutateAsync({ body: { code: v.code.trim() } });
      message.success(t('account.totp.enabled'));
      await onEnabled(result);
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <>
      <Descriptions column={1} bordered size="small" style={{ marginBottom: token.marginMD }}>
        <Descriptions.Item label={t('account.totp.secret')}>
          <Typography.Text code copyable data-testid="totp-secret">{enrolment.secret}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('account.totp.uri')}>
          <Typography.Text copyable style={{ wordBreak: 'break-all' }}>{enrolment.otpauthUri}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Form form={form} name="totp-confirm" layout="inline" onFinish={onFinish}>
        <CodeItem />
        <Button type="primary" htmlType="submit" loading={confirm.isPending}>{t('account.totp.confirm')}</Button>
      </Form>
    </>
  );
}

/** Turning the second factor off (where the role does not require it): the password and a code. */
export function TotpDisable() {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; code: string }>();
  const invalidate = useInvalidate();
  const disable = $api.useMutation('post', '/api/auth/totp/disable', { onSuccess: () => invalidate('/api/auth/security') });
  const onFinish = async (v: { password: string; code: string }) => {
    try {
      await disable.mutateAsync({ body: { password: v.password, code: v.code.trim() } });
      form.resetFields();
      message.success(t('account.totp.disabled'));
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Form form={form} name="totp-disable" layout="inline" onFinish={onFinish}>
      <Form.Item name="password" label={t('account.password.current')} rules={[{ required: true, message: t('common.required', { label: t('account.password.current') }) }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <CodeItem />
      <Button danger htmlType="submit" loading={disable.isPending}>{t('account.totp.disable')}</Button>
    </Form>
  );
}
