import { SAFE_FILE_NAME } from '@firstset/contracts';
import { UploadErrors } from './upload-errors';

/**
 * The file name from `X-File-Name`, percent-encoded UTF-8 (so Chinese names survive any proxy).
 * Path separators, `.`/`..` and control characters are refused, not cleaned: the applicant sees why.
 */
export function parseFileName(header: string | undefined): string {
  if (!header) throw UploadErrors.invalidFileName('X-File-Name header (percent-encoded UTF-8) is required');
  let name: string;
  try {
    name = decodeURIComponent(header).normalize('NFC');
  } catch {
    throw UploadErrors.invalidFileName('X-File-Name is not valid percent-encoded UTF-8');
  }
  if (!SAFE_FILE_NAME.test(name)) {
    throw UploadErrors.invalidFileName('a file name without path separators or control characters, 1–255 characters');
  }
  return name;
}

/** `Content-Disposition` for a download, with the UTF-8 name (RFC 6266 / 5987) and an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
