import { UploadErrors } from './upload-errors';

/** Longest stored name, in characters (the extension included); longer names are shortened before the extension. */
export const MAX_FILE_NAME = 120;
/**
 * Characters that change how a name reads without being seen: bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069), marks (U+200E, U+200F, U+061C), zero-width ones and
 * the BOM; and control characters (C0, DEL, C1). `发票\u202Efdp.exe` reads as `发票exe.pdf`.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff\u0000-\u001f\u007f-\u009f]/g;
/** The extension each accepted type is stored with; the first is added when the name has none of them. */
const EXTENSIONS: Record<string, string[]> = {
  pdf: ['pdf'],
  ofd: ['ofd'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
  docx: ['docx'],
  xlsx: ['xlsx'],
};

/**
 * The file name from `X-File-Name`, percent-encoded UTF-8 (so Chinese names survive any proxy),
 * cleaned rather than refused: NFC, invisible and control characters removed, any path before the
 * last `/` or `\` dropped, white space and dots trimmed. Refused only when nothing is left.
 */
export function parseFileName(header: string | undefined): string {
  if (!header) throw UploadErrors.invalidFileName('X-File-Name header (percent-encoded UTF-8) is required');
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    throw UploadErrors.invalidFileName('X-File-Name is not valid percent-encoded UTF-8');
  }
  const name = cleanFileName(decoded);
  if (!name) throw UploadErrors.invalidFileName('a file name is left after removing path parts and control characters');
  return name;
}

export function cleanFileName(raw: string): string {
  const visible = raw.normalize('NFC').replace(INVISIBLE, '');
  const base = visible.split(/[\\/]/).pop() ?? '';
  return base.replace(/^[\s.]+|[\s.]+$/g, '');
}

/**
 * The name as stored: with the extension of the type decided by content. A name already ending in
 * one of the type's extensions keeps it; any other gets it appended, so `发票\u202Efdp.exe` with PDF
 * content is stored as `发票fdp.exe.pdf` (the reader sees what the file is, and no program opens it).
 */
export function storedFileName(name: string, typeId: string): string {
  const extensions = EXTENSIONS[typeId] ?? [typeId.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'bin'];
  const dot = name.lastIndexOf('.');
  const has = dot > 0 && extensions.includes(name.slice(dot + 1).toLowerCase());
  const stem = has ? name.slice(0, dot) : name;
  const extension = has ? name.slice(dot + 1) : extensions[0];
  const chars = [...stem];
  const room = MAX_FILE_NAME - extension.length - 1;
  return `${chars.length > room ? chars.slice(0, room).join('').trimEnd() : stem}.${extension}`;
}

/** `Content-Disposition` for a download, with the UTF-8 name (RFC 6266 / 5987) and an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
