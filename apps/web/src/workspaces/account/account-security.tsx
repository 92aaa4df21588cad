import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import type { AccountSecurity, LoginResult, TotpEnrolment } from '../../shared/api/views';
import { useSession } from '../../shared/auth/session';
import { showProblem } from '../../shared/ui/problem-form';
import { LoadState } from '../../shared/ui/states';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import { useNavigate } from 'react-router';

const CODE = /^\d{6}$/;

/** Changing the password: the current one, the new one twice; the policy is checked by the server. */
function PasswordCard({ forced, onChanged }: { forced: boolean; onChanged(result: LoginResult): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; repeat: string }>();
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    try {
      const result = await unwrap<LoginResult>(api.POST('/api/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }));
      form.resetFields();
      message.success(t('account.password.changed'));
      onChanged(result);
    } catch (err) {
      showProblem(err, title, message, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('account.password.title')} data-testid="password-card">
      {forced && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('account.password.forced')} />}
      <Typography.Paragraph type="secondary">{t('account.password.policy')}</Typography.Paragraph>
      <Form form={form} name="change-password" layout="vertical" onFinish={onFinish} style={{ maxWidth: 400 }} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('account.password.current')} rules={[{ required: true, message: t('common.required', { label: t('account.password.current') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.password.new')} rules={[{ required: true, message: t('common.required', { label: t('account.password.new') }) }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('account.password.repeat')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { label: t('account.password.repeat') }) },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('account.password.submit')}</Button>
      </Form>
    </Card>
  );
}

/** The second factor: enrol (a secret to type into an authenticator app, confirmed with a code) or turn it off. */
function TotpCard({ security, onSession, onChanged }: { security: AccountSecurity; onSession(result: LoginResult): void; onChanged(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ password: string; code: string }>();
  const start = async () => {
    setBusy(true);
    try {
      setEnrolment(await unwrap<TotpEnrolment>(api.POST('/api/auth/totp/enrol')));
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (v: { code: string }) => {
    setBusy(true);
    try {
      const result = await unwrap<LoginResult>(api.POST('/api/auth/totp/confirm', { body: { code: v.code.trim() } }));
      setEnrolment(null);
      message.success(t('account.totp.enabled'));
      onSession(result);
    } catch (err) {
      showProblem(err, title, message, confirmForm);
    } finally {
      setBusy(false);
    }
  };
  const disable = async (v: { password: string; code: string }) => {
    setBusy(true);
    try {
      await unwrap<AccountSecurity>(api.POST('/api/auth/totp/disable', { body: { password: v.password, code: v.code.trim() } }));
      disableForm.resetFields();
      message.success(t('account.totp.disabled'));
      onChanged();
    } catch (err) {
      showProblem(err, title, message, disableForm);
    } finally {
      setBusy(false);
    }
  };
  const codeRule = { required: true, pattern: CODE, message: t('account.totp.codeFormat') };
  return (
    <Card
      title={t('account.totp.title')}
      data-testid="totp-card"
      extra={security.totpEnabled ? <Tag color="green">{t('account.totp.on')}</Tag> : <Tag>{t('account.totp.off')}</Tag>}
    >
      {security.pending.includes('totp_enrolment') && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('account.totp.required')} />}
      <Typography.Paragraph type="secondary">{t('account.totp.help')}</Typography.Paragraph>
      {!security.totpEnabled && !enrolment && (
        <Button type="primary" onClick={() => void start()} loading={busy}>{t('account.totp.start')}</Button>
      )}
      {!security.totpEnabled && enrolment && (
        <>
          <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('account.totp.secret')}>
              <Typography.Text code copyable data-testid="totp-secret">{enrolment.secret}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('account.totp.uri')}>
              <Typography.Text copyable style={{ wordBreak: 'break-all' }}>{enrolment.otpauthUri}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Form form={confirmForm} name="totp-confirm" layout="inline" onFinish={confirm}>
            <Form.Item name="code" label={t('account.totp.code')} rules={[codeRule]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>{t('account.totp.confirm')}</Button>
          </Form>
        </>
      )}
      {security.totpEnabled && !security.totpRequired && (
        <Form form={disableForm} name="totp-disable" layout="inline" onFinish={disable}>
          <Form.Item name="password" label={t('account.password.current')} rules={[{ required: true, message: t('common.required', { label: t('account.password.current') }) }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="code" label={t('account.totp.code')} rules={[codeRule]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <Button danger htmlType="submit" loading={busy}>{t('account.totp.disable')}</Button>
        </Form>
      )}
      {security.totpEnabled && security.totpRequired && <Typography.Text type="secondary">{t('account.totp.requiredKeep')}</Typography.Text>}
    </Card>
  );
}

/**
 * The signed-in account's security, for every role (issue 14): the password, and the second
 * factor. An account with a step pending (a first password, a second factor its role requires)
 * is brought here before anything else, and goes on to its workspace once done.
 */
export function AccountSecurityPage() {
  const { t } = useI18n();
  const { adopt, pending } = useSession();
  const navigate = useNavigate();
  const security = useLoad(() => unwrap<AccountSecurity>(api.GET('/api/auth/security')), []);
  const onSession = (result: LoginResult) => {
    // Held here by a pending step and now free: on to the workspace.
    const wasHeld = pending.length > 0;
    adopt(result);
    if (wasHeld && result.pending.length === 0) navigate('/workspace', { replace: true });
    else security.reload();
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('account.title')}</Typography.Title>
      <LoadState loading={security.loading && !security.data} error={security.error} onRetry={security.reload}>
        {security.data && (
          <>
            {security.data.pending.length > 0 && <Alert type="info" showIcon title={t('account.pending')} data-testid="pending-steps" />}
            <PasswordCard forced={security.data.mustChangePassword} onChanged={onSession} />
            <TotpCard security={security.data} onSession={onSession} onChanged={security.reload} />
          </>
        )}
      </LoadState>
    </Space>
  );
}
