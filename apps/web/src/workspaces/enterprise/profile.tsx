import { Alert, App, Button, Card, Form, Input, theme } from 'antd';
import { ProblemError } from '../../shared/api/client';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { LoadState, problemOf } from '../../shared/ui/states';

interface ProfileForm {
  name: string;
  registeredAddress: string;
  addressDivisionCode: string;
}

const BLANK: ProfileForm = { name: '', registeredAddress: '', addressDivisionCode: '' };

/** The enterprise's registration (M5.1, M7.2): filled with what is registered, blank the first time. */
export function ProfilePage() {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileForm>();
  const { token } = theme.useToken();
  const invalidate = useInvalidate();
  const profile = $api.useQuery('get', '/api/enterprise/profile');
  const save = $api.useMutation('put', '/api/enterprise/profile', { onSuccess: () => invalidate('/api/enterprise/profile') });
  // Not registered yet is no failure: the form starts blank.
  const firstTime = profile.error instanceof ProblemError && profile.error.problem.code === 'ENTERPRISE_NOT_REGISTERED';
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { label }) });
  const onFinish = async (body: ProfileForm) => {
    try {
      const saved = await save.mutateAsync({ body });
      message.success(t('profile.saved', { prefecture: saved.prefectureName }));
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const p = profile.data;
  return (
    <Card title={t('profile.title')} style={{ maxWidth: 720 }}>
      <LoadState loading={profile.isPending} error={firstTime ? null : problemOf(profile.error)} onRetry={() => void profile.refetch()}>
        {save.data && <Alert type="success" showIcon style={{ marginBottom: token.margin }} data-testid="profile-saved" title={t('profile.saved', { prefecture: save.data.prefectureName })} />}
        <Form
          form={form}
          name="profile"
          layout="vertical"
          onFinish={(v) => void onFinish(v)}
          initialValues={p ? { name: p.name, registeredAddress: p.registeredAddress, addressDivisionCode: p.addressDivisionCode } : BLANK}
        >
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
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </LoadState>
    </Card>
  );
}
