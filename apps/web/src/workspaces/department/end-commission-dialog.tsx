import { App, Alert, Form, Input, Modal } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showRefusalAt } from '../../features/review-panel/refusal';
import type { CommissionRowView } from '../../features/review-panel/types';
import { InstitutionSelect } from './commission-form';
import { useScopeText } from './commission-scope';

interface Values {
  reason: string;
  replacementInstitutionId?: string;
}

/**
 * Ends a commission with a reason (M8.1) and, optionally, commissions another institution for the
 * same scope in the same step: the cases under review move to it; without one they wait.
 */
export function EndCommissionDialog({ commission, onClose }: { commission: CommissionRowView | null; onClose: () => void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const scopeText = useScopeText();
  const invalidate = useInvalidate();
  const ending = $api.useMutation('post', '/api/commissions/{id}/end', {
    onSuccess: () => invalidate('/api/commissions', '/api/reviews', '/api/reviews/search', '/api/institutions', '/api/institutions/{id}'),
  });
  const submit = async (v: Values) => {
    if (!commission) return;
    try {
      const r = await ending.mutateAsync({
        params: { path: { id: commission.id } },
        body: { reason: v.reason.trim(), ...(v.replacementInstitutionId ? { replacementInstitutionId: v.replacementInstitutionId } : {}) },
      });
      message.success(t('commissions.end.done', { moved: r.movedApplicationIds.length, waiting: r.waitingApplicationIds.length }));
      form.resetFields();
      onClose();
    } catch (err) {
      showRefusalAt(err, ['INSTITUTION_BANNED', 'INSTITUTION_WORK_SUSPENDED', 'SCOPE_OVERLAP', 'REPLACEMENT_SAME_INSTITUTION'], 'replacementInstitutionId', form, title, message);
    }
  };
  return (
    <Modal
      open={commission !== null}
      title={commission ? t('commissions.end.title', { name: commission.institutionName }) : ''}
      okText={t('commissions.end.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={ending.isPending}
      destroyOnHidden
    >
      {commission && (
        <Form form={form} name="end-commission" layout="vertical" onFinish={(v) => void submit(v)}>
          <Alert type="warning" showIcon title={t('commissions.end.warning')} style={{ marginBottom: 16 }} />
          <Form.Item label={t('scope.label')}>{scopeText(commission)}</Form.Item>
          <Form.Item
            name="reason"
            label={t('commissions.end.reason')}
            rules={[{ required: true, whitespace: true, message: t('commissions.end.reason.required') }, { max: 500 }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          <Form.Item name="replacementInstitutionId" label={t('commissions.end.replacement')} extra={t('commissions.end.replacement.hint')}>
            <InstitutionSelect exclude={commission.institutionId} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
