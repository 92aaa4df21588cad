import { createHash, Hash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`upload exceeds ${limit} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

/** PDF names that run code or carry other files (an /OpenAction that runs code names /JS or /JavaScript). */
export const ACTIVE_PDF_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles']);
const MAX_NAME = 40;
/** Not active content, but noted: a stream compressed with it may hide names (object streams). */
const FLATE = 'FlateDecode';
const CARRY = 64;
const SLASH = 0x2f;
/** Bytes of a PDF name as the scan reads them: letters, digits and `#` (escapes). */
const isNameByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x23;

export interface InspectionResult {
  size: number;
  sha256: string;
  sm3?: string;
  /** The file begins like a PDF (the type itself is decided by `detectMediaType`). */
  looksLikePdf: boolean;
  /** Active-content names found in a PDF (empty when none, or when not a PDF). */
  pdfActiveContent: string[];
  /** The PDF names /FlateDecode: it has compressed streams worth a second look (scanCompressedPdfStreams). */
  pdfHasCompressedStreams: boolean;
}

/**
 * A pass-through stream that inspects an upload as it flows to storage, holding no more than a
 * chunk: it counts bytes (failing the stream past the limit), hashes (SHA-256, and SM3 when asked)
 * and scans a PDF's names for active content (with `#xx` escapes decoded, across chunk borders).
 * Names inside compressed streams are not seen here; `scanCompressedPdfStreams` looks at the stored file.
 */
export class UploadInspector extends Transform {
  private size = 0;
  private readonly sha256: Hash = createHash('sha256');
  private readonly sm3?: Hash;
  private head = Buffer.alloc(0);
  private pdf: boolean | undefined;
  private carry: Buffer = Buffer.alloc(0);
  private readonly found = new Set<string>();

  constructor(private readonly maxBytes: number, options: { sm3?: boolean } = {}) {
    super();
    if (options.sm3) this.sm3 = createHash('sm3');
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new UploadTooLargeError(this.maxBytes));
    this.sha256.update(chunk);
    this.sm3?.update(chunk);
    if (this.pdf === undefined) {
      this.head = Buffer.concat([this.head, chunk]).subarray(0, 1024);
      if (this.head.length >= 5) this.pdf = this.head.subarray(0, 5).toString('latin1') === '%PDF-';
    }
    if (this.pdf) this.scan(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.pdf) scanPdfNames(this.carry, 0, this.carry.length, true, this.found); // a name that ended the file
    done();
  }

  /**
   * Scans bytes, never strings: a 64 KiB string per chunk filled the young generation and grew
   * the gateway's memory with every large upload. A name cut by the chunk's end is read whole
   * from the carried tail, together with the start of the next chunk.
   */
  private scan(chunk: Buffer): void {
    const carried = this.carry.length;
    if (carried > 0) scanPdfNames(Buffer.concat([this.carry, chunk.subarray(0, CARRY)]), 0, carried, false, this.found);
    scanPdfNames(chunk, 0, chunk.length, false, this.found);
    this.carry =
      chunk.length >= CARRY ? Buffer.from(chunk.subarray(chunk.length - CARRY)) : Buffer.concat([this.carry, chunk]).subarray(-CARRY);
  }

  /** The figures of the whole stream; call after it finished. */
  result(): InspectionResult {
    return {
      size: this.size,
      sha256: this.sha256.copy().digest('hex'),
      ...(this.sm3 ? { sm3: this.sm3.copy().digest('hex') } : {}),
      looksLikePdf: this.pdf === true,
      pdfActiveContent: [...this.found].filter((n) => ACTIVE_PDF_NAMES.has(n)).sort(),
      pdfHasCompressedStreams: this.found.has(FLATE),
    };
  }
}

/**
 * Adds to `found` the active-content names starting in [from, to) of `buf`; a name running into
 * the end of `buf` counts only when `atEnd` (otherwise it may go on in the next chunk).
 */
function scanPdfNames(buf: Buffer, from: number, to: number, atEnd: boolean, found: Set<string>): void {
  for (let i = buf.indexOf(SLASH, from); i !== -1 && i < to; i = buf.indexOf(SLASH, i + 1)) {
    let j = i + 1;
    while (j < buf.length && isNameByte(buf[j])) j++;
    if (j === buf.length && !atEnd) continue;
    const length = j - i - 1;
    if (length < 2 || length > MAX_NAME) continue;
    const name = buf
      .toString('latin1', i + 1, j)
      .replace(/#([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (ACTIVE_PDF_NAMES.has(name) || name === FLATE) found.add(name);
  }
}

/** Active-content names in a whole buffer (e.g. a decompressed PDF stream). */
export function activePdfNames(buf: Buffer): string[] {
  const found = new Set<string>();
  scanPdfNames(buf, 0, buf.length, true, found);
  return [...found].filter((n) => ACTIVE_PDF_NAMES.has(n)).sort();
}
