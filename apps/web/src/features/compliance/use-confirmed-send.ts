import { App, Form } from 'antd';
import { useInvalidate, type GetPath } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';

const CASE_READS: GetPath[] = ['/api/compliance-cases', '/api/compliance-cases/{id}', '/api/sanctions', '/api/public/sanctions'];

/**
 * A compliance form that asks for confirmation, then sends and refreshes what it changed (the
 * cases and sanctions unless told); a refusal lands at its fields.
 */
export function useConfirmedSend(reads: GetPath[] = CASE_READS) {
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
            await invalidate(...reads);
          } catch (err) {
            showProblem(err, title, message, form);
          }
        },
      });
}
