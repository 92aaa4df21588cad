import { ProColumns, ProTable } from '@ant-design/pro-components';
import { ApplicationState } from '@firstset/domain';
import { App, Button, DatePicker, Form, Input, Modal, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import type { Application, ApplicationPage, Batch, QueryOf } from '../../shared/api/views';
import { showProblem } from '../../shared/ui/problem-form';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import { useNavigate } from 'react-router';

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
  const navigate = useNavigate();
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

/** The own applications, paged, searched and filtered on the server, newest first. */
export function ApplicationsPage() {
  const { t, tk, title } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const columns: ProColumns<Application>[] = [
    { title: t('queue.search'), dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: t('application.search.placeholder') } },
    {
      title: t('application.no'),
      dataIndex: 'applicationNo',
      search: false,
      render: (_, a) => (
        <a href={`/enterprise/applications/${a.id}`} onClick={(e) => { e.preventDefault(); navigate(`/enterprise/applications/${a.id}`); }}>
          {a.applicationNo}
        </a>
      ),
    },
    { title: t('application.productName'), dataIndex: 'productName', search: false },
    { title: t('application.model'), dataIndex: 'model', search: false },
    { title: t('application.productKind'), search: false, render: (_, a) => tk('productKind', a.productKind) },
    {
      title: t('application.state'),
      dataIndex: 'state',
      valueType: 'select',
      valueEnum: Object.fromEntries(Object.values(ApplicationState).map((s) => [s, { text: tk('state', s) }])),
      render: (_, a) => <Tag>{tk('state', a.state, a.stateLabel.zh)}</Tag>,
    },
    { title: t('common.actions'), search: false, render: (_, a) => <Button type="link" onClick={() => navigate(`/enterprise/applications/${a.id}`)}>{t('common.view')}</Button> },
  ];
  return (
    <>
      <ProTable<Application, { search?: string; state?: string }>
        headerTitle={t('application.list.title')}
        rowKey="id"
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto', searchText: t('common.search'), resetText: t('common.reset') }}
        options={{ reload: true, density: false, setting: false }}
        locale={{ emptyText: t('application.empty') }}
        toolBarRender={() => [<Button key="create" type="primary" onClick={() => setCreating(true)}>{t('application.create')}</Button>]}
        request={async (params) => {
          try {
            const query: QueryOf<'/api/applications'> = { page: params.current, pageSize: params.pageSize, search: params.search?.trim() || undefined, state: params.state };
            const page = await unwrap<ApplicationPage>(api.GET('/api/applications', { params: { query } }));
            return { data: page.items, total: page.total, success: true };
          } catch (err) {
            showProblem(err, title, message);
            return { data: [], total: 0, success: false };
          }
        }}
      />
      <CreateDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
