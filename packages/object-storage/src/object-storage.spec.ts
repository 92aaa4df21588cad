import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { contentKey, detectMediaType, FilesystemObjectStorage, UploadInspector, UploadTooLargeError } from './index';
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

  it('keeps metadata in a side file that lists as no object, replaced by a later store and removed with the object', async () => {
    const store = new FilesystemObjectStorage(dir);
    await store.put('sha256/ef/z', Readable.from([Buffer.from('scanned')]), { 'scan-verdict': 'clean' });
    expect(await store.head('sha256/ef/z')).toEqual({ size: 7, metadata: { 'scan-verdict': 'clean' } });
    await store.put('sha256/ef/z', Readable.from([Buffer.from('scanned')]), { 'scan-verdict': 'clean', 'scanned-at': '2026-12-04T00:00:00Z' });
    expect((await store.head('sha256/ef/z'))?.metadata).toEqual({ 'scan-verdict': 'clean', 'scanned-at': '2026-12-04T00:00:00Z' });
    const keys = [];
    for await (const o of store.list()) keys.push(o.key);
    expect(keys).toEqual(['sha256/ef/z']);
    await expect(store.put('sha256/ef/w', Readable.from([Buffer.from('w')]), { 'Scan Verdict': 'x' })).rejects.toThrow(/printable ASCII/);
    await store.delete('sha256/ef/z');
    expect(await readdir(join(dir, 'objects', 'sha256', 'ef'))).toEqual([]);
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
