import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table, theme } from 'antd';
import type { Dayjs } from 'dayjs';
import { $api } from '../../../shared/api/query';
import type { components } from '../../../shared/api/generated/schema';
import type { FormalReviewSheet, VerificationAction } from '../../../shared/api/views';
import { showProblem } from '../../../shared/ui/problem-form';
import { useI18n } from '../../../shared/i18n/i18n';
import { formatBeijing, beijingToday } from '../../../shared/ui/beijing-time';

interface VerificationForm {
  kind?: components['schemas']['RecordVerificationV1']['kind'];
  performedOn?: Dayjs;
  note?: string;
}

const KINDS = ['ORIGINALS_CHECKED', 'SITE_VISIT'] as const;

/** Verification actions of M12.1 (originals checked, site visit): recorded with the date and a note. */
export function Verifications({ applicationId, actions, editable, onSaved }: { applicationId: string; actions: VerificationAction[]; editable: boolean; onSaved(sheet: FormalReviewSheet): void }) {
  const { t, tk, title } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<VerificationForm>();
  const recordIt = $api.useMutation('post', '/api/preliminary-review/applications/{id}/verifications');
  const record = async (v: VerificationForm) => {
    try {
      const body = { kind: v.kind!, performedOn: v.performedOn!.format('YYYY-MM-DD'), note: (v.note ?? '').trim() };
      const sheet = await recordIt.mutateAsync({ params: { path: { id: applicationId } }, body });
      message.success(t('review.verification.saved'));
      form.resetFields();
      onSaved(sheet);
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Card title={t('review.verification.title')}>
      <Table<VerificationAction>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={actions}
        locale={{ emptyText: t('review.verification.empty') }}
        columns={[
          { title: t('review.verification.kind'), render: (_, a) => tk('review.verification.kind', a.kind) },
          { title: t('review.verification.performedOn'), dataIndex: 'performedOn' },
          { title: t('review.verification.note'), dataIndex: 'note' },
          { title: t('review.verification.recordedAt'), render: (_, a) => formatBeijing(a.recordedAt) },
        ]}
        style={{ marginBottom: editable ? token.margin : 0 }}
      />
      {editable && (
        <Form form={form} name="verification" layout="vertical" onFinish={record} initialValues={{ kind: 'ORIGINALS_CHECKED', performedOn: beijingToday() }}>
          <Space wrap align="start">
            <Form.Item name="kind" label={t('review.verification.kind')} rules={[{ required: true, message: t('review.verification.kind.required') }]}>
              <Select style={{ width: 180 }} options={KINDS.map((k) => ({ value: k, label: tk('review.verification.kind', k) }))} />
            </Form.Item>
            <Form.Item name="performedOn" label={t('review.verification.performedOn')} rules={[{ required: true, message: t('review.verification.performedOn.required') }]}>
              <DatePicker style={{ width: 160 }} disabledDate={(d) => d.isAfter(beijingToday(), 'day')} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('review.verification.note')} rules={[{ required: true, whitespace: true, message: t('review.verification.note.required') }, { max: 2000 }]}>
            <Input.TextArea rows={2} placeholder={t('review.verification.note.placeholder')} />
          </Form.Item>
          <Button htmlType="submit" loading={recordIt.isPending}>{t('review.verification.record')}</Button>
        </Form>
      )}
    </Card>
  );
}
