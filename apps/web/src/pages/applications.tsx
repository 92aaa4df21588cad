import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { Application, Batch } from '../api/views';
import { showProblem } from '../components/problem-form';
import { LoadState } from '../components/states';
import { useLoad } from '../components/use-load';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router';

export const PRODUCT_KINDS = ['FIRST_SET_EQUIPMENT', 'FIRST_BATCH_COMPONENT', 'FIRST_BATCH_MATERIAL'] as const;

interface CreateForm {
  batchId: string;
  productKind: (typeof PRODUCT_KINDS)[number];
  productName: string;
  series: string;
  model: string;
  rdCompletedOn: Dayjs;
}

function CreateDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, tk, title } = useI18n();
  const { message } = App.useApp();
  const { navigate } = useRouter();
  const [form] = Form.useForm<CreateForm>();
  const [busy, setBusy] = useState(false);
  const batches = useLoad(() => unwrap<Batch[]>(api.GET('/api/batches')), []);
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { label }) });
  const onFinish = async (v: CreateForm) => {
    setBusy(true);
    try {
      const created = await unwrap<Application>(
        api.POST('/api/applications', { body: { ...v, rdCompletedOn: v.rdCompletedOn.format('YYYY-MM-DD') } }),
      );
      message.success(t('application.created'));
      onClose();
      navigate(`/enterprise/applications/${created.id}`);
    } catch (err) {
      showProblem(err, title, message, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('application.create.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} name="application" layout="vertical" onFinish={onFinish} initialValues={{ productKind: 'FIRST_SET_EQUIPMENT' }}>
        <Form.Item name="batchId" label={t('batch.select')} rules={[{ required: true, message: t('batch.select.placeholder') }]} extra={!batches.loading && !batches.data?.length ? t('application.noBatch') : undefined}>
          <Select
           
            loading={batches.loading}
            placeholder={t('batch.select.placeholder')}
            options={(batches.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Form.Item name="productKind" label={t('application.productKind')} rules={[{ required: true }]}>
          <Select options={PRODUCT_KINDS.map((k) => ({ value: k, label: tk('productKind', k) }))} />
        </Form.Item>
        <Form.Item name="productName" label={t('application.productName')} rules={[required(t('application.productName')), { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="series" label={t('application.series')} rules={[required(t('application.series')), { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="model" label={t('application.model')} rules={[required(t('application.model')), { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="rdCompletedOn" label={t('application.rdCompletedOn')} rules={[{ required: true, message: t('common.required', { label: t('application.rdCompletedOn') }) }]}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ApplicationsPage() {
  const { t, tk } = useI18n();
  const { navigate } = useRouter();
  const [creating, setCreating] = useState(false);
  const list = useLoad(() => unwrap<Application[]>(api.GET('/api/applications')), []);
  return (
    <Card title={t('application.list.title')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('application.create')}</Button>}>
      <LoadState loading={list.loading} error={list.error} empty={!list.data?.length} emptyText={t('application.empty')} onRetry={list.reload}>
        <Table<Application>
          rowKey="id"
          dataSource={list.data}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('application.no'), dataIndex: 'applicationNo' },
            { title: t('application.productName'), dataIndex: 'productName' },
            { title: t('application.model'), dataIndex: 'model' },
            { title: t('application.productKind'), render: (_, a) => tk('productKind', a.productKind) },
            { title: t('application.state'), render: (_, a) => <Tag>{tk('state', a.state, a.stateLabel.zh)}</Tag> },
            { title: t('common.actions'), render: (_, a) => <Button type="link" onClick={() => navigate(`/enterprise/applications/${a.id}`)}>{t('common.view')}</Button> },
          ]}
        />
      </LoadState>
      <CreateDialog open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
