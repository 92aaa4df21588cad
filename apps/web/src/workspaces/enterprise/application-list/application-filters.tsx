import { ApplicationState } from '@firstset/domain';
import { Button, Form, Input, Select, Space } from 'antd';
import { useI18n } from '../../../shared/i18n/i18n';

export interface Filters {
  search?: string;
  state?: string;
}

/** The list's keyword and state filters; what they hold comes from the URL (the page keys this form by it). */
export function ApplicationFilters({ value, onChange }: { value: Filters; onChange(next: Filters): void }) {
  const { t, tk } = useI18n();
  const [form] = Form.useForm<Filters>();
  return (
    <Form
      form={form}
      name="applicationFilters"
      layout="inline"
      initialValues={value}
      onFinish={(v) => onChange({ search: v.search?.trim() || undefined, state: v.state || undefined })}
    >
      <Form.Item name="search" label={t('queue.search')}>
        <Input allowClear placeholder={t('application.search.placeholder')} style={{ width: 280 }} />
      </Form.Item>
      <Form.Item name="state" label={t('application.state')}>
        <Select allowClear style={{ width: 200 }} options={Object.values(ApplicationState).map((s) => ({ value: s, label: tk('state', s) }))} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue({ search: undefined, state: undefined });
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
