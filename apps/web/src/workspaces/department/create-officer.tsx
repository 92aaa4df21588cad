import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { PREFECTURES, prefectureName } from '../../shared/ui/prefectures';
import { showProblem } from '../../shared/ui/problem-form';

interface CreateForm {
  prefectureId: string;
  username: string;
  displayName: string;
  password: string;
}

/** A new officer account: bound to one prefecture, with an initial password the officer must change. */
export function CreateOfficer() {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const invalidate = useInvalidate();
  // The Department's list and the prefecture's own list of its officers (drafter and approver).
  const creating = $api.useMutation('post', '/api/accounts/officers', { onSuccess: () => invalidate('/api/accounts/officers', '/api/preliminary-review/officers') });
  const onFinish = async (v: CreateForm) => {
    try {
      const created = await creating.mutateAsync({ body: { ...v, username: v.username.trim(), displayName: v.displayName.trim() } });
      message.success(t('officers.created', { username: created.username }));
      form.resetFields();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const required = (label: string) => ({ required: true, message: t('common.required', { label }) });
  return (
    <Card title={t('officers.create')}>
      <Typography.Paragraph type="secondary">{t('officers.create.help')}</Typography.Paragraph>
      <Form form={form} name="create-officer" layout="vertical" onFinish={onFinish} style={{ maxWidth: 480 }} requiredMark={false}>
        <Form.Item name="prefectureId" label={t('officers.prefecture')} rules={[required(t('officers.prefecture'))]}>
          <Select showSearch optionFilterProp="label" options={PREFECTURES.map((p) => ({ value: p.id, label: `${prefectureName(p.id, locale)}（${p.id}）` }))} />
        </Form.Item>
        <Form.Item name="username" label={t('officers.username')} extra={t('officers.username.help')} rules={[required(t('officers.username'))]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('officers.displayName')} rules={[required(t('officers.displayName'))]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="password" label={t('officers.password')} extra={t('account.password.policy')} rules={[required(t('officers.password'))]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={creating.isPending}>{t('officers.create.submit')}</Button>
      </Form>
    </Card>
  );
}
