import { constants, inflateSync } from 'node:zlib';

/**
 * The standard PDF stream filters (ISO 32000-1 §7.4), decoded in order so the active-content scan
 * sees what a reader would. Every decoder stops at `limit` output bytes: a "bomb" fails, it is
 * never expanded. Image codecs (DCT, JPX, CCITT, JBIG2) and Crypt are not decoded: what they hold
 * is pixels, or it cannot be read without the key.
 */
export class PdfDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfDecodeError';
  }
}

export class PdfDecodeLimitError extends PdfDecodeError {
  constructor(limit: number) {
    super(`decoded stream exceeds ${limit} bytes`);
    this.name = 'PdfDecodeLimitError';
  }
}

/** Decode parameters that change the bytes (predictors, LZW's early change). */
export interface DecodeParams {
  Predictor?: number;
  Colors?: number;
  BitsPerComponent?: number;
  Columns?: number;
  EarlyChange?: number;
}

/** Filters whose output is image data or encrypted: decoding stops before them. */
export const OPAQUE_FILTERS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode', 'Crypt']);
const ALIASES: Record<string, string> = { AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', LZW: 'LZWDecode', Fl: 'FlateDecode', RL: 'RunLengthDecode' };

/** Growable output with a hard limit. */
class Out {
  private buf: Buffer;
  length = 0;
  constructor(private readonly limit: number, initial = 4096) {
    this.buf = Buffer.alloc(Math.min(initial, limit + 1));
  }
  private room(n: number) {
    if (this.length + n > this.limit) throw new PdfDecodeLimitError(this.limit);
    if (this.length + n > this.buf.length) {
      const next = Buffer.alloc(Math.min(this.limit + 1, Math.max(this.buf.length * 2, this.length + n)));
      this.buf.copy(next, 0, 0, this.length);
      this.buf = next;
    }
  }
  push(b: number) {
    this.room(1);
    this.buf[this.length++] = b;
  }
  pushBytes(src: Buffer | Uint8Array, start = 0, end = src.length) {
    this.room(end - start);
    this.buf.set(src.subarray(start, end), this.length);
    this.length += end - start;
  }
  result(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

const isWhite = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

/** ASCIIHexDecode: hex pairs, white space ignored, `>` ends; an odd last digit is followed by 0. */
export function asciiHexDecode(data: Buffer, limit: number): Buffer {
  const out = new Out(limit, data.length / 2 + 1);
  let high = -1;
  for (const b of data) {
    if (b === 0x3e) break;
    if (isWhite(b)) continue;
    const v = hexValue(b);
    if (v < 0) throw new PdfDecodeError('ASCIIHexDecode: not a hex digit');
    if (high < 0) high = v;
    else {
      out.push((high << 4) | v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return out.result();
}

/** ASCII85Decode: base-85 groups of five, `z` for four zeros, `~>` ends, a short last group padded with `u`. */
export function ascii85Decode(data: Buffer, limit: number): Buffer {
  const out = new Out(limit, data.length);
  const group: number[] = [];
  const flush = (n: number) => {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 85 + (i < group.length ? group[i] : 84);
    if (value > 0xffffffff) throw new PdfDecodeError('ASCII85Decode: group out of range');
    for (let i = 0; i < n; i++) out.push((value >>> (24 - 8 * i)) & 0xff);
  };
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (b === 0x7e) break; // `~>`
    if (isWhite(b)) continue;
    if (b === 0x7a && group.length === 0) {
      for (let k = 0; k < 4; k++) out.push(0);
      continue;
    }
    if (b < 0x21 || b > 0x75) throw new PdfDecodeError('ASCII85Decode: character out of range');
    group.push(b - 0x21);
    if (group.length === 5) {
      flush(4);
      group.length = 0;
    }
  }
  if (group.length === 1) throw new PdfDecodeError('ASCII85Decode: a lone last character');
  if (group.length > 0) flush(group.length - 1);
  return out.result();
}

/** RunLengthDecode: n < 128 copies n+1 bytes, n > 128 repeats the next byte 257-n times, 128 ends. */
export function runLengthDecode(data: Buffer, limit: number): Buffer {
  const out = new Out(limit, data.length * 2);
  let i = 0;
  while (i < data.length) {
    const n = data[i++];
    if (n === 128) break;
    if (n < 128) {
      if (i + n + 1 > data.length) throw new PdfDecodeError('RunLengthDecode: run past the end');
      out.pushBytes(data, i, i + n + 1);
      i += n + 1;
    } else {
      if (i >= data.length) throw new PdfDecodeError('RunLengthDecode: run past the end');
      const b = data[i++];
      for (let k = 0; k < 257 - n; k++) out.push(b);
    }
  }
  return out.result();
}

/** LZWDecode: 9- to 12-bit codes, 256 clears, 257 ends; `earlyChange` 1 (the default) widens codes one early. */
export function lzwDecode(data: Buffer, limit: number, earlyChange = 1): Buffer {
  const out = new Out(limit, data.length * 3);
  let table: Buffer[] = [];
  const reset = () => {
    table = [];
    for (let i = 0; i < 256; i++) table.push(Buffer.from([i]));
    table.push(Buffer.alloc(0), Buffer.alloc(0)); // 256 clear, 257 end
  };
  reset();
  let width = 9;
  let bits = 0;
  let acc = 0;
  let previous: Buffer | null = null;
  for (const byte of data) {
    acc = ((acc << 8) | byte) >>> 0;
    bits += 8;
    while (bits >= width) {
      const code = (acc >>> (bits - width)) & ((1 << width) - 1);
      bits -= width;
      acc &= (1 << bits) - 1;
      if (code === 256) {
        reset();
        width = 9;
        previous = null;
        continue;
      }
      if (code === 257) return out.result();
      let entry: Buffer;
      if (code < table.length) entry = table[code];
      else if (code === table.length && previous) entry = Buffer.concat([previous, previous.subarray(0, 1)]);
      else throw new PdfDecodeError('LZWDecode: code not in the table');
      out.pushBytes(entry);
      if (previous) {
        if (table.length < 4096) table.push(Buffer.concat([previous, entry.subarray(0, 1)]));
      }
      previous = entry;
      const next = table.length + earlyChange;
      width = next >= 2048 ? 12 : next >= 1024 ? 11 : next >= 512 ? 10 : 9;
    }
  }
  return out.result();
}

/** FlateDecode with zlib; a stream cut short (common in the wild) gives what it holds. */
export function flateDecode(data: Buffer, limit: number): Buffer {
  try {
    return inflateSync(data, { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new PdfDecodeLimitError(limit);
    throw new PdfDecodeError(`FlateDecode: ${(err as Error).message}`);
  }
}

/** Undoes a PNG (10–15) or TIFF (2) predictor, as FlateDecode and LZWDecode parameters ask. */
export function undoPredictor(data: Buffer, params: DecodeParams, limit: number): Buffer {
  const predictor = params.Predictor ?? 1;
  if (predictor <= 1) return data;
  const colors = params.Colors ?? 1;
  const bpc = params.BitsPerComponent ?? 8;
  const columns = params.Columns ?? 1;
  if (![1, 2, 4, 8, 16].includes(bpc) || colors < 1 || colors > 32 || columns < 1 || columns > 1 << 20) {
    throw new PdfDecodeError('predictor parameters out of range');
  }
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowBytes = Math.ceil((colors * bpc * columns) / 8);
  const out = new Out(limit, data.length);
  if (predictor === 2) {
    if (bpc !== 8) throw new PdfDecodeError('TIFF predictor supported for 8-bit components only');
    for (let r = 0; r < data.length; r += rowBytes) {
      const row = Buffer.from(data.subarray(r, r + rowBytes));
      for (let i = bpp; i < row.length; i++) row[i] = (row[i] + row[i - bpp]) & 0xff;
      out.pushBytes(row);
    }
    return out.result();
  }
  if (predictor < 10 || predictor > 15) throw new PdfDecodeError(`unknown predictor ${predictor}`);
  let prior = Buffer.alloc(rowBytes);
  for (let r = 0; r < data.length; r += rowBytes + 1) {
    const type = data[r];
    const row = Buffer.alloc(rowBytes);
    data.copy(row, 0, r + 1, Math.min(data.length, r + 1 + rowBytes));
    for (let i = 0; i < rowBytes; i++) {
      const left = i >= bpp ? row[i - bpp] : 0;
      const up = prior[i];
      const upLeft = i >= bpp ? prior[i - bpp] : 0;
      if (type === 1) row[i] = (row[i] + left) & 0xff;
      else if (type === 2) row[i] = (row[i] + up) & 0xff;
      else if (type === 3) row[i] = (row[i] + ((left + up) >> 1)) & 0xff;
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        row[i] = (row[i] + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)) & 0xff;
      } else if (type !== 0) throw new PdfDecodeError(`PNG predictor: row type ${type}`);
    }
    out.pushBytes(row);
    prior = row;
  }
  return out.result();
}

export interface DecodedStream {
  data: Buffer;
  /** Decoding stopped at an image codec or Crypt: the data is not text to read. */
  opaque: boolean;
}

/**
 * Applies a stream's filter chain (names already `#`-decoded) with their parameters. Unknown
 * filters fail: what cannot be decoded cannot be vouched for.
 */
export function decodeStream(data: Buffer, filters: string[], params: Array<DecodeParams | undefined>, limit: number): DecodedStream {
  let bytes = data;
  for (let i = 0; i < filters.length; i++) {
    const name = ALIASES[filters[i]] ?? filters[i];
    const p = params[i] ?? {};
    if (OPAQUE_FILTERS.has(name)) return { data: bytes, opaque: true };
    switch (name) {
      case 'FlateDecode':
        bytes = undoPredictor(flateDecode(bytes, limit), p, limit);
        break;
      case 'LZWDecode':
        bytes = undoPredictor(lzwDecode(bytes, limit, p.EarlyChange ?? 1), p, limit);
        break;
      case 'ASCIIHexDecode':
        bytes = asciiHexDecode(bytes, limit);
        break;
      case 'ASCII85Decode':
        bytes = ascii85Decode(bytes, limit);
        break;
      case 'RunLengthDecode':
        bytes = runLengthDecode(bytes, limit);
        break;
      default:
        throw new PdfDecodeError(`unknown filter /${name}`);
    }
  }
  return { data: bytes, opaque: false };
}
