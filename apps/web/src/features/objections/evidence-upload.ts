import { api, unwrap } from '../../shared/api/client';
import { progressFetch } from '../../workspaces/enterprise/application-form/upload';
import type { ObjectionFollow } from './types';

export const EVIDENCE_MAX_FILES = 5;
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** One file of evidence for an objection, streamed as the body; the receipt number and phone open the case. */
export function uploadEvidence(receiptNo: string, phone: string, file: File): Promise<ObjectionFollow> {
  return unwrap<ObjectionFollow>(
    api.POST('/api/public/objections/{receiptNo}/attachments', {
      params: { path: { receiptNo }, query: { phone }, header: { 'X-File-Name': encodeURIComponent(file.name) } },
      headers: { 'Content-Type': 'application/octet-stream' },
      fetch: progressFetch(file, () => undefined),
    }),
  );
}
