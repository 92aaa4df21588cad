import { open } from 'node:fs/promises';

/**
 * Polyglots: a file that is also another format, so a reviewer's browser or unzip tool could take
 * it for something else than was inspected. Checked for every type: HTML at the head (browsers
 * sniff the first bytes), a ZIP directory at the end (unzip tools read from the end, so a ZIP
 * appended to a PDF or JPEG, or a PDF in front of a ZIP, opens as an archive), and, for a PDF, what
 * follows the last `%%EOF`.
 */
const HEAD_BYTES = 1024;
const HTML = /<\s*(?:!doctype\s+html|html|head|body|script|iframe|svg|object|embed|img|meta|style|form|frameset|base)[\s>/]/i;
/** Signatures of formats that must not ride behind another file. */
const SIGNATURES: Array<[string, Buffer]> = [
  ['ZIP', Buffer.from('PK\x03\x04', 'latin1')],
  ['ZIP', Buffer.from('PK\x05\x06', 'latin1')],
  ['ELF executable', Buffer.from('\x7fELF', 'latin1')],
  ['PDF', Buffer.from('%PDF-', 'latin1')],
  ['RAR', Buffer.from('Rar!\x1a\x07', 'latin1')],
  ['7z', Buffer.from('7z\xbc\xaf\x27\x1c', 'latin1')],
  ['OLE compound file', Buffer.from('d0cf11e0a1b11ae1', 'hex')],
];
/** Bytes a sloppy writer may leave after `%%EOF` (white space, NULs) count as nothing; other bytes beyond this are a second file. */
const MAX_TRAILING = 1024;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.max(0, length));
    const { bytesRead } = await fh.read(buf, 0, buf.length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** HTML markup in the first KiB (what a browser's sniffing looks at), whatever the type. */
export function htmlAtHead(head: Buffer): boolean {
  return HTML.test(head.subarray(0, HEAD_BYTES).toString('latin1'));
}

/** A ZIP end-of-central-directory record near the end whose directory really precedes it. */
export function zipDirectoryAtEnd(end: Buffer): boolean {
  for (let i = end.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1')); i !== -1; i = i > 0 ? end.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'), i - 1) : -1) {
    if (i + 22 > end.length || end.readUInt32LE(i) !== EOCD) continue;
    const cdSize = end.readUInt32LE(i + 12);
    const cdStart = i - cdSize;
    if (cdStart >= 0 && (cdSize === 0 || end.readUInt32LE(cdStart) === CENTRAL)) return true;
    if (cdStart < 0) return true; // a directory larger than the window ends here: still an archive
  }
  return false;
}

/** What a trailer carries: a known signature, an MZ executable at its start, HTML, or just too much. */
export function secondFormatIn(trailer: Buffer): string | undefined {
  let start = 0;
  while (start < trailer.length && [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(trailer[start])) start++;
  const rest = trailer.subarray(start);
  if (rest.length === 0) return undefined;
  for (const [name, sig] of SIGNATURES) if (rest.includes(sig)) return name;
  if (rest[0] === 0x4d && rest[1] === 0x5a) return 'MZ executable';
  if (HTML.test(rest.toString('latin1'))) return 'HTML';
  const meaningful = rest.filter((b) => ![0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(b)).length;
  return meaningful > MAX_TRAILING ? `${rest.length} bytes of data` : undefined;
}

/**
 * The second format in a staged file of the detected type, or undefined. `endOfPdf` is where a
 * PDF's last `%%EOF` ends (from the active-content scan).
 */
export async function findPolyglot(path: string, size: number, typeId: string, endOfPdf?: number): Promise<string | undefined> {
  const head = await readAt(path, 0, HEAD_BYTES);
  if (htmlAtHead(head)) return 'HTML at the start of the file';
  const zipFamily = typeId === 'docx' || typeId === 'xlsx' || typeId === 'ofd' || typeId === 'zip' || typeId === 'pptx';
  if (!zipFamily) {
    const windowStart = Math.max(0, size - (65535 + 22 + 4096));
    if (zipDirectoryAtEnd(await readAt(path, windowStart, size - windowStart))) return 'a ZIP archive at the end of the file';
  }
  if (typeId === 'pdf' && endOfPdf !== undefined) {
    if (endOfPdf < 0) return undefined; // no %%EOF at all: nothing can be said to follow it
    // Read a little more than is tolerated, so "too much" is seen without reading it all.
    const trailer = await readAt(path, endOfPdf, Math.min(size - endOfPdf, 64 * 1024));
    const second = secondFormatIn(trailer);
    if (second) return `${second} after the end of the PDF`;
  }
  return undefined;
}
