import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { showProblem } from '../../../shared/ui/problem-form';
import { PRODUCT_KINDS, ProductKind } from '../../../shared/ui/product-kinds';

interface CreateForm {
  batchId: string;
  productKind: ProductKind;
  productName: string;
  series: string;
  model: string;
  rdCompletedOn: Dayjs;
}

/** A new application (a draft) in an open batch; it opens on its detail page. */
export function CreateApplicationDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, tk, title } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<CreateForm>();
  const batches = $api.useQuery('get', '/api/batches', {}, { enabled: open });
  const create = $api.useMutation('post', '/api/applications', { onSuccess: () => invalidate('/api/applications') });
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { label }) });
  const onFinish = async (v: CreateForm) => {
    try {
      const created = await create.mutateAsync({ body: { ...v, rdCompletedOn: v.rdCompletedOn.format('YYYY-MM-DD') } });
      message.success(t('application.created'));
      onClose();
      await navigate(`/enterprise/applications/${created.id}`);
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const noBatch = batches.isSuccess && batches.data.length === 0;
  return (
    <Modal
      open={open}
      title={t('application.create.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={640}
    >
      <Form form={form} name="application" layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ productKind: 'FIRST_SET_EQUIPMENT' }}>
        <Form.Item name="batchId" label={t('batch.select')} rules={[{ required: true, message: t('batch.select.placeholder') }]} extra={noBatch ? t('application.noBatch') : undefined}>
          <Select loading={batches.isPending} placeholder={t('batch.select.placeholder')} options={(batches.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
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
