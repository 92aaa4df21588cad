import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import type { Enterprise } from '../../shared/api/views';
import { showProblem } from '../../shared/ui/problem-form';
import { useI18n } from '../../shared/i18n/i18n';

interface ProfileForm {
  name: string;
  registeredAddress: string;
  addressDivisionCode: string;
}

export function ProfilePage() {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileForm>();
  const [saved, setSaved] = useState<Enterprise | null>(null);
  const [busy, setBusy] = useState(false);
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { label }) });
  const onFinish = async (body: ProfileForm) => {
    setBusy(true);
    try {
      const profile = await unwrap(api.PUT('/api/enterprise/profile', { body }));
      setSaved(profile);
      message.success(t('profile.saved', { prefecture: profile.prefectureName }));
    } catch (err) {
      showProblem(err, title, message, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('profile.title')} style={{ maxWidth: 720 }}>
      {saved && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} data-testid="profile-saved" title={t('profile.saved', { prefecture: saved.prefectureName })} />
      )}
      <Form form={form} name="profile" layout="vertical" onFinish={onFinish} initialValues={{ name: '', registeredAddress: '', addressDivisionCode: '' }}>
        <Form.Item name="name" label={t('profile.name')} rules={[required(t('profile.name')), { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="registeredAddress" label={t('profile.registeredAddress')} rules={[required(t('profile.registeredAddress')), { max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="addressDivisionCode"
          label={t('profile.addressDivisionCode')}
          extra={t('profile.addressDivisionCode.help')}
          rules={[required(t('profile.addressDivisionCode')), { pattern: /^\d{6}$/, message: t('profile.addressDivisionCode.invalid') }]}
        >
          <Input inputMode="numeric" maxLength={6} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('common.save')}</Button>
      </Form>
    </Card>
  );
}
