import { App, Button, Card, Flex, Form, Input, theme, Typography } from 'antd';
import { useState } from 'react';
import { ProblemError } from '../../shared/api/client';
import { useSession } from '../../shared/auth/session';
import { showProblem } from '../../shared/ui/problem-form';
import { useI18n } from '../../shared/i18n/i18n';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { afterSignIn, SECURITY } from '../../app/routes';

export function LoginPage() {
  const { t, title, locale, setLocale } = useI18n();
  const { actor, signIn } = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  // Arrived from 退出登录: the session is ending, not a reason to go back to the workspace.
  const signingOut = (useLocation().state as { signingOut?: boolean } | null)?.signingOut === true;
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<{ username: string; password: string; totpCode?: string }>();
  const [busy, setBusy] = useState(false);
  // An account with a second factor: the server asks for the code, the form then shows its field.
  const [needCode, setNeedCode] = useState(false);
  const onFinish = async (v: { username: string; password: string; totpCode?: string }) => {
    setBusy(true);
    try {
      const result = await signIn(v.username.trim(), v.password, v.totpCode?.trim() || undefined);
      // Anything the account must do first (a new password, a second factor) comes before the workspace.
      // Then the page asked for before signing in (a deep link), or the workspace's home.
      await navigate(result.pending.length ? SECURITY : afterSignIn(search.get('next')), { replace: true });
    } catch (err) {
      if (err instanceof ProblemError && err.problem.code === 'TOTP_REQUIRED') {
        setNeedCode(true);
        message.info(t('login.totpNeeded'));
      } else {
        showProblem(err, title, message, form);
      }
    } finally {
      setBusy(false);
    }
  };
  // Already signed in (in this tab or another): on to where sign-in would go.
  if (actor && !busy && !signingOut) return <Navigate to={afterSignIn(search.get('next'))} replace />;
  return (
    <Flex component="main" justify="center" align="center" style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3}>{t('app.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
        <Typography.Title level={4}>{t('login.title')}</Typography.Title>
        <Form form={form} name="login" layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required', { label: t('login.username') }) }]}>
            {/* No autoFocus: a screen reader starts at the page's title and purpose, not mid-form (jsx-a11y no-autofocus). */}
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required', { label: t('login.password') }) }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {needCode && (
            <Form.Item
              name="totpCode"
              label={t('login.totpCode')}
              extra={t('login.totpCode.help')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.totp.codeFormat') }]}
            >
              {/* The field appears only after the user submitted and the server asked for the code (with a message saying so):
                  moving focus to it is the expected step, not a surprise on page load. */}
              {/* eslint-disable-next-line jsx-a11y-x/no-autofocus */}
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: token.marginMD }}>{t('login.hint')}</Typography.Paragraph>
        <Flex justify="space-between" align="center">
          <Link to="/public">{t('login.toPublic')}</Link>
          <Button type="link" aria-label={t('app.language')} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('app.language.switch')}
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
