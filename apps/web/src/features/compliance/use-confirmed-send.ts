import { App, Form } from 'antd';
import { useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';

/** A compliance form that asks for confirmation, then sends; a refusal lands at its fields. */
export function useConfirmedSend() {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate();
  return <V>(form: ReturnType<typeof Form.useForm<V>>[0], confirm: string, send: (v: V) => Promise<unknown>, done = t('compliance.saved')) =>
    (v: V) =>
      modal.confirm({
        title: confirm,
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: async () => {
          try {
            await send(v);
            message.success(done);
            form.resetFields();
            await invalidate('/api/compliance-cases', '/api/compliance-cases/{id}', '/api/sanctions', '/api/public/sanctions');
          } catch (err) {
            showProblem(err, title, message, form);
          }
        },
      });
}
