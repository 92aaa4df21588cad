import { App } from 'antd';
import { $api, useInvalidate } from '../../../shared/api/query';
import type { ApplicationDraft } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { showProblem } from '../../../shared/ui/problem-form';
import type { SaveOutcome } from './use-autosave';

/**
 * Submitting (a draft) or resubmitting (after a return, M7.3) with the pledge signed (M10.1), once
 * every change is saved. `submitted` is the server's answer, for the receipt.
 */
export function useSubmission(application: ApplicationDraft, flush: () => Promise<SaveOutcome>, recheck: () => void) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const done = () => invalidate('/api/applications/{id}', '/api/applications', '/api/applications/{id}/materials', '/api/applications/{id}/versions');
  const submitM = $api.useMutation('post', '/api/applications/{id}/submit', { onSuccess: done });
  const resubmitM = $api.useMutation('post', '/api/applications/{id}/resubmit', { onSuccess: done });
  const command = application.state === 'RETURNED_FOR_CORRECTION' ? resubmitM : submitM;

  const submit = async (pledgeVersion: string) => {
    const saved = await flush();
    if (saved.kind !== 'ok') {
      message.warning(t('form.check.unsaved'));
      return;
    }
    try {
      await command.mutateAsync({ params: { path: { id: application.id } }, body: { pledgeVersion } });
      message.success(t('application.submitted'));
    } catch (err) {
      showProblem(err, title, message);
      recheck();
    }
  };

  const submitted: ApplicationDraft | undefined = submitM.data ?? resubmitM.data;
  return { submit, submitting: command.isPending, submitted };
}
