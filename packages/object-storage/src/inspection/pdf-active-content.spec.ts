import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { pdfOf, testFiles } from '../test-files';
import { inspectPdf, PdfNameScanner } from './pdf-active-content';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pdf-scan-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const inspect = async (content: Buffer) => {
  const path = join(dir, 'x.pdf');
  await writeFile(path, content);
  return inspectPdf(path);
};
const scanInChunks = (content: Buffer, size: number) => {
  const scanner = new PdfNameScanner();
  for (let i = 0; i < content.length; i += size) scanner.push(content.subarray(i, i + size));
  return scanner.finish();
};
const objStm = (objects: string, filter: string, encode: (b: Buffer) => Buffer, extra = '') =>
  pdfOf([{ dict: '<< /Type /Catalog /Pages 2 0 R >>' }, { dict: `/Type /ObjStm /N 2 /First 8 /Filter ${filter}${extra}`, stream: encode(Buffer.from(`5 0 6 40 ${objects}`, 'latin1')) }]);
const ACTION = '<< /Type /Catalog /OpenAction 6 0 R >> << /S /JavaScript /JS (app.alert(1)) >>';

describe('the name scan (M7.4: active content is refused)', () => {
  it('reads a name or an /S pair cut at any chunk border whole: /JSON is not /JS, a name ending the file is seen', () => {
    const body = Buffer.from(`%PDF-1.7\n${'x'.repeat(100)} /JSON 1 /Type /Catalog ${'y'.repeat(50)} /JavaScript (go) /S\n%note\n/Named ${'z'.repeat(70)} /Launch`, 'latin1');
    for (const size of [1, 2, 5, 13, 64, 65, 100, 4096]) expect([size, scanInChunks(body, size)]).toEqual([size, ['JavaScript', 'Launch', 'Named']]);
    const clean = Buffer.from(`%PDF-1.7\n/JSON /Type /JSX /JavaScript2 /S /GoTo /S/P /S /Transparency ${'q'.repeat(200)}`, 'latin1');
    for (const size of [1, 3, 64, 4096]) expect(scanInChunks(clean, size)).toEqual([]);
  });

  it('decodes #-escapes in names and action types: /J#61vaScript, /#53 /Hide, /S /G#6FToR', () => {
    expect(scanInChunks(Buffer.from('<< /J#61vaScript 1 /#53 /Hide /S /G#6FToR >>', 'latin1'), 3)).toEqual(['GoToR', 'Hide', 'JavaScript']);
  });
});

describe('inspectPdf: every filter decoded, object streams read (M7.4)', () => {
  it('finds JavaScript in object streams behind Flate, a #-escaped /Fl#61teDecode, ASCIIHex, ASCII85, LZW, RunLength and chains', async () => {
    const cases: Array<[string, Buffer]> = [
      ['Flate', testFiles.pdfWithHiddenJs()],
      ['escaped Flate', testFiles.pdfWithEscapedFilterJs()],
      ['ASCIIHex', testFiles.pdfWithHexJs()],
      ['ASCII85 + Flate', objStm(ACTION, '[/A85 /FlateDecode]', (b) => Buffer.from(a85(deflateSync(b)) + '~>', 'latin1'))],
      ['LZW', objStm(ACTION, '/LZWDecode', (b) => lzwLiteral(b))],
      ['RunLength', objStm(ACTION, '/RunLengthDecode', (b) => Buffer.concat([...chunks(b, 128).map((c) => Buffer.concat([Buffer.from([c.length - 1]), c])), Buffer.from([128])]))],
      ['Flate + PNG predictor', objStm(ACTION, '/FlateDecode', (b) => deflateSync(Buffer.concat([Buffer.from([0]), b])), ` /DecodeParms << /Predictor 12 /Columns ${Buffer.from(`5 0 6 40 ${ACTION}`).length} >>`)],
    ];
    for (const [name, pdf] of cases) {
      const seen = await inspect(pdf);
      expect([name, seen.activeContent, seen.uninspectable, seen.decoded]).toEqual([name, ['JS', 'JavaScript'], [], 1]);
    }
  });

  it('sees an object stream whose `stream` keyword is followed by spaces or a tab before the end of line, as readers accept', async () => {
    for (const eol of [' \r\n', '   \n', '\t\n', '\r']) {
      const data = deflateSync(Buffer.from(`5 0 6 40 ${ACTION}`, 'latin1'));
      const pdf = Buffer.concat([
        Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 2 /First 8 /Filter /FlateDecode /Length ${data.length} >>\nstream${eol}`, 'latin1'),
        data,
        Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
      ]);
      expect([JSON.stringify(eol), (await inspect(pdf)).activeContent]).toEqual([JSON.stringify(eol), ['JS', 'JavaScript']]);
    }
  });

  it('reads an object stream the file ends in, without `endstream` (readers go by /Length)', async () => {
    const data = deflateSync(Buffer.from(`5 0 6 40 ${ACTION}`, 'latin1'));
    const pdf = Buffer.concat([Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 2 /First 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'), data]);
    expect(await inspect(pdf)).toMatchObject({ activeContent: ['JS', 'JavaScript'], decoded: 1 });
  });

  it('refuses /OpenAction with /URI or /GoToR, a /Launch with an escaped name, and any action but GoTo', async () => {
    expect((await inspect(testFiles.pdfOpenActionUri())).activeContent).toEqual(['URI']);
    expect((await inspect(testFiles.pdfOpenActionGoToR())).activeContent).toEqual(['GoToR']);
    expect((await inspect(testFiles.pdfWithEscapedLaunch())).activeContent).toEqual(['Launch']);
    expect((await inspect(testFiles.pdf('1 0 obj << /Type /Catalog /AA << /WC << /S /Named /N /Print >> >> >> endobj'))).activeContent).toEqual(['Named']);
    expect((await inspect(testFiles.pdf('1 0 obj << /Type /Catalog /AcroForm << /XFA 5 0 R >> >> endobj'))).activeContent).toEqual(['XFA']);
    expect((await inspect(testFiles.pdf('1 0 obj << /Names << /EmbeddedFiles 3 0 R >> >> endobj'))).activeContent).toEqual(['EmbeddedFiles']);
  });

  it('accepts a real-world-like PDF: Flate page content, outline, /Link annotations and an /OpenAction to destinations in the file', async () => {
    const seen = await inspect(testFiles.pdfWithInternalLinks());
    expect([seen.activeContent, seen.uninspectable]).toEqual([[], []]);
    expect(seen.skipped).toBe(1); // the page content is not read as objects
  });

  it('reports an object stream it cannot read (corrupt, unknown filter, a bomb, behind an image codec) and leaves images alone', async () => {
    const corrupt = await inspect(objStm(ACTION, '/FlateDecode', () => Buffer.from('not deflate at all')));
    expect(corrupt.uninspectable).toEqual([expect.stringContaining('does not decode')]);
    expect((await inspect(objStm(ACTION, '/Foo', (b) => b))).uninspectable).toEqual([expect.stringContaining('unknown filter')]);
    expect((await inspect(objStm(ACTION, '/FlateDecode', () => deflateSync(Buffer.alloc(40 * 1024 * 1024))))).uninspectable).toEqual([expect.stringContaining('does not decode')]);
    expect((await inspect(objStm(ACTION, '/DCTDecode', (b) => b))).uninspectable).toEqual([expect.stringContaining('image or encryption')]);
    const image = pdfOf([{ dict: '/Type /XObject /Subtype /Image /Filter /FlateDecode', stream: Buffer.concat([Buffer.from('/JavaScript'), Buffer.alloc(100, 7)]) }]);
    expect(await inspect(image)).toMatchObject({ activeContent: [], uninspectable: [], decoded: 0, skipped: 1 });
  });

  it('refuses a stream whose dictionary cannot be told (a stray `stream`, a dictionary that does not parse, an object stream naming /Filter twice)', async () => {
    const stray = Buffer.from('%PDF-1.7\n<< /Filter /FlateDecode >>\nstream\nxx\nendstream\n%%EOF\n', 'latin1');
    expect((await inspect(stray)).uninspectable).toEqual(['a stream without its object header']);
    const broken = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 (unterminated >>\nstream\nxx\nendstream\n%%EOF\n', 'latin1');
    expect((await inspect(broken)).uninspectable).toEqual(['a stream dictionary that does not parse']);
    const twice = objStm(ACTION, '/ASCIIHexDecode /Filter /FlateDecode', (b) => deflateSync(b));
    expect((await inspect(twice)).uninspectable).toEqual(['an object stream dictionary that names a key twice']);
  });

  it('follows a large image stream whose end falls across a read boundary, and still finds what comes after; tells where %%EOF ends', async () => {
    const hidden = deflateSync(Buffer.from('<< /S /JavaScript /JS (x) >>', 'latin1'));
    for (const shift of [0, 3, 5, 8, 9, 12]) {
      const head = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Subtype /Image /Filter /FlateDecode >>\nstream\n', 'latin1');
      const image = Buffer.alloc(256 * 1024 - head.length - shift, 0x41); // "endstream" lands on the 256 KiB read border
      const rest = pdfOf([{ dict: '/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', stream: hidden }]).subarray(9);
      const seen = await inspect(Buffer.concat([head, image, Buffer.from('endstream\nendobj\n'), rest]));
      expect([shift, seen.activeContent]).toEqual([shift, ['JS', 'JavaScript']]);
    }
    const pdf = testFiles.pdf();
    expect((await inspect(pdf)).endOfPdf).toBe(pdf.length - 1);
    expect((await inspect(Buffer.from('%PDF-1.7\n'))).endOfPdf).toBe(-1);
  });
});

function chunks(b: Buffer, n: number): Buffer[] {
  return Array.from({ length: Math.ceil(b.length / n) }, (_, i) => b.subarray(i * n, (i + 1) * n));
}
/** ASCII85 as writers produce it (z for zeros, a short last group). */
function a85(b: Buffer): string {
  let out = '';
  for (let i = 0; i < b.length; i += 4) {
    const group = Buffer.alloc(4);
    b.copy(group, 0, i, i + 4);
    const n = Math.min(4, b.length - i);
    let v = group.readUInt32BE(0);
    if (v === 0 && n === 4) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(0x21 + (v % 85)));
      v = Math.floor(v / 85);
    }
    out += digits.slice(0, n + 1).join('');
  }
  return out;
}
/** LZW with only literal codes (a valid stream every decoder reads): clear, each byte, end; widths follow the table. */
function lzwLiteral(b: Buffer): Buffer {
  const codes = [256, ...b, 257];
  let acc = 0n;
  let bits = 0;
  let tableLength = 258;
  const out: number[] = [];
  codes.forEach((code, i) => {
    // The decoder adds an entry for every code after the first literal one.
    const width = i <= 1 ? 9 : tableLength + 1 >= 2048 ? 12 : tableLength + 1 >= 1024 ? 11 : tableLength + 1 >= 512 ? 10 : 9;
    acc = (acc << BigInt(width)) | BigInt(code);
    bits += width;
    if (i >= 1 && code !== 257) tableLength += i >= 2 ? 1 : 0;
    while (bits >= 8) {
      out.push(Number((acc >> BigInt(bits - 8)) & 0xffn));
      bits -= 8;
      acc &= (1n << BigInt(bits)) - 1n;
    }
  });
  if (bits > 0) out.push(Number((acc << BigInt(8 - bits)) & 0xffn));
  return Buffer.from(out);
}
