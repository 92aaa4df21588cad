import { completeFormFields, CURRENT_PLEDGE_VERSION, http, HttpResult, requiredSlots } from '@firstset/testing';
import { onePagePdf } from './one-page-pdf';

/**
 * An application made complete through the gateway, as an enterprise would: every declaration
 * answered (M2, M5, M6) and a real small PDF uploaded to every slot that applies (M7.4). The
 * submission then signs the current truthfulness pledge (M10.1).
 */
export async function completeViaApi(baseUrl: string, token: string, applicationId: string, fields: Record<string, unknown> = {}, except: string[] = []): Promise<void> {
  const app = await http(baseUrl, 'GET', `/applications/${applicationId}`, { token });
  const kind = (app.body as { productKind: 'FIRST_SET_EQUIPMENT' }).productKind;
  const form = completeFormFields(kind);
  const body = { expectedRevision: (app.body as { revision: number }).revision, ...form, ...fields, declarations: { ...form.declarations, ...(fields.declarations as object) } };
  const saved = await http(baseUrl, 'PATCH', `/applications/${applicationId}`, { token, body });
  if (saved.status !== 200) throw new Error(`completing ${applicationId}: ${saved.status} ${JSON.stringify(saved.body)}`);
  // The save answers its revision (update-draft.v2): the slots follow from the declarations stored.
  const d = ((await http(baseUrl, 'GET', `/applications/${applicationId}`, { token })).body as { draft: { declarations: Record<string, boolean> } }).draft.declarations;
  const slots = requiredSlots(kind, d).filter((slotId) => !except.includes(slotId));
  for (const [i, slotId] of slots.entries()) await uploadPdf(baseUrl, token, applicationId, slotId, `材料${i + 1}.pdf`);
}

/** The names of the files `completeViaApi` uploads, for the journeys' check for English left in the UI. */
export const UPLOADED_FILE_NAMES = /材料\d+\.pdf/g;

/** Uploads a small real PDF into a slot through the gateway. */
export async function uploadPdf(baseUrl: string, token: string, applicationId: string, slotId: string, fileName: string, text = slotId): Promise<{ id: string }> {
  const res = await fetch(`${baseUrl}/applications/${applicationId}/materials/${slotId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) },
    body: onePagePdf(text),
  });
  const reply = (await res.json()) as { id: string; code?: string };
  if (res.status !== 201) throw new Error(`upload ${slotId}: ${res.status} ${JSON.stringify(reply)}`);
  return reply;
}

/** Submits the draft, signing the current truthfulness pledge (M10.1). */
export const submitViaApi = (baseUrl: string, token: string, applicationId: string): Promise<HttpResult> =>
  http(baseUrl, 'POST', `/applications/${applicationId}/submit`, { token, body: { pledgeVersion: CURRENT_PLEDGE_VERSION } });
