import { App, Form, Input, Modal, Typography } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import type { PoolExpert } from '../../features/expert-pool/types';

interface AccountForm {
  username: string;
  password: string;
}

/** The institution issues an expert of its pool a sign-in account, with an initial password the expert changes at the first sign-in. */
export function IssueAccountDialog({ expert, onClose }: { expert: PoolExpert; onClose(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountForm>();
  const invalidate = useInvalidate();
  const issuing = $api.useMutation('post', '/api/expert-pool/experts/{id}/account', { onSuccess: () => invalidate('/api/expert-pool/experts', '/api/expert-pool/experts/{id}') });
  const onFinish = async (v: AccountForm) => {
    try {
      const done = await issuing.mutateAsync({ params: { path: { id: expert.id } }, body: { username: v.username.trim(), password: v.password } });
      message.success(t('pool.account.issued', { username: done.accountUsername ?? v.username }));
      onClose();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const required = (label: string) => ({ required: true, message: t('common.required', { label }) });
  return (
    <Modal open title={t('pool.account.title', { name: expert.name })} okText={t('pool.account.submit')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={issuing.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('pool.account.help')}</Typography.Paragraph>
      <Form form={form} name="issue-account" layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="username" label={t('officers.username')} extra={t('officers.username.help')} rules={[required(t('officers.username'))]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('officers.password')} extra={t('account.password.policy')} rules={[required(t('officers.password'))]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
