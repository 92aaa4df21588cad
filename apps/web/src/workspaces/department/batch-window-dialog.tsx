import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { $api, useInvalidate } from '../../shared/api/query';
import type { Batch } from '../../shared/api/views';
import { showProblem } from '../../shared/ui/problem-form';
import { useI18n } from '../../shared/i18n/i18n';
import { BeijingLabel, beijingIso, beijingPickerValue, formatBeijing } from '../../shared/ui/beijing-time';

export type WindowChange = 'extend' | 'close';

interface ChangeForm {
  windowClosesAt?: Dayjs;
  prefectureDeadline?: Dayjs;
  reason: string;
}

/**
 * The Department extends a batch's application window or closes it early (M7.1), always with a
 * recorded reason; an extension past the prefectures' deadline moves that deadline too.
 */
export function BatchWindowDialog({ batch, change, onClose }: { batch: Batch; change: WindowChange; onClose(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeForm>();
  const invalidate = useInvalidate();
  // The window and the prefectures' deadline show on the batch list, the batch selects and the progress page.
  const changed = { onSuccess: () => invalidate('/api/batches', '/api/preliminary-review/progress/{batchId}') };
  const extending = $api.useMutation('post', '/api/batches/{id}/extend-window', changed);
  const closing = $api.useMutation('post', '/api/batches/{id}/close-window', changed);
  const currentClose = beijingPickerValue(batch.windowClosesAt);
  const onFinish = async (v: ChangeForm) => {
    try {
      const params = { path: { id: batch.id } };
      if (change === 'extend') {
        await extending.mutateAsync({
          params,
          body: {
            windowClosesAt: beijingIso(v.windowClosesAt!),
            ...(v.prefectureDeadline ? { prefectureDeadline: v.prefectureDeadline.format('YYYY-MM-DD') } : {}),
            reason: v.reason.trim(),
          },
        });
      } else {
        await closing.mutateAsync({ params, body: { reason: v.reason.trim() } });
      }
      message.success(t(change === 'extend' ? 'batch.window.extended' : 'batch.window.closed'));
      onClose();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const heading = t(change === 'extend' ? 'batch.window.extend' : 'batch.window.close');
  return (
    <Modal open title={heading} onOk={() => form.submit()} onCancel={onClose} okText={heading} cancelText={t('common.cancel')} confirmLoading={extending.isPending || closing.isPending} okButtonProps={{ danger: change === 'close' }} width={560}>
      <Typography.Paragraph type="secondary">
        {t('batch.window.current', { name: batch.name, close: formatBeijing(batch.windowClosesAt), deadline: batch.prefectureDeadline })}
      </Typography.Paragraph>
      <Form form={form} name={`batch-${change}`} layout="vertical" onFinish={onFinish}>
        {change === 'extend' && (
          <>
            <Form.Item
              name="windowClosesAt"
              label={<BeijingLabel label={t('batch.window.newClose')} />}
              rules={[
                { required: true, message: t('common.required', { label: t('batch.window.newClose') }) },
                { validator: (_, v?: Dayjs) => (!v || v.isAfter(currentClose) ? Promise.resolve() : Promise.reject(new Error(t('batch.window.laterThanCurrent')))) },
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" needConfirm={false} />
            </Form.Item>
            <Form.Item name="prefectureDeadline" label={<BeijingLabel label={t('batch.window.newDeadline')} />} extra={t('batch.window.newDeadline.hint')}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
          </>
        )}
        {change === 'close' && <Typography.Paragraph type="warning">{t('batch.window.close.warning')}</Typography.Paragraph>}
        <Form.Item name="reason" label={t('batch.window.reason')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('batch.window.reason') }) }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
