import { App } from 'antd';
import { api, ProblemError, unwrap } from '../../shared/api/client';
import { useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { saveBlob } from '../../shared/ui/save-file';
import { progressFetch } from '../../workspaces/enterprise/application-form/upload';
import type { SiteEvidence, SiteVisit } from './types';

/** At most this per file, as the gateway allows (M8.2); larger files are refused before sending. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_ACCEPT = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';

/**
 * Streams one photo or document to a finding: the institution's evidence while the visit is
 * scheduled, or the applicant's attachment for its answer after the conclusion (the gateway
 * checks the type by content, the size and the count).
 */
export async function uploadEvidence(visitId: string, findingId: string, file: File): Promise<SiteVisit> {
  return unwrap<SiteVisit>(
    api.POST('/api/site-visits/{visitId}/findings/{findingId}/evidence', {
      params: { path: { visitId, findingId }, header: { 'X-File-Name': encodeURIComponent(file.name) } },
      headers: { 'Content-Type': 'application/octet-stream' },
      fetch: progressFetch(file, () => undefined),
    }),
  );
}

/** Upload with feedback: a refusal's problem title, a success message, the visit lists refreshed. */
export function useEvidenceUpload() {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  return async (visitId: string, findingId: string, file: File) => {
    try {
      await uploadEvidence(visitId, findingId, file);
      message.success(t('siteVisit.evidence.uploaded', { name: file.name }));
      await invalidate('/api/reviews/{id}/site-visits', '/api/applications/{id}/site-visits');
    } catch (err) {
      message.error(title(err instanceof ProblemError ? err.problem.title : String(err)));
    }
  };
}

/** Downloads a piece of evidence with the user's token (authorized and audited by the service). */
export function useEvidenceDownload() {
  const { title } = useI18n();
  const { message } = App.useApp();
  return async (visitId: string, findingId: string, e: SiteEvidence) => {
    try {
      const blob = await unwrap<Blob>(
        api.GET('/api/site-visits/{visitId}/findings/{findingId}/evidence/{evidenceId}', { params: { path: { visitId, findingId, evidenceId: e.id } }, parseAs: 'blob' }),
      );
      saveBlob(blob, e.fileName);
    } catch (err) {
      message.error(title(err instanceof ProblemError ? err.problem.title : String(err)));
    }
  };
}
