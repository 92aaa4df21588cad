import { App } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { saveBlob } from '../../shared/ui/save-file';

/** `attachment; filename*=UTF-8''…`: the file name the gateway gave. */
function fileNameOf(response: Response): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return encoded ? decodeURIComponent(encoded) : undefined;
}

export type ReportFormat = 'pdf' | 'xlsx';

/**
 * The review reports' exports (M8.1, M9.1), fetched with the user's token and saved under the name
 * the server gives: a case's report by application id, a batch's by batch id (and, for the
 * Department, the commission).
 */
export function useReportExport() {
  const { title } = useI18n();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState<string | null>(null);
  const run = async (key: string, fetch: () => Promise<{ data?: unknown; error?: unknown; response: Response }>) => {
    setExporting(key);
    try {
      const request = fetch();
      const blob = await unwrap<Blob>(request as Parameters<typeof unwrap<Blob>>[0]);
      saveBlob(blob, fileNameOf((await request).response) ?? key);
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setExporting(null);
    }
  };
  const caseReport = (id: string, format: ReportFormat) =>
    run(`${id}.${format}`, () => api.GET(`/api/reviews/{id}/report.${format}`, { params: { path: { id } }, parseAs: 'blob' }));
  const batchReport = (batchId: string, format: ReportFormat, commissionId?: string) =>
    run(`${batchId}.${format}`, () =>
      api.GET(`/api/batch-reports/{batchId}/report.${format}`, { params: { path: { batchId }, query: commissionId ? { commissionId } : {} }, parseAs: 'blob' }),
    );
  return { caseReport, batchReport, exporting };
}
