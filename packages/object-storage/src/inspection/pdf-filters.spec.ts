import { deflateSync } from 'node:zlib';
import { ascii85Decode, asciiHexDecode, decodeStream, flateDecode, lzwDecode, PdfDecodeError, PdfDecodeLimitError, runLengthDecode, undoPredictor } from './pdf-filters';

/** LZW as PDF writers encode it (9–12 bit codes, clear first, EarlyChange 1 unless told). */
function lzwEncode(data: Buffer, earlyChange = 1): Buffer {
  const dict = new Map<string, number>();
  for (let i = 0; i < 256; i++) dict.set(String.fromCharCode(i), i);
  let next = 258;
  let width = 9;
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const emit = (code: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
      acc &= (1 << bits) - 1;
    }
  };
  const widthFor = (x: number) => (x >= 2048 ? 12 : x >= 1024 ? 11 : x >= 512 ? 10 : 9);
  emit(256);
  let w = '';
  for (const byte of data) {
    const c = String.fromCharCode(byte);
    if (dict.has(w + c)) {
      w += c;
      continue;
    }
    emit(dict.get(w)!);
    if (next === 4094) {
      emit(256); // the table is full: start afresh, as writers do
      dict.clear();
      for (let i = 0; i < 256; i++) dict.set(String.fromCharCode(i), i);
      next = 258;
      width = 9;
    } else {
      dict.set(w + c, next++);
      width = widthFor(next + earlyChange - 1);
    }
    w = c;
  }
  if (w) emit(dict.get(w)!);
  emit(257);
  if (bits > 0) out.push((acc << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

const text = (s: string) => Buffer.from(s, 'latin1');

describe('PDF stream filters (decoded before the active-content scan)', () => {
  it('ASCIIHexDecode: pairs, white space, the > end, an odd last digit, and a bad digit refused', () => {
    expect(asciiHexDecode(text('48 65\n6C6c 6F>ignored'), 100).toString()).toBe('Hello');
    expect([...asciiHexDecode(text('414>'), 100)]).toEqual([0x41, 0x40]);
    expect(() => asciiHexDecode(text('4G>'), 100)).toThrow(PdfDecodeError);
  });

  it('ASCII85Decode: the vectors Python\'s a85encode gives, z for zeros, ~> ends', () => {
    expect(ascii85Decode(text('87cURD]i,"Ebo7~>'), 100).toString()).toBe('Hello World');
    expect([...ascii85Decode(text('z@:B~>'), 100)]).toEqual([0, 0, 0, 0, 0x61, 0x62]);
    expect(ascii85Decode(text('87cU RD]i\n,"Ebo7'), 100).toString()).toBe('Hello World');
    expect(() => ascii85Decode(text('87cURv~>'), 100)).toThrow(PdfDecodeError);
  });

  it('LZWDecode: the example of ISO 32000-1 §7.4.4.2, and round trips through 9- to 12-bit codes and a full table, with either EarlyChange', () => {
    expect(lzwDecode(Buffer.from('800b6050220c0c8501', 'hex'), 100).toString()).toBe('-----A---B');
    let seed = 7;
    const varied = Buffer.from(Array.from({ length: 40000 }, () => 0x41 + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 20)));
    expect(lzwDecode(lzwEncode(varied), 1 << 20).equals(varied)).toBe(true);
    expect(lzwDecode(lzwEncode(varied, 0), 1 << 20, 0).equals(varied)).toBe(true);
  });

  it('RunLengthDecode: literal runs, repeats, the 128 end; a run past the end is refused', () => {
    expect(runLengthDecode(Buffer.from([2, 0x61, 0x62, 0x63, 254, 0x78, 128, 0x7a]), 100).toString()).toBe('abcxxx');
    expect(() => runLengthDecode(Buffer.from([5, 0x61]), 100)).toThrow(PdfDecodeError);
  });

  it('FlateDecode: inflates, takes a stream cut short, and stops a bomb at the limit', () => {
    const page = text('BT /F1 12 Tf (x) Tj ET '.repeat(50));
    expect(flateDecode(deflateSync(page), 1 << 20).equals(page)).toBe(true);
    expect(flateDecode(deflateSync(page).subarray(0, 40), 1 << 20).length).toBeGreaterThan(0);
    expect(() => flateDecode(deflateSync(Buffer.alloc(1 << 20)), 64 * 1024)).toThrow(PdfDecodeLimitError);
  });

  it('every decoder stops at the limit', () => {
    expect(() => asciiHexDecode(text('00'.repeat(20)), 10)).toThrow(PdfDecodeLimitError);
    expect(() => ascii85Decode(text('zzzz'), 10)).toThrow(PdfDecodeLimitError);
    expect(() => runLengthDecode(Buffer.from([129, 0, 129, 0]), 200)).toThrow(PdfDecodeLimitError);
    expect(() => lzwDecode(lzwEncode(Buffer.alloc(5000)), 1000)).toThrow(PdfDecodeLimitError);
  });

  it('undoes PNG predictors (None, Sub, Up, Average, Paeth) and the TIFF predictor', () => {
    // Two rows of 3 bytes: [1 2 3] then [4 6 8]; row 2 encoded with Up (4-1, 6-2, 8-3).
    const up = Buffer.from([0, 1, 2, 3, 2, 3, 4, 5]);
    expect([...undoPredictor(up, { Predictor: 12, Columns: 3 }, 100)]).toEqual([1, 2, 3, 4, 6, 8]);
    const sub = Buffer.from([1, 1, 1, 1]); // 1, 1+1, 2+1
    expect([...undoPredictor(sub, { Predictor: 11, Columns: 3 }, 100)]).toEqual([1, 2, 3]);
    const avg = Buffer.from([0, 10, 20, 3, 5, 5]); // row 2: 5+(0+10)/2=10, 5+(10+20)/2=20
    expect([...undoPredictor(avg, { Predictor: 13, Columns: 2 }, 100)]).toEqual([10, 20, 10, 20]);
    const paeth = Buffer.from([0, 10, 20, 4, 0, 0]); // Paeth picks up (10, 20)
    expect([...undoPredictor(paeth, { Predictor: 15, Columns: 2 }, 100)]).toEqual([10, 20, 10, 20]);
    expect([...undoPredictor(Buffer.from([5, 1, 1]), { Predictor: 2, Columns: 3 }, 100)]).toEqual([5, 6, 7]);
    expect(() => undoPredictor(Buffer.from([9, 1]), { Predictor: 12, Columns: 1 }, 100)).toThrow(PdfDecodeError);
  });

  it('decodes a chain in order, with short names and parameters; stops at image codecs; refuses unknown filters', () => {
    const objects = text('<< /S /JavaScript /JS (x) >>');
    const chained = text(deflateSync(objects).toString('hex') + '>');
    expect(decodeStream(chained, ['ASCIIHexDecode', 'FlateDecode'], [], 1 << 20)).toEqual({ data: objects, opaque: false });
    expect(decodeStream(chained, ['AHx', 'Fl'], [], 1 << 20).data.equals(objects)).toBe(true);
    const predicted = deflateSync(Buffer.from([2, ...objects]));
    expect(decodeStream(predicted, ['FlateDecode'], [{ Predictor: 12, Columns: objects.length }], 1 << 20).data.equals(objects)).toBe(true);
    expect(decodeStream(text('abc'), ['DCTDecode'], [], 100)).toEqual({ data: text('abc'), opaque: true });
    expect(() => decodeStream(text('abc'), ['Fl#61teDecode'], [], 100)).toThrow(/unknown filter/);
  });
});
