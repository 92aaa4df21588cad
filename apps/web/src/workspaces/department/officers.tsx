import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import type { OfficerAccount } from '../../shared/api/views';
import { useSession } from '../../shared/auth/session';
import { PREFECTURES, prefectureName } from '../../shared/ui/prefectures';
import { showProblem } from '../../shared/ui/problem-form';
import { LoadState } from '../../shared/ui/states';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';

interface CreateForm {
  prefectureId: string;
  username: string;
  displayName: string;
  password: string;
}

/** A new officer account: bound to one prefecture, with an initial password the officer must change. */
function CreateOfficer({ onCreated }: { onCreated(): void }) {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: CreateForm) => {
    setBusy(true);
    try {
      const created = await unwrap<OfficerAccount>(api.POST('/api/accounts/officers', { body: { ...v, username: v.username.trim(), displayName: v.displayName.trim() } }));
      message.success(t('officers.created', { username: created.username }));
      form.resetFields();
      onCreated();
    } catch (err) {
      showProblem(err, title, message, form);
    } finally {
      setBusy(false);
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
        <Button type="primary" htmlType="submit" loading={busy}>{t('officers.create.submit')}</Button>
      </Form>
    </Card>
  );
}

/**
 * Prefecture officers' accounts (issue 13 item 9): a prefecture may have several officers, so that
 * two-step approval has a drafter and an approver. The Department creates and disables them; the
 * auditor reads the list.
 */
export function OfficersPage() {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const { actor } = useSession();
  const editable = actor?.role === 'department_officer';
  const [prefectureId, setPrefectureId] = useState<string | undefined>();
  const officers = useLoad(() => unwrap<OfficerAccount[]>(api.GET('/api/accounts/officers', { params: { query: { prefectureId } } })), [prefectureId]);
  const toggle = async (o: OfficerAccount) => {
    try {
      const path = o.disabled ? '/api/accounts/officers/{id}/enable' : '/api/accounts/officers/{id}/disable';
      await unwrap(api.POST(path, { params: { path: { id: o.id } } }));
      officers.reload();
    } catch (err) {
      showProblem(err, title, message);
    }
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('officers.title')}</Typography.Title>
      {editable && <CreateOfficer onCreated={officers.reload} />}
      <Card
        title={t('officers.list')}
        extra={
          <Select
            allowClear
            placeholder={t('officers.filter')}
            style={{ width: 220 }}
            value={prefectureId}
            onChange={setPrefectureId}
            options={PREFECTURES.map((p) => ({ value: p.id, label: prefectureName(p.id, locale) }))}
            aria-label={t('officers.filter')}
          />
        }
      >
        <LoadState loading={officers.loading && !officers.data} error={officers.error} onRetry={officers.reload}>
          <Table<OfficerAccount>
            rowKey="id"
            dataSource={officers.data ?? []}
            pagination={false}
            columns={[
              { title: t('officers.prefecture'), dataIndex: 'prefectureId', render: (id: string) => prefectureName(id, locale) },
              { title: t('officers.username'), dataIndex: 'username' },
              { title: t('officers.displayName'), dataIndex: 'displayName' },
              {
                title: t('officers.state'),
                render: (_, o) => (
                  <Space>
                    {o.disabled ? <Tag color="red">{t('officers.disabled')}</Tag> : <Tag color="green">{t('officers.enabled')}</Tag>}
                    {o.mustChangePassword && <Tag>{t('officers.initialPassword')}</Tag>}
                  </Space>
                ),
              },
              ...(editable
                ? [{ title: t('officers.actions'), render: (_: unknown, o: OfficerAccount) => <Button size="small" danger={!o.disabled} onClick={() => void toggle(o)}>{o.disabled ? t('officers.enable') : t('officers.disable')}</Button> }]
                : []),
            ]}
          />
        </LoadState>
      </Card>
    </Space>
  );
}
