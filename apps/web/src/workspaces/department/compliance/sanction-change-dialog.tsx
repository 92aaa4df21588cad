import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { SANCTION_CHANGES, sanctionStatusAt, type LocalDate, type SanctionEventKind } from '@firstset/domain';
import { $api } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { beijingToday } from '../../../shared/ui/beijing-time';
import type { SanctionRecord } from '../../../features/compliance/types';
import { useConfirmedSend } from '../../../features/compliance/use-confirmed-send';

interface ChangeValues {
  change: Exclude<SanctionEventKind, 'imposed'>;
  on: Dayjs;
  reason: string;
}

/** Records a change in a sanction's history: the changes its status today allows, effective on a day not after today. */
export function SanctionChangeDialog({ s, onClose }: { s: SanctionRecord; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ChangeValues>();
  const changing = $api.useMutation('post', '/api/sanctions/{id}/changes');
  const confirmed = useConfirmedSend();
  const today = beijingToday();
  const status = sanctionStatusAt({ from: s.from as LocalDate, until: s.until as LocalDate | null, history: s.history.map((h) => ({ kind: h.kind, on: h.on as LocalDate })) }, today.format('YYYY-MM-DD') as LocalDate);
  const allowed = SANCTION_CHANGES[status].filter((k): k is ChangeValues['change'] => k !== 'imposed');
  const send = confirmed(form, t('sanctions.change.confirm'), async (v: ChangeValues) => {
    await changing.mutateAsync({ params: { path: { id: s.id } }, body: { expectedVersion: s.version, change: v.change, on: v.on.format('YYYY-MM-DD'), reason: v.reason } });
    onClose();
  });
  return (
    <Modal open title={`${t('sanctions.change')} · ${s.subjectName}`} okText={t('common.confirm')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} name="change-sanction" layout="vertical" onFinish={send} initialValues={{ change: allowed[0], on: today }}>
        <Form.Item name="change" label={t('sanctions.change.kind')}>
          <Select options={allowed.map((k) => ({ value: k, label: t(`sanctions.event.${k}`) }))} />
        </Form.Item>
        <Form.Item name="on" label={t('sanctions.change.on')} rules={[{ required: true, message: t('common.required', { label: t('sanctions.change.on') }) }]}>
          <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} />
        </Form.Item>
        <Form.Item name="reason" label={t('sanctions.change.reason')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('sanctions.change.reason') }) }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
