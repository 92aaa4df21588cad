import { Alert, App, Checkbox, Form, Input, Modal, Radio, theme, Typography } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import { showProblem } from '../../shared/ui/problem-form';
import { useI18n } from '../../shared/i18n/i18n';
import type { AssignmentView, ReviewRules } from '../../features/review-panel/types';

interface UndertakingForm {
  conflict: 'none' | 'declared';
  conflictReason?: string;
  confirmed: boolean;
}

/** Accepting (or declaring a conflict) changes the expert's lists, the case and the institution's view. */
export function useReviewInvalidate() {
  const invalidate = useInvalidate();
  return () => invalidate('/api/reviews/search', '/api/reviews', '/api/reviews/{id}/case');
}

/**
 * The undertaking of the case's policy profile, in full with its version (M11.1), and the
 * expert's answer for this application: no undisclosed conflict, or a conflict declared with its
 * reason (which recuses them instead). Signing needs the explicit tick; the version shown is the
 * one sent, so an undertaking changed meanwhile is refused and shown again.
 */
export function UndertakingDialog({ applicationId, applicationNo, rules, onClose, onDone }: {
  applicationId: string;
  applicationNo: string;
  rules: ReviewRules;
  onClose(): void;
  onDone(a: AssignmentView): void;
}) {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<UndertakingForm>();
  const conflict = Form.useWatch('conflict', form);
  const changed = useReviewInvalidate();
  const accept = $api.useMutation('post', '/api/reviews/{id}/accept', { onSuccess: changed });
  const u = rules.undertaking;
  const onFinish = async (v: UndertakingForm) => {
    try {
      const body = v.conflict === 'declared'
        ? { undertakingVersion: u.version, conflict: 'declared' as const, conflictReason: v.conflictReason?.trim() }
        : { undertakingVersion: u.version, conflict: 'none' as const };
      const a = await accept.mutateAsync({ params: { path: { id: applicationId } }, body });
      message.success(t(v.conflict === 'declared' ? 'scoring.undertaking.declared' : 'scoring.undertaking.accepted'));
      onDone(a);
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal
      open
      width={760}
      title={t('scoring.undertaking.title')}
      okText={conflict === 'declared' ? t('scoring.undertaking.declare') : t('scoring.undertaking.sign')}
      okButtonProps={{ danger: conflict === 'declared' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={accept.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('scoring.undertaking.lead', { no: applicationNo })}</Typography.Paragraph>
      <section aria-label={t('scoring.undertaking.title')} data-testid="undertaking-text" style={{ background: token.colorFillQuaternary, padding: token.paddingSM, borderRadius: token.borderRadius }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{locale === 'en' ? u.textEn : u.textZh}</Typography.Paragraph>
        <Typography.Text type="secondary" data-testid="undertaking-version">{t('scoring.undertaking.version', { version: u.version })}</Typography.Text>
      </section>
      <Form form={form} name="undertaking" layout="vertical" onFinish={onFinish} initialValues={{ conflict: undefined, confirmed: false }} style={{ marginTop: token.marginMD }}>
        <Form.Item
          name="conflict"
          label={t('scoring.conflict.label')}
          rules={[{ required: true, message: t('scoring.conflict.required') }]}
        >
          <Radio.Group
            options={[
              { value: 'none', label: t('scoring.conflict.none') },
              { value: 'declared', label: t('scoring.conflict.declared') },
            ]}
          />
        </Form.Item>
        {conflict === 'declared' && (
          <>
            <Alert type="warning" showIcon title={t('scoring.conflict.declared.effect')} style={{ marginBottom: token.marginSM }} />
            <Form.Item
              name="conflictReason"
              label={t('scoring.conflict.reason')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { label: t('scoring.conflict.reason') }) },
                { max: 1000, message: t('scoring.max', { max: 1000 }) },
              ]}
            >
              <Input.TextArea rows={3} placeholder={t('scoring.conflict.reason.placeholder')} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="confirmed"
          valuePropName="checked"
          rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('scoring.undertaking.required')))) }]}
        >
          <Checkbox>{t('scoring.undertaking.confirm')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
