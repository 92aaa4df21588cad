import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
// @ts-expect-error -- s3rver ships no types
import S3rver from 's3rver';
import { contentKey, MIN_PART_SIZE, ObjectChecksumMismatchError, ObjectNotFoundError, S3ObjectStorage, S3Settings } from './index';

// The S3 adapter (AWS SDK v3) against s3rver, an independent S3 implementation. s3rver neither
// checks signatures nor reports SHA-256 checksums, so what was stored is verified by its MD5 ETag
// there. A small proxy in front of it breaks things on purpose: it answers 503 to the first
// requests (retries) or flips a byte of what is sent (a corrupted store).
let server: { run(): Promise<AddressInfo>; close(): Promise<void> };
let proxy: Server;
let dir: string;
let endpoint: string;
let viaProxy: string;
const BUCKET = 'firstset-materials';
const fault = { fail503: 0, corruptPuts: false, seen: [] as string[], sha256Sent: [] as string[] };

const storage = (more: Partial<S3Settings> = {}) =>
  new S3ObjectStorage({ endpoint, region: 'cn-north-1', bucket: BUCKET, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', stagingDir: join(dir, 'staging'), ...more });
const bytes = async (r: Readable) => {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
};
const text = async (r: Readable) => (await bytes(r)).toString();
const keyOf = (s: string | Buffer) => contentKey(createHash('sha256').update(s).digest('hex'));
const listed = async (s: S3ObjectStorage) => {
  const out = [];
  for await (const o of s.list()) out.push(o.key);
  return out.sort();
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 'data'), configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  proxy = createServer((req, res) => {
    fault.seen.push(`${req.method} ${req.url}`);
    if (req.method === 'PUT' && req.headers['x-amz-checksum-sha256']) fault.sha256Sent.push(String(req.headers['x-amz-checksum-sha256']));
    if (fault.fail503 > 0) {
      fault.fail503--;
      req.resume();
      res.writeHead(503, { 'content-type': 'application/xml' }).end('<Error><Code>SlowDown</Code><Message>try later</Message></Error>');
      return;
    }
    const corrupt = fault.corruptPuts && req.method === 'PUT' && !req.headers['x-amz-copy-source'];
    let flipped = false;
    const up = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.on('data', (c: Buffer) => {
      if (corrupt && !flipped && c.length > 0) {
        c = Buffer.from(c);
        c[c.length - 1] ^= 0xff;
        flipped = true;
      }
      up.write(c);
    });
    req.on('end', () => up.end());
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  viaProxy = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterEach(() => Object.assign(fault, { fail503: 0, corruptPuts: false, seen: [], sha256Sent: [] }));

afterAll(async () => {
  await new Promise((ok) => proxy?.close(ok));
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('S3ObjectStorage (AWS SDK v3, path-style)', () => {
  it('stores a staged file, reads it back, heads, lists and deletes; the staged file is consumed', async () => {
    const s3 = storage();
    const body = '首台（套）检测报告 PDF 内容';
    const staged = join(dir, 'upload.part');
    await writeFile(staged, body);
    const key = keyOf(body);
    expect(await s3.putFile(key, staged)).toEqual({ size: Buffer.byteLength(body) });
    expect(await readdir(dir)).not.toContain('upload.part');
    expect(await text(await s3.get(key))).toBe(body);
    expect(await s3.head(key)).toEqual({ size: Buffer.byteLength(body) });
    const all = [];
    for await (const o of s3.list()) all.push(o);
    expect(all).toEqual([{ key, storedAtMs: expect.any(Number) }]);

    // Storing the same content again sends nothing new and keeps one object.
    await writeFile(staged, body);
    expect(await s3.putFile(key, staged)).toEqual({ size: Buffer.byteLength(body) });
    const second = await s3.put(keyOf('another'), Readable.from([Buffer.from('another')]));
    expect(second).toEqual({ size: 7 });

    await s3.delete(key);
    await s3.delete(keyOf('another'));
    expect(await s3.head(key)).toBeNull();
    await expect(s3.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await s3.delete(key); // deleting what is gone is fine
    await expect(storage().get('../../etc/passwd')).rejects.toThrow(/not a safe relative key/);
  });

  it('keeps metadata with the object (a later store of the same content replaces it) and refuses non-ASCII metadata', async () => {
    const s3 = storage();
    const key = keyOf('scanned');
    await s3.put(key, Readable.from([Buffer.from('scanned')]), { 'scan-verdict': 'clean', 'scan-engine': 'ClamAV 1.4.6/1' });
    expect(await s3.head(key)).toEqual({ size: 7, metadata: { 'scan-verdict': 'clean', 'scan-engine': 'ClamAV 1.4.6/1' } });
    await s3.put(key, Readable.from([Buffer.from('scanned')]), { 'scan-verdict': 'clean', 'scan-engine': 'ClamAV 1.4.6/2' });
    expect((await s3.head(key))?.metadata).toEqual({ 'scan-verdict': 'clean', 'scan-engine': 'ClamAV 1.4.6/2' });
    await expect(s3.put(keyOf('x'), Readable.from([Buffer.from('x')]), { 'scan-verdict': '干净' })).rejects.toThrow(/printable ASCII/);
    await s3.delete(key);
  });

  it('sends a file above the threshold in parts (multipart), and the parts reassemble byte for byte', async () => {
    const s3 = storage({ endpoint: viaProxy, partSizeBytes: MIN_PART_SIZE, multipartThresholdBytes: MIN_PART_SIZE });
    const content = randomBytes(2 * MIN_PART_SIZE + 12345); // three parts, the last one short
    const staged = join(dir, 'big.part');
    await writeFile(staged, content);
    const key = keyOf(content);
    expect(await s3.putFile(key, staged, { 'scan-verdict': 'clean' })).toEqual({ size: content.length, metadata: { 'scan-verdict': 'clean' } });
    expect(fault.seen.filter((r) => /partNumber=/.test(r))).toHaveLength(3);
    // Each part carries its own SHA-256 for the service to check on receipt.
    const parts = [0, 1, 2].map((i) => content.subarray(i * MIN_PART_SIZE, (i + 1) * MIN_PART_SIZE));
    expect(fault.sha256Sent.sort()).toEqual(parts.map((p) => createHash('sha256').update(p).digest('base64')).sort());
    expect(fault.seen.some((r) => r.startsWith('POST') && /uploads/.test(r))).toBe(true);
    expect((await bytes(await s3.get(key))).equals(content)).toBe(true);
    expect(await s3.head(key)).toEqual({ size: content.length, metadata: { 'scan-verdict': 'clean' } });
    await s3.delete(key);

    // At or below the threshold: one PUT, no parts.
    fault.seen = [];
    fault.sha256Sent = [];
    const small = randomBytes(1000);
    await writeFile(staged, small);
    await s3.putFile(keyOf(small), staged);
    expect(fault.seen.filter((r) => r.startsWith('PUT'))).toHaveLength(1);
    expect(fault.sha256Sent).toEqual([createHash('sha256').update(small).digest('base64')]);
    expect(fault.seen.some((r) => /partNumber=|uploads/.test(r))).toBe(false);
    await s3.delete(keyOf(small));
    s3.close();
  });

  it('retries a refused request (503) up to maxAttempts, and fails when the service keeps refusing', async () => {
    const s3 = storage({ endpoint: viaProxy, maxAttempts: 3 });
    const staged = join(dir, 'retry.part');
    await writeFile(staged, 'retried');
    fault.fail503 = 2; // the first two attempts (of HEAD) are refused; the third gets through
    expect(await s3.putFile(keyOf('retried'), staged)).toEqual({ size: 7 });
    expect(await text(await s3.get(keyOf('retried')))).toBe('retried');

    fault.fail503 = 3;
    await expect(s3.head(keyOf('retried'))).rejects.toMatchObject({ $metadata: { httpStatusCode: 503, attempts: 3 } });
    await s3.delete(keyOf('retried'));
    s3.close();
  });

  it('refuses content the service stored differently from what was sent, and leaves nothing stored', async () => {
    for (const more of [{}, { partSizeBytes: MIN_PART_SIZE, multipartThresholdBytes: MIN_PART_SIZE }]) {
      const s3 = storage({ endpoint: viaProxy, ...more });
      const content = 'partSizeBytes' in more ? randomBytes(MIN_PART_SIZE + 10) : Buffer.from('检测报告');
      const staged = join(dir, 'corrupt.part');
      await writeFile(staged, content);
      fault.corruptPuts = true;
      const key = keyOf(content);
      await expect(s3.putFile(key, staged)).rejects.toBeInstanceOf(ObjectChecksumMismatchError);
      fault.corruptPuts = false;
      expect(await s3.head(key)).toBeNull();
      expect(await listed(s3)).toEqual([]);
      s3.close();
    }
  });

  it('refuses a part size below S3 minimum at construction', () => {
    expect(() => storage({ partSizeBytes: 1024 })).toThrow(/at least 5242880/);
  });
});
