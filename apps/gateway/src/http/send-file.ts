import type { DownloadGrantV1, ExportedFileV1 } from '@firstset/contracts';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { ServiceError } from '@firstset/messaging';
import { ObjectStorage } from '@firstset/object-storage';
import { contentDisposition } from '../uploads/file-name';

/** RFC 6266 / RFC 5987: an ASCII fallback and the Chinese name in UTF-8. */
export const disposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** A service's exported file (base64 in the reply) sent as a download. */
export function sendFile(res: Response, file: ExportedFileV1): void {
  const body = Buffer.from(file.base64, 'base64');
  res.status(200).setHeader('Content-Type', file.contentType).setHeader('Content-Disposition', disposition(file.fileName)).setHeader('Content-Length', body.length).end(body);
}

/**
 * A stored file its owning service granted (and audited), streamed from the object store as an
 * attachment: never sniffed, never cached, tagged by its content hash.
 */
export async function sendStoredFile(store: ObjectStorage, res: Response, grant: DownloadGrantV1): Promise<void> {
  const body = await store.get(grant.objectKey);
  res.status(200).set({
    'content-type': grant.mediaType,
    'content-length': String(grant.size),
    'content-disposition': contentDisposition(grant.fileName),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    etag: `"${grant.sha256}"`,
  });
  await pipeline(body, res);
}

/** A file's SHA-256 from the path; one that cannot be one gets the same 404 as an unknown file. */
export function fileSha256(value: string, notFound: () => ServiceError): string {
  if (!/^[0-9a-f]{64}$/.test(value)) throw notFound();
  return value;
}
