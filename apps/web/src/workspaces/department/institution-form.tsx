import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { parseUscc } from '@firstset/domain';
import { ProblemError } from '../../shared/api/client';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { showRefusalAt } from '../../features/review-panel/refusal';
import type { InstitutionDetail } from '../../features/review-panel/types';

export interface InstitutionValues {
  name: string;
  uscc: string;
  qualification: string;
  qualificationNo?: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  address?: string;
}

const blankToUndefined = (v: InstitutionValues): InstitutionValues => ({
  ...v,
  qualificationNo: v.qualificationNo?.trim() || undefined,
  contactEmail: v.contactEmail?.trim() || undefined,
  address: v.address?.trim() || undefined,
});

/**
 * Registers an institution or edits one (M8.1) in a dialog. The USCC is checked as the domain
 * checks it (length, alphabet; a wrong check character only warns), the server checks it again;
 * an edit carries the version it read, and a stale one reloads the record.
 */
export function InstitutionFormDialog({ open, editing, onClose }: { open: boolean; editing?: InstitutionDetail; onClose: () => void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<InstitutionValues>();
  const invalidate = useInvalidate();
  const done = { onSuccess: () => invalidate('/api/institutions', '/api/institutions/{id}') };
  const registering = $api.useMutation('post', '/api/institutions', done);
  const updating = $api.useMutation('put', '/api/institutions/{id}', done);
  const uscc = Form.useWatch('uscc', form);
  const checkWarning = uscc && parseUscc(uscc).valid && !parseUscc(uscc).checkCharacterOk;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        uscc: editing.uscc,
        qualification: editing.qualification,
        qualificationNo: editing.qualificationNo ?? undefined,
        contactName: editing.contactName,
        contactPhone: editing.contactPhone,
        contactEmail: editing.contactEmail ?? undefined,
        address: editing.address ?? undefined,
      });
    }
  }, [open, editing, form]);

  const submit = async (values: InstitutionValues) => {
    const body = blankToUndefined(values);
    try {
      const saved = editing
        ? await updating.mutateAsync({ params: { path: { id: editing.id } }, body: { ...body, version: editing.version } })
        : await registering.mutateAsync({ body });
      message.success(t(editing ? 'institutions.saved' : 'institutions.registered', { name: saved.name }));
      onClose();
    } catch (err) {
      if (err instanceof ProblemError && err.problem.code === 'STALE_VERSION') {
        message.warning(t('institutions.stale'));
        onClose();
        return;
      }
      if (err instanceof ProblemError && ['USCC_INVALID', 'USCC_TAKEN'].includes(err.problem.code)) {
        showRefusalAt(err, ['USCC_INVALID', 'USCC_TAKEN'], 'uscc', form, title, message);
        return;
      }
      showProblem(err, title, message, form);
    }
  };
  const required = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { label }) }];
  return (
    <Modal
      open={open}
      title={editing ? `${t('institutions.edit')}：${editing.name}` : t('institutions.register')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={registering.isPending || updating.isPending}
      destroyOnHidden
      width={640}
    >
      <Form form={form} name="institution" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('institutions.name')} rules={required(t('institutions.name'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t('institutions.uscc')}
          validateFirst
          rules={[
            ...required(t('institutions.uscc')),
            { validator: async (_, v?: string) => (v && !parseUscc(v).valid ? Promise.reject(new Error(t('institutions.uscc.invalid'))) : undefined) },
          ]}
          {...(checkWarning ? { help: t('institutions.uscc.checkWarning'), validateStatus: 'warning' as const } : {})}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="qualification" label={t('institutions.qualification')} extra={t('institutions.qualification.hint')} rules={required(t('institutions.qualification'))}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="qualificationNo" label={t('institutions.qualificationNo')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contactName" label={t('institutions.contactName')} rules={required(t('institutions.contactName'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('institutions.contactPhone')} rules={required(t('institutions.contactPhone'))}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="contactEmail" label={t('institutions.contactEmail')} rules={[{ type: 'email', message: t('institutions.email.invalid') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="address" label={t('institutions.address')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
