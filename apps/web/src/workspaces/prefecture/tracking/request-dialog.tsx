import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { beijingToday } from '../../../shared/ui/beijing-time';
import { showProblem } from '../../../shared/ui/problem-form';
import { TRACKING_READS, type TrackableRecognition } from '../../../features/tracking/types';

/** The earliest due date the service accepts: seven days after today, China time (ADR 0026). */
const MIN_DAYS = 7;

/** Asks the enterprise of a recognized product for the year's report, with a due date and what to report. */
export function RequestDialog({ r, year, onClose }: { r: TrackableRecognition; year: number; onClose(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<{ dueOn: Dayjs; note: string }>();
  const requesting = $api.useMutation('post', '/api/tracking-evaluations');
  const earliest = beijingToday().add(MIN_DAYS, 'day');
  const submit = async (v: { dueOn: Dayjs; note: string }) => {
    try {
      await requesting.mutateAsync({ body: { recognitionId: r.recognitionId, year, dueOn: v.dueOn.format('YYYY-MM-DD'), note: v.note } });
      message.success(t('tracking.requested'));
      await invalidate(...TRACKING_READS);
      onClose();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal
      open
      title={t('tracking.request.title', { year, product: `${r.productName} ${r.model}` })}
      okText={t('tracking.request')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={requesting.isPending}
      destroyOnHidden
    >
      <Form form={form} name="request-tracking" layout="vertical" onFinish={submit} initialValues={{ dueOn: beijingToday().add(30, 'day'), note: t('tracking.request.note.default') }}>
        <Form.Item name="dueOn" label={t('tracking.dueOn')} extra={t('tracking.request.dueOn.help')} rules={[{ required: true, message: t('common.required', { label: t('tracking.dueOn') }) }]}>
          <DatePicker disabledDate={(d) => d.isBefore(earliest, 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('tracking.note')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('tracking.note') }) }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
