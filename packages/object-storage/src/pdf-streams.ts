import { createReadStream } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { activePdfNames } from './upload-inspector';

/** Compressed bytes kept for one stream, and what it may inflate to: beyond, the stream is skipped. */
const MAX_STREAM_BYTES = 32 * 1024 * 1024;
const DICTIONARY_WINDOW = 4096;
const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');

export interface CompressedStreamScan {
  /** Active-content names found inside Flate-compressed streams (object streams hide them there). */
  names: string[];
  /** Compressed streams inspected. */
  inspected: number;
  /** Streams not inspected: larger than the limit, or not inflatable. */
  skipped: number;
}

/**
 * The second look at a stored PDF: the names the upload scan cannot see because they sit inside
 * Flate-compressed streams (PDF 1.5 object streams routinely carry /OpenAction … /JavaScript there).
 * Reads the file once, keeps at most one stream in memory (bounded), leaves images alone, and
 * inflates with an output limit (a "zip bomb" is skipped, not expanded).
 */
export async function scanCompressedPdfStreams(path: string): Promise<CompressedStreamScan> {
  const found = new Set<string>();
  let inspected = 0;
  let skipped = 0;
  let outside = Buffer.alloc(0); // bytes not yet searched for `stream`, after a window of the dictionary before
  let searchFrom = 0;
  let inStream = false;
  let capture = false;
  let parts: Buffer[] = [];
  let kept = 0;
  let tail = Buffer.alloc(0);

  const finishStream = () => {
    if (!capture) return;
    try {
      const inflated = inflateSync(Buffer.concat(parts), { maxOutputLength: MAX_STREAM_BYTES });
      inspected += 1;
      for (const n of activePdfNames(inflated)) found.add(n);
    } catch {
      skipped += 1;
    }
  };

  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    let data = chunk as Buffer;
    while (data.length > 0) {
      if (!inStream) {
        const buf = outside.length ? Buffer.concat([outside, data]) : data;
        data = Buffer.alloc(0);
        const k = findStreamKeyword(buf, searchFrom);
        if (k === -1) {
          const keep = Math.min(buf.length, DICTIONARY_WINDOW + STREAM.length + 2);
          outside = Buffer.from(buf.subarray(buf.length - keep));
          searchFrom = Math.max(0, outside.length - (STREAM.length + 2));
          continue;
        }
        const before = buf.toString('latin1', Math.max(0, k - DICTIONARY_WINDOW), k);
        const dictionary = before.slice(before.lastIndexOf('obj'));
        capture = /\/FlateDecode\b/.test(dictionary) && !/\/Subtype\s*\/Image\b/.test(dictionary);
        let start = k + STREAM.length;
        if (buf[start] === 0x0d) start += 1;
        if (buf[start] === 0x0a) start += 1;
        inStream = true;
        parts = [];
        kept = 0;
        tail = Buffer.alloc(0);
        outside = Buffer.alloc(0);
        searchFrom = 0;
        data = buf.subarray(start);
      } else if (!capture) {
        // Not kept: find the end without copying the stream (it may be a 1 GiB image).
        const boundary = Buffer.concat([tail, data.subarray(0, ENDSTREAM.length - 1)]);
        const across = boundary.indexOf(ENDSTREAM);
        const e = across !== -1 ? across - tail.length : data.indexOf(ENDSTREAM);
        if (e === -1 && across === -1) {
          tail = Buffer.from(data.subarray(Math.max(0, data.length - (ENDSTREAM.length - 1))));
          data = Buffer.alloc(0);
          continue;
        }
        inStream = false;
        tail = Buffer.alloc(0);
        data = data.subarray(e + ENDSTREAM.length);
      } else {
        const buf = tail.length ? Buffer.concat([tail, data]) : data;
        data = Buffer.alloc(0);
        const e = buf.indexOf(ENDSTREAM);
        const body = e === -1 ? buf.subarray(0, Math.max(0, buf.length - ENDSTREAM.length)) : buf.subarray(0, e);
        kept += body.length;
        if (kept > MAX_STREAM_BYTES) {
          capture = false;
          parts = [];
          skipped += 1;
        } else parts.push(Buffer.from(body));
        if (e === -1) {
          tail = Buffer.from(buf.subarray(body.length));
          continue;
        }
        finishStream();
        inStream = false;
        parts = [];
        tail = Buffer.alloc(0);
        data = buf.subarray(e + ENDSTREAM.length);
      }
    }
  }
  return { names: [...found].sort(), inspected, skipped };
}

/** The keyword `stream` at the start of stream data: followed by an end of line, not part of `endstream`. */
function findStreamKeyword(buf: Buffer, from: number): number {
  for (let i = buf.indexOf(STREAM, from); i !== -1; i = buf.indexOf(STREAM, i + 1)) {
    const next = buf[i + STREAM.length];
    if (next === undefined) return -1; // cannot tell yet: wait for more bytes
    const partOfEnd = i >= 3 && buf.toString('latin1', i - 3, i) === 'end';
    if (!partOfEnd && (next === 0x0a || next === 0x0d)) return i;
  }
  return -1;
}
