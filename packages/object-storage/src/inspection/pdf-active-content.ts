import { createReadStream } from 'node:fs';
import { DecodeParams, decodeStream, PdfDecodeError } from './pdf-filters';
import { decodePdfName, DUPLICATE_KEY, isPdfRegular, parsePdfObject, PdfDict, PdfName, PdfValue, skipWhiteAndComments } from './pdf-syntax';

/**
 * Names that run code, reach outside the file or carry other files: refused wherever they occur
 * (a dictionary, an object stream, any decodable stream). `URI` and `GoToR` leave the file; `XFA`
 * is a scripted form; `EmbeddedFile(s)` carry files.
 */
export const REFUSED_PDF_NAMES = new Set([
  'JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'URI', 'GoToR', 'GoToE', 'XFA', 'RichMedia', 'RichMediaExecute', 'ImportData', 'SubmitForm',
]);
/**
 * Action types (ISO 32000-2 table 201). Only `GoTo` — a destination in this same file — is in-document
 * navigation; any other action (in /OpenAction, /AA, a link's /A, a /Next) is refused.
 */
const ACTION_TYPES = new Set([
  'GoTo', 'GoToR', 'GoToE', 'GoToDp', 'Launch', 'Thread', 'URI', 'Sound', 'Movie', 'Hide', 'Named', 'SubmitForm', 'ResetForm', 'ImportData',
  'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView', 'JavaScript', 'RichMediaExecute', 'ECMAScript',
]);
const ALLOWED_ACTIONS = new Set(['GoTo']);
/** A name or an `/S … /Type` pair longer than this is not real PDF: the scan refuses rather than guess. */
const MAX_PENDING = 4096;

/**
 * Reads PDF bytes as they come (chunk borders anywhere) and collects what is refused: the names
 * above and `/S /<action>` for actions other than `GoTo`.
 */
export class PdfNameScanner {
  private pending = Buffer.alloc(0);
  readonly found = new Set<string>();

  push(chunk: Buffer): void {
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const stop = this.scan(buf, false);
    this.pending = Buffer.from(buf.subarray(stop));
    if (this.pending.length > MAX_PENDING) {
      this.found.add('(obscured name)');
      this.pending = Buffer.alloc(0);
    }
  }

  finish(): string[] {
    this.scan(this.pending, true);
    this.pending = Buffer.alloc(0);
    return [...this.found].sort();
  }

  /** Scans `buf`; returns where an unfinished name starts (or `buf.length`). */
  private scan(buf: Buffer, atEnd: boolean): number {
    for (let i = buf.indexOf(0x2f); i !== -1; i = buf.indexOf(0x2f, i + 1)) {
      let j = i + 1;
      while (j < buf.length && isPdfRegular(buf[j])) j++;
      if (j === buf.length && !atEnd) return i;
      const name = decodePdfName(buf.toString('latin1', i + 1, j));
      if (REFUSED_PDF_NAMES.has(name)) this.found.add(name);
      if (name !== 'S') continue;
      const k = skipWhiteAndComments(buf, j);
      if (k === buf.length) {
        if (!atEnd) return i;
        continue;
      }
      if (buf[k] !== 0x2f) continue;
      let e = k + 1;
      while (e < buf.length && isPdfRegular(buf[e])) e++;
      if (e === buf.length && !atEnd) return i;
      const action = decodePdfName(buf.toString('latin1', k + 1, e));
      if (ACTION_TYPES.has(action) && !ALLOWED_ACTIONS.has(action)) this.found.add(action);
    }
    return buf.length;
  }
}

/** Compressed bytes kept for one stream, and what it may decode to. */
const MAX_STREAM_BYTES = 32 * 1024 * 1024;
/** Decoded bytes for the whole file: a file of many small bombs stops here. */
const MAX_DECODED_TOTAL = 256 * 1024 * 1024;
const DICTIONARY_WINDOW = 64 * 1024;
const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');
const EOF_MARK = Buffer.from('%%EOF');

export interface PdfInspection {
  /** Refused names and actions found (empty when none). */
  activeContent: string[];
  /** Why a part that could hide objects could not be read (an object stream not decodable, a dictionary not parsable). */
  uninspectable: string[];
  /** Where the last `%%EOF` ends (-1 when there is none): bytes after it are a second format's. */
  endOfPdf: number;
  /** Object streams decoded and looked into, and the other streams (content, fonts, images) left as they are. */
  decoded: number;
  skipped: number;
}

interface StreamInfo {
  filters: string[];
  params: Array<DecodeParams | undefined>;
  /** An object stream (or one shaped like it): objects live inside, it must be read. */
  holdsObjects: boolean;
}

const asName = (v: PdfValue | undefined) => (v instanceof PdfName ? v.name : undefined);
function asParams(v: PdfValue | undefined): DecodeParams | undefined {
  if (!(v instanceof Map)) return undefined;
  const p: DecodeParams = {};
  for (const key of ['Predictor', 'Colors', 'BitsPerComponent', 'Columns', 'EarlyChange'] as const) {
    const n = v.get(key);
    if (typeof n === 'number') p[key] = n;
  }
  return p;
}

/** The dictionary in front of `stream`: parsed from its `n g obj`, and nothing but white space after it. */
export function streamInfo(before: Buffer): StreamInfo | string {
  const text = before.toString('latin1');
  const headers = [...text.matchAll(/(?:^|[^0-9])\d+[ \t\r\n\f\0]+\d+[ \t\r\n\f\0]+obj(?![^\s()<>[\]{}/%])/g)];
  const header = headers.at(-1);
  if (!header) return 'a stream without its object header';
  let dict: PdfDict;
  try {
    const parsed = parsePdfObject(before, header.index + header[0].length);
    if (!(parsed.value instanceof Map) || skipWhiteAndComments(before, parsed.end) !== before.length) return 'a stream dictionary that does not parse';
    dict = parsed.value;
  } catch {
    return 'a stream dictionary that does not parse';
  }
  const filter = dict.get('Filter');
  const filters = (Array.isArray(filter) ? filter : filter === undefined ? [] : [filter]).map((f) => asName(f) ?? '?');
  const parms = dict.get('DecodeParms') ?? dict.get('DP');
  const params = Array.isArray(parms) ? parms.map(asParams) : [asParams(parms)];
  const type = asName(dict.get('Type'));
  const holdsObjects = type === 'ObjStm' || (dict.has('N') && dict.has('First'));
  // Which of two /Filter entries counts is up to the reader: an object stream must leave no doubt.
  if (holdsObjects && dict.has(DUPLICATE_KEY)) return 'an object stream dictionary that names a key twice';
  return { filters, params, holdsObjects };
}

/**
 * The active-content scan of a staged PDF, read once and never whole: the bytes outside streams
 * go through the name scanner as they are, and every object stream (where PDF 1.5+ keeps its
 * dictionaries) is decoded through its filter chain (bounded) and scanned too, so names hidden by
 * `#` escapes, ASCIIHex, ASCII85, LZW, RunLength, Flate or any chain of them are seen. An object
 * stream that cannot be decoded is reported as uninspectable: it could hide anything. Other
 * streams are page content, fonts and images: a reader never takes objects from them.
 */
export async function inspectPdf(path: string): Promise<PdfInspection> {
  const outsideScan = new PdfNameScanner();
  const found = new Set<string>();
  const uninspectable = new Set<string>();
  let decoded = 0;
  let skipped = 0;
  let decodedTotal = 0;
  let window = Buffer.alloc(0); // the latest outside bytes: the dictionary of the next stream
  let searchFrom = 0;
  let inStream = false;
  let info: StreamInfo | undefined;
  let parts: Buffer[] = [];
  let kept = 0;
  let tail = Buffer.alloc(0);
  let position = 0; // file offset of the chunk being read
  let eofCarry = Buffer.alloc(0);
  let endOfPdf = -1;

  const finishStream = () => {
    if (!info) return;
    if (kept > MAX_STREAM_BYTES) {
      if (info.holdsObjects) uninspectable.add('an object stream larger than the limit');
      skipped += 1;
      return;
    }
    try {
      const out = decodeStream(Buffer.concat(parts), info.filters, info.params, Math.min(MAX_STREAM_BYTES, MAX_DECODED_TOTAL - decodedTotal));
      decodedTotal += out.data.length;
      if (out.opaque) {
        if (info.holdsObjects) uninspectable.add('an object stream behind an image or encryption filter');
        skipped += 1;
        return;
      }
      const scan = new PdfNameScanner();
      scan.push(out.data);
      for (const n of scan.finish()) found.add(n);
      decoded += 1;
    } catch (err) {
      if (!(err instanceof PdfDecodeError)) throw err;
      if (info.holdsObjects) uninspectable.add(`an object stream that does not decode (${err.message})`);
      skipped += 1;
    }
  };

  /** Takes the next bytes of the file (`atEnd`: there are no more; a stream without `endstream` ends here). */
  const consume = (input: Buffer, atEnd: boolean) => {
    let data = input;
    for (;;) {
      if (!inStream) {
        const seen = window.length;
        const buf = seen ? Buffer.concat([window, data]) : data;
        if (buf.length === 0) return;
        const k = findStreamKeyword(buf, searchFrom, atEnd);
        // Only bytes outside streams go through the name scan: megabytes of image data would match by chance.
        if (k === -1) outsideScan.push(buf.subarray(seen));
        else if (k + STREAM.length > seen) outsideScan.push(buf.subarray(seen, k + STREAM.length));
        if (k === -1) {
          window = Buffer.from(buf.subarray(Math.max(0, buf.length - DICTIONARY_WINDOW)));
          searchFrom = Math.max(0, window.length - (STREAM.length + STREAM_LOOKAHEAD + 1));
          return;
        }
        const parsed = streamInfo(buf.subarray(Math.max(0, k - DICTIONARY_WINDOW), k));
        if (typeof parsed === 'string') uninspectable.add(parsed);
        // Objects live only in object streams: page content, fonts and images are not read as objects.
        info = typeof parsed !== 'string' && parsed.holdsObjects ? parsed : undefined;
        if (info === undefined) skipped += 1;
        inStream = true;
        parts = [];
        kept = 0;
        tail = Buffer.alloc(0);
        window = Buffer.alloc(0);
        searchFrom = 0;
        data = buf.subarray(streamDataStart(buf, k));
        if (data.length === 0 && !atEnd) return;
      } else {
        // Find `endstream` without copying more than one stream (bounded) into memory.
        const buf = tail.length ? Buffer.concat([tail, data]) : data;
        const e = buf.indexOf(ENDSTREAM);
        // Readers go by /Length, not `endstream`: a stream the file ends in is read as far as it goes.
        const body = e !== -1 ? buf.subarray(0, e) : atEnd ? buf : buf.subarray(0, Math.max(0, buf.length - (ENDSTREAM.length - 1)));
        if (info) {
          kept += body.length;
          if (kept <= MAX_STREAM_BYTES) parts.push(Buffer.from(body));
          else parts = [];
        }
        if (e === -1 && !atEnd) {
          tail = Buffer.from(buf.subarray(body.length));
          return;
        }
        finishStream();
        inStream = false;
        info = undefined;
        parts = [];
        tail = Buffer.alloc(0);
        if (e === -1) return;
        data = buf.subarray(e + ENDSTREAM.length);
        if (data.length === 0 && !atEnd) return;
      }
    }
  };

  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer;
    const marks = Buffer.concat([eofCarry, bytes]);
    const at = marks.lastIndexOf(EOF_MARK);
    if (at !== -1) endOfPdf = position - eofCarry.length + at + EOF_MARK.length;
    eofCarry = Buffer.from(marks.subarray(Math.max(0, marks.length - (EOF_MARK.length - 1))));
    position += bytes.length;
    consume(bytes, false);
  }
  consume(Buffer.alloc(0), true);
  for (const n of outsideScan.finish()) found.add(n);
  return { activeContent: [...found].sort(), uninspectable: [...uninspectable].sort(), endOfPdf, decoded, skipped };
}

/** Bytes looked at after `stream` to find where its line ends. */
const STREAM_LOOKAHEAD = 32;
const isLineSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0c || b === 0x00;

/**
 * The keyword `stream`, not part of `endstream`, followed by white space. Readers skip to the next
 * line (pdf.js accepts `stream  \r\n`), so spaces before the end of line do not hide a stream here
 * either. -1 when none, or when too few bytes follow to tell (wait for more, unless `atEnd`).
 */
function findStreamKeyword(buf: Buffer, from: number, atEnd: boolean): number {
  for (let i = buf.indexOf(STREAM, from); i !== -1; i = buf.indexOf(STREAM, i + 1)) {
    if (!atEnd && i + STREAM.length + STREAM_LOOKAHEAD > buf.length) return -1;
    const next = buf[i + STREAM.length];
    const partOfEnd = i >= 3 && buf.toString('latin1', i - 3, i) === 'end';
    if (!partOfEnd && (next === 0x0a || next === 0x0d || isLineSpace(next))) return i;
  }
  return -1;
}

/** Where a stream's data starts: after the spaces and the end of line that follow `stream`. */
function streamDataStart(buf: Buffer, k: number): number {
  let start = k + STREAM.length;
  const limit = Math.min(buf.length, start + STREAM_LOOKAHEAD);
  while (start < limit && isLineSpace(buf[start])) start++;
  if (buf[start] === 0x0d) start += 1;
  if (buf[start] === 0x0a) start += 1;
  return start;
}
