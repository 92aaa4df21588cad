import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../auth/session';
import { showProblem } from '../components/problem-form';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router';

export function LoginPage() {
  const { t, title, locale, setLocale } = useI18n();
  const { signIn } = useSession();
  const { navigate } = useRouter();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    try {
      await signIn(v.username.trim(), v.password);
      navigate('/workspace', { replace: true });
    } catch (err) {
      showProblem(err, title, message, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>{t('app.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
        <Typography.Title level={4}>{t('login.title')}</Typography.Title>
        <Form form={form} name="login" layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required', { label: t('login.username') }) }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required', { label: t('login.password') }) }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{t('login.hint')}</Typography.Paragraph>
        <Button type="link" onClick={() => navigate('/public')} style={{ paddingInline: 0 }}>{t('login.toPublic')}</Button>
        <Button type="link" aria-label={t('app.language')} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')} style={{ float: 'right' }}>
          {t('app.language.switch')}
        </Button>
      </Card>
    </main>
  );
}
