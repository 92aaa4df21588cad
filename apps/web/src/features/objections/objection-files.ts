import { App } from 'antd';
import { api, ProblemError, unwrap } from '../../shared/api/client';
import { useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { saveBlob } from '../../shared/ui/save-file';
import { progressFetch } from '../../workspaces/enterprise/application-form/upload';
import { EVIDENCE_MAX_BYTES } from './evidence-upload';
import type { PartyInquiry } from './types';

/** At most this many files to an answer (checked again by the gateway, as the size and the type by content). */
export const ANSWER_MAX_FILES = 5;

/** One file for the answer to an inquiry, streamed as the body, before the answer is sent. */
export function uploadAnswerFile(inquiryId: string, file: File): Promise<PartyInquiry> {
  return unwrap<PartyInquiry>(
    api.POST('/api/objection-inquiries/{id}/attachments', {
      params: { path: { id: inquiryId }, header: { 'X-File-Name': encodeURIComponent(file.name) } },
      headers: { 'Content-Type': 'application/octet-stream' },
      fetch: progressFetch(file, () => undefined),
    }),
  );
}

/** Upload with feedback: a file over 20 MiB is refused here, a refusal shows its problem title. */
export function useAnswerFileUpload() {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  return async (inquiryId: string, file: File) => {
    if (file.size > EVIDENCE_MAX_BYTES) return void message.error(t('inquiries.files.tooLarge', { name: file.name }));
    try {
      await uploadAnswerFile(inquiryId, file);
      message.success(t('inquiries.files.uploaded', { name: file.name }));
      await invalidate('/api/objection-inquiries');
    } catch (err) {
      message.error(title(err instanceof ProblemError ? err.problem.title : String(err)));
    }
  };
}

/** Downloads an objection's evidence or an answer's file (the Department only; audited by publicity). */
export function useObjectionFileDownload() {
  const { title } = useI18n();
  const { message } = App.useApp();
  return async (objectionId: string, file: { sha256: string; fileName: string }, inquiryId?: string) => {
    try {
      const blob = await unwrap<Blob>(
        inquiryId
          ? api.GET('/api/objections/{id}/inquiries/{inquiryId}/files/{sha256}', { params: { path: { id: objectionId, inquiryId, sha256: file.sha256 } }, parseAs: 'blob' })
          : api.GET('/api/objections/{id}/files/{sha256}', { params: { path: { id: objectionId, sha256: file.sha256 } }, parseAs: 'blob' }),
      );
      saveBlob(blob, file.fileName);
    } catch (err) {
      message.error(title(err instanceof ProblemError ? err.problem.title : String(err)));
    }
  };
}
