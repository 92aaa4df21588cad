import type { ExportedFileV1 } from '@firstset/contracts';
import type { Response } from 'express';

/** RFC 6266 / RFC 5987: an ASCII fallback and the Chinese name in UTF-8. */
export const disposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** A service's exported file (base64 in the reply) sent as a download. */
export function sendFile(res: Response, file: ExportedFileV1): void {
  const body = Buffer.from(file.base64, 'base64');
  res.status(200).setHeader('Content-Type', file.contentType).setHeader('Content-Disposition', disposition(file.fileName)).setHeader('Content-Length', body.length).end(body);
}
