import { App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../shared/api/client';
import type { ReviewCase } from '../../../shared/api/views';
import { showProblem } from '../../../shared/ui/problem-form';
import { useI18n } from '../../../shared/i18n/i18n';

export interface Officer {
  userId: string;
  displayName: string | null;
}

/** Assigns the case to an officer of the own prefecture (the server refuses anyone else). */
export function AssignDialog({ applicationId, officers, current, onClose, onAssigned }: {
  applicationId: string;
  officers: Officer[];
  current: string | null;
  onClose(): void;
  onAssigned(result: ReviewCase): void;
}) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assigneeId: string }>();
  const [busy, setBusy] = useState(false);
  const onFinish = async ({ assigneeId }: { assigneeId: string }) => {
    setBusy(true);
    try {
      const result = await unwrap<ReviewCase>(
        api.POST('/api/preliminary-review/applications/{id}/assign', { params: { path: { id: applicationId } }, body: { assigneeId } }),
      );
      message.success(t('review.assign.done'));
      onAssigned(result);
    } catch (err) {
      showProblem(err, title, message, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('review.assign')} onOk={() => form.submit()} onCancel={onClose} okText={t('review.assign')} cancelText={t('common.cancel')} confirmLoading={busy}>
      <Typography.Paragraph type="secondary">{t('review.assign.help')}</Typography.Paragraph>
      <Form form={form} name="assign" layout="vertical" onFinish={onFinish} initialValues={{ assigneeId: current ?? undefined }}>
        <Form.Item name="assigneeId" label={t('review.assign.to')} rules={[{ required: true, message: t('review.assign.required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('review.assign.placeholder')}
            options={officers.map((o) => ({ value: o.userId, label: o.displayName ?? o.userId }))}
            notFoundContent={t('review.assign.none')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
