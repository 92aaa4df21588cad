import { api, ProblemError, unwrap } from '../../../shared/api/client';
import type { Material, UploadSession } from '../../../shared/api/views';
import { saveBlob } from '../../../shared/ui/save-file';

/** Files above this go through the resumable upload API in chunks (the gateway's tus-like sessions). */
export const RESUMABLE_ABOVE = 20 * 1024 * 1024;
export const CHUNK_BYTES = 5 * 1024 * 1024;
const RETRIES = 5;

/**
 * A fetch for the typed client that sends `body` with XMLHttpRequest, the one browser API that
 * reports upload progress. The request (URL, method, the client's Authorization header) is the
 * one openapi-fetch built; only the transport differs.
 */
export function progressFetch(body: Blob, onProgress: (loaded: number) => void, signal?: AbortSignal) {
  return (request: Request) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.upload.onprogress = (e) => onProgress(e.loaded);
      xhr.onload = () => {
        const headers = new Headers();
        for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
          const at = line.indexOf(':');
          if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
        }
        const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
        resolve(new Response(empty ? null : xhr.responseText, { status: xhr.status, headers }));
      };
      xhr.onerror = () => reject(new TypeError('network error'));
      xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
      signal?.addEventListener('abort', () => xhr.abort());
      xhr.send(body);
    });
}

const fileName = (file: File) => encodeURIComponent(file.name);
const sessionKey = (applicationId: string, slotId: string, file: File) => `firstset.upload.${applicationId}.${slotId}.${file.name}.${file.size}.${file.lastModified}`;

/** One file in one request, with progress (0–1). */
async function uploadWhole(applicationId: string, slotId: string, file: File, onProgress: (p: number) => void): Promise<Material> {
  return unwrap<Material>(
    api.POST('/api/applications/{id}/materials/{slotId}', {
      params: { path: { id: applicationId, slotId }, header: { 'X-File-Name': fileName(file) } },
      headers: { 'Content-Type': 'application/octet-stream' },
      fetch: progressFetch(file, (n) => onProgress(n / Math.max(file.size, 1))),
    }),
  );
}

/** The offset the server has for an upload session, or null when the session is gone. */
async function serverOffset(uploadId: string): Promise<number | null> {
  const { response } = await api.HEAD('/api/uploads/{uploadId}', { params: { path: { uploadId } } });
  if (response.status === 404) return null;
  if (!response.ok) throw new ProblemError({ title: `HTTP ${response.status}`, status: response.status, code: `HTTP_${response.status}` });
  return Number(response.headers.get('upload-offset') ?? 0);
}

async function startSession(applicationId: string, slotId: string, file: File): Promise<UploadSession> {
  return unwrap<UploadSession>(
    api.POST('/api/applications/{id}/materials/{slotId}/uploads', {
      params: { path: { id: applicationId, slotId }, header: { 'X-File-Name': fileName(file), 'Upload-Length': String(file.size) } },
    }),
  );
}

/**
 * A large file in chunks. After a failed chunk (network, a gateway restart, a wrong offset) it asks
 * the server how far it got and goes on from there; the session is remembered in this browser so a
 * reload of the page resumes it too. Refusals of the file itself (type, size) are not retried.
 */
async function uploadResumable(applicationId: string, slotId: string, file: File, onProgress: (p: number) => void): Promise<Material> {
  const key = sessionKey(applicationId, slotId, file);
  const saved = localStorage.getItem(key);
  const savedOffset = saved ? await serverOffset(saved).catch(() => null) : null;
  let uploadId: string;
  let offset: number;
  if (saved !== null && savedOffset !== null) {
    uploadId = saved;
    offset = savedOffset;
  } else {
    const session = await startSession(applicationId, slotId, file);
    uploadId = session.uploadId;
    offset = session.offset;
    localStorage.setItem(key, uploadId);
  }
  let failures = 0;
  for (;;) {
    const chunk = file.slice(offset, Math.min(offset + CHUNK_BYTES, file.size));
    const base: number = offset;
    try {
      const { data, error, response }: { data?: unknown; error?: unknown; response: Response } = await api.PATCH('/api/uploads/{uploadId}', {
        params: { path: { uploadId }, header: { 'Upload-Offset': String(offset) } },
        headers: { 'Content-Type': 'application/offset+octet-stream' },
        fetch: progressFetch(chunk, (n) => onProgress((base + n) / file.size)),
      });
      if (response.status === 201) {
        localStorage.removeItem(key);
        onProgress(1);
        return data as unknown as Material;
      }
      if (response.ok) {
        offset = Number(response.headers.get('upload-offset') ?? base + chunk.size);
        failures = 0;
        onProgress(offset / file.size);
        continue;
      }
      const problem = (error ?? {}) as { code?: string };
      const retriable = response.status >= 500 || problem.code === 'UPLOAD_OFFSET_MISMATCH' || problem.code === 'UPLOAD_BUSY' || problem.code === 'UPLOAD_INCOMPLETE';
      if (!retriable) {
        localStorage.removeItem(key);
        return await unwrap(Promise.resolve({ data: data as Material | undefined, error, response }));
      }
    } catch (err) {
      if (err instanceof ProblemError) throw err;
      // network error: fall through to ask for the offset
    }
    if (++failures > RETRIES) throw new ProblemError({ title: '网络异常，请稍后重试 / Network error, please try again', status: 0, code: 'NETWORK' });
    await new Promise((r) => setTimeout(r, 500 * failures));
    const now = await serverOffset(uploadId).catch(() => undefined);
    if (now === null) {
      localStorage.removeItem(key);
      throw new ProblemError({ title: '上传会话不存在或已过期 / No such upload session (or it expired)', status: 404, code: 'UPLOAD_NOT_FOUND' });
    }
    if (now !== undefined) offset = now;
  }
}

/** Uploads one file into a slot of the checklist: whole, or resumable in chunks when large. */
export function uploadMaterial(applicationId: string, slotId: string, file: File, onProgress: (p: number) => void): Promise<Material> {
  return file.size > RESUMABLE_ABOVE ? uploadResumable(applicationId, slotId, file, onProgress) : uploadWhole(applicationId, slotId, file, onProgress);
}

/** Downloads a file of the application (authorized and audited by the server) and saves it. */
export async function downloadMaterial(applicationId: string, m: Material): Promise<void> {
  const blob = await unwrap<Blob>(
    api.GET('/api/applications/{id}/materials/{materialId}/content', { params: { path: { id: applicationId, materialId: m.id } }, parseAs: 'blob' }),
  );
  saveBlob(blob, m.fileName);
}
