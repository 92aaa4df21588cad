import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { contentKey, detectMediaType, FilesystemObjectStorage, scanCompressedPdfStreams, UploadInspector, UploadTooLargeError } from './index';
import { testFiles } from './test-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'objstore-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const sink = () => new Writable({ write: (_c, _e, cb) => cb() });
const text = async (r: Readable) => {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts).toString();
};

async function inspect(content: Buffer, max = 1 << 20, chunk = 7, sm3 = false) {
  const chunks = Array.from({ length: Math.ceil(content.length / chunk) }, (_, i) => content.subarray(i * chunk, (i + 1) * chunk));
  const inspector = new UploadInspector(max, { sm3 });
  await pipeline(Readable.from(chunks), inspector, sink());
  return inspector.result();
}

describe('FilesystemObjectStorage', () => {
  it('puts, heads, gets and deletes; an existing object is never overwritten', async () => {
    const store = new FilesystemObjectStorage(dir);
    expect(await store.head('sha256/ab/x')).toBeNull();
    expect(await store.put('sha256/ab/x', Readable.from([Buffer.from('first')]))).toEqual({ size: 5 });
    await store.put('sha256/ab/x', Readable.from([Buffer.from('second!')]));
    expect(await text(await store.get('sha256/ab/x'))).toBe('first');
    await store.delete('sha256/ab/x');
    await expect(store.get('sha256/ab/x')).rejects.toThrow(/does not exist/);
    expect(await readdir(join(dir, '.staging'))).toEqual([]);
  });

  it('moves a staged file in, and removes the staged copy when the content is already stored', async () => {
    const store = new FilesystemObjectStorage(dir);
    const staged = join(dir, 'a.part');
    await writeFile(staged, 'same');
    await store.putFile('sha256/cd/y', staged);
    await writeFile(staged, 'same');
    expect(await store.putFile('sha256/cd/y', staged)).toEqual({ size: 4 });
    expect(await readdir(dir)).not.toContain('a.part');
  });

  it('refuses keys that could leave the store', async () => {
    const store = new FilesystemObjectStorage(dir);
    for (const key of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'a//b', 'A', 'a\0b', '文件']) {
      await expect(store.head(key)).rejects.toThrow(/not a safe relative key/);
    }
    expect(() => contentKey('../../x')).toThrow();
    expect(contentKey('a'.repeat(64))).toBe(`sha256/aa/${'a'.repeat(64)}`);
  });
});

describe('UploadInspector', () => {
  it('hashes SHA-256 and SM3 as Node computes them, across chunks', async () => {
    const content = Buffer.from('首台（套）重大技术装备'.repeat(100));
    const r = await inspect(content, 1 << 20, 13, true);
    expect(r.size).toBe(content.length);
    expect(r.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(r.sm3).toBe(createHash('sm3').update(content).digest('hex'));
  });

  it('fails the stream as soon as the limit is passed', async () => {
    await expect(inspect(Buffer.alloc(100), 99)).rejects.toBeInstanceOf(UploadTooLargeError);
    expect((await inspect(Buffer.alloc(99), 99)).size).toBe(99);
  });

  it('reads a name cut at any chunk border whole: /JavaScript found, /JSON not taken for /JS, a name ending the file seen', async () => {
    const body = Buffer.from(`%PDF-1.7\n${'x'.repeat(100)} /JSON 1 /Type /Catalog ${'y'.repeat(50)} /JavaScript (go) ${'z'.repeat(70)} /Launch`, 'latin1');
    for (const chunk of [1, 2, 5, 13, 64, 65, 100, 4096]) {
      expect((await inspect(body, 1 << 20, chunk)).pdfActiveContent).toEqual(['JavaScript', 'Launch']);
    }
    const clean = Buffer.from(`%PDF-1.7\n/JSON /Type /JSX ${'q'.repeat(200)}`, 'latin1');
    for (const chunk of [1, 3, 64, 4096]) expect((await inspect(clean, 1 << 20, chunk)).pdfActiveContent).toEqual([]);
  });

  it('finds JavaScript, /JS and an escaped /Launch in a PDF, even split across chunks, and nothing in a clean one', async () => {
    expect((await inspect(testFiles.pdfWithJs(), 1 << 20, 3)).pdfActiveContent).toEqual(['JS', 'JavaScript']);
    expect((await inspect(testFiles.pdfWithEscapedLaunch(), 1 << 20, 5)).pdfActiveContent).toEqual(['Launch']);
    const clean = await inspect(testFiles.pdf());
    expect([clean.looksLikePdf, clean.pdfActiveContent]).toEqual([true, []]);
    expect((await inspect(Buffer.from('/JavaScript in a text file'))).pdfActiveContent).toEqual([]);
  });
});

describe('detectMediaType', () => {
  const detect = async (content: Buffer) => {
    const path = join(dir, 'upload.pdf'); // the name never matters
    await writeFile(path, content);
    return (await detectMediaType(path)).id;
  };

  it('decides PDF, OFD, JPEG, PNG, docx and xlsx by content', async () => {
    expect(await detect(testFiles.pdf())).toBe('pdf');
    expect(await detect(testFiles.ofd())).toBe('ofd');
    expect(await detect(testFiles.jpeg())).toBe('jpg');
    expect(await detect(testFiles.png())).toBe('png');
    expect(await detect(testFiles.docx())).toBe('docx');
    expect(await detect(testFiles.xlsx())).toBe('xlsx');
  });

  it('catches an executable named .pdf and text that claims nothing', async () => {
    expect(await detect(testFiles.exe())).toBe('exe');
    expect(await detect(testFiles.docm())).toBe('docm');
    expect(await detect(Buffer.from('just text'))).toBe('unknown');
  });
});

describe('compressed PDF streams (second look after storing)', () => {
  const pdfWith = (...objects: Array<{ dict: string; data: Buffer }>) =>
    Buffer.concat([
      Buffer.from('%PDF-1.7\n', 'latin1'),
      ...objects.flatMap(({ dict, data }, i) => [
        Buffer.from(`${i + 1} 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\r\n`, 'latin1'),
        data,
        Buffer.from('\nendstream\nendobj\n', 'latin1'),
      ]),
      Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
    ]);
  const scan = async (content: Buffer) => {
    const dir = await mkdtemp(join(tmpdir(), 'pdf-scan-'));
    const path = join(dir, 'x.pdf');
    await writeFile(path, content);
    try {
      return await scanCompressedPdfStreams(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('finds /JavaScript hidden in a Flate-compressed object stream, which the upload scan cannot see', async () => {
    const hidden = deflateSync(Buffer.from('4 0 << /Type /Action /S /JavaScript /JS (app.alert(1)) >> 5 0 << /Type /Catalog /OpenAction 4 0 R >>', 'latin1'));
    const pdf = pdfWith({ dict: '/Type /ObjStm /N 2 /First 8 /Filter /FlateDecode', data: hidden });
    const seen = await inspect(pdf);
    expect([seen.pdfActiveContent, seen.pdfHasCompressedStreams]).toEqual([[], true]);
    expect(await scan(pdf)).toEqual({ names: ['JS', 'JavaScript'], inspected: 1, skipped: 0 });
  });

  it('passes clean compressed content, leaves images alone, and skips a stream that would inflate past the limit', async () => {
    const page = deflateSync(Buffer.from('BT /F1 12 Tf (首台套) Tj ET', 'utf8'));
    const image = Buffer.concat([Buffer.from('/JavaScript'), Buffer.alloc(100, 7)]); // not inflated: an image
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MiB of zeros in ~64 KiB
    const result = await scan(
      pdfWith(
        { dict: '/Filter /FlateDecode', data: page },
        { dict: '/Type /XObject /Subtype /Image /Filter /FlateDecode', data: image },
        { dict: '/Filter /FlateDecode', data: bomb },
        { dict: '', data: Buffer.from('plain stream /Launch is seen by the upload scan') },
      ),
    );
    expect(result).toEqual({ names: [], inspected: 1, skipped: 1 });
  });

  it('follows a large image stream whose end falls across a read boundary, and still finds what comes after', async () => {
    const hidden = deflateSync(Buffer.from('<< /S /JavaScript /JS (x) >>', 'latin1'));
    for (const shift of [0, 3, 5, 8, 9, 12]) {
      const head = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Subtype /Image /Filter /FlateDecode >>\nstream\n', 'latin1');
      const image = Buffer.alloc(256 * 1024 - head.length - shift, 0x41); // "endstream" lands on the 256 KiB read border
      const pdf = Buffer.concat([head, image, pdfWith({ dict: '/Type /ObjStm /Filter /FlateDecode', data: hidden }).subarray(9)]);
      const result = await scan(Buffer.concat([pdf.subarray(0, head.length + image.length), Buffer.from('endstream\nendobj\n'), pdf.subarray(head.length + image.length)]));
      expect([shift, result.names]).toEqual([shift, ['JS', 'JavaScript']]);
    }
    expect((await inspect(testFiles.pdf())).pdfHasCompressedStreams).toBe(false);
  });
});

