import { App } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { fileNameOf, saveBlob } from '../../shared/ui/save-file';

/**
 * The recognition's PDFs (M9.3), fetched with the user's token and saved under the server's name:
 * a document (a draft's preview or the issued one) for the Department, a certificate for its
 * enterprise (the public pages fetch theirs without antd: workspaces/public/notices.tsx).
 */
export function useRecognitionPdfs() {
  const { title } = useI18n();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState<string | null>(null);
  const run = async (key: string, fetch: () => Promise<{ data?: unknown; error?: unknown; response: Response }>) => {
    setDownloading(key);
    try {
      const request = fetch();
      const blob = await unwrap<Blob>(request as Parameters<typeof unwrap<Blob>>[0]);
      saveBlob(blob, fileNameOf((await request).response) ?? `${key}.pdf`);
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setDownloading(null);
    }
  };
  const documentPdf = (id: string) => run(id, () => api.GET('/api/recognition-documents/{id}/document.pdf', { params: { path: { id } }, parseAs: 'blob' }));
  const certificatePdf = (applicationId: string) =>
    run(applicationId, () => api.GET('/api/applications/{id}/certificate.pdf', { params: { path: { id: applicationId } }, parseAs: 'blob' }));
  return { documentPdf, certificatePdf, downloading };
}
