import { App, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { ProblemError } from '../../shared/api/client';
import { $api, useInvalidate } from '../../shared/api/query';
import { usePolicyProfiles } from '../../features/policy-profiles/policy-profiles';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { BeijingLabel, beijingIso, beijingToday } from '../../shared/ui/beijing-time';
import { PolicyProfileField, profileKey } from './policy-profile-field';

interface OpenForm {
  year: number;
  name: string;
  windowOpensAt: Dayjs;
  windowClosesAt: Dayjs;
  prefectureDeadline: Dayjs;
  /** `id@version` of the chosen policy profile (M15). */
  policyProfile: string;
}

const PICK_TIME = { format: 'HH:mm' };

/** The Department opens a year's batch: its application window, the prefectures' deadline and its policy profile. */
export function OpenBatchDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpenForm>();
  const invalidate = useInvalidate();
  const opening = $api.useMutation('post', '/api/batches', { onSuccess: () => invalidate('/api/batches') });
  const year = beijingToday().year();
  const profiles = usePolicyProfiles();
  const required = (label: string) => ({ required: true, message: t('common.required', { label }) });
  const onFinish = async (v: OpenForm) => {
    const profile = profiles.data?.find((p) => profileKey(p) === v.policyProfile);
    try {
      await opening.mutateAsync({
        body: {
          year: v.year,
          name: v.name.trim(),
          windowOpensAt: beijingIso(v.windowOpensAt),
          windowClosesAt: beijingIso(v.windowClosesAt),
          prefectureDeadline: v.prefectureDeadline.format('YYYY-MM-DD'),
          ...(profile ? { policyProfileId: profile.id, policyProfileVersion: profile.version } : {}),
        },
      });
      message.success(t('batch.opened'));
      form.resetFields();
      onClose();
    } catch (err) {
      // The server names policyProfileId or policyProfileVersion; the form has one field for both.
      if (err instanceof ProblemError) for (const e of err.problem.errors ?? []) if (e.field.startsWith('policyProfile')) e.field = 'policyProfile';
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal open={open} title={t('batch.open')} onOk={() => form.submit()} onCancel={onClose} okText={t('batch.open')} cancelText={t('common.cancel')} confirmLoading={opening.isPending} width={640}>
      <Form form={form} name="batch" layout="vertical" onFinish={onFinish} initialValues={{ year, name: t('batch.defaultName', { year }) }}>
        <Form.Item name="year" label={t('batch.year')} rules={[required(t('batch.year'))]}>
          <InputNumber min={2020} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="name" label={t('batch.name')} rules={[{ ...required(t('batch.name')), whitespace: true }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="windowOpensAt" label={<BeijingLabel label={t('batch.windowOpensAt')} />} rules={[required(t('batch.windowOpensAt'))]}>
            <DatePicker showTime={PICK_TIME} format="YYYY-MM-DD HH:mm" needConfirm={false} />
          </Form.Item>
          <Form.Item
            name="windowClosesAt"
            label={<BeijingLabel label={t('batch.windowClosesAt')} />}
            dependencies={['windowOpensAt']}
            rules={[
              required(t('batch.windowClosesAt')),
              ({ getFieldValue }) => ({
                validator: (_, v?: Dayjs) => {
                  const opens = getFieldValue('windowOpensAt') as Dayjs | undefined;
                  return !v || !opens || v.isAfter(opens) ? Promise.resolve() : Promise.reject(new Error(t('batch.windowOrder')));
                },
              }),
            ]}
          >
            <DatePicker showTime={PICK_TIME} format="YYYY-MM-DD HH:mm" needConfirm={false} />
          </Form.Item>
        </Space>
        <Form.Item name="prefectureDeadline" label={<BeijingLabel label={t('batch.prefectureDeadline')} />} rules={[required(t('batch.prefectureDeadline'))]}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <PolicyProfileField profiles={profiles.data} />
      </Form>
    </Modal>
  );
}
