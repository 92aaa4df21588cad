import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
// @ts-expect-error -- s3rver ships no types
import S3rver from 's3rver';
import { contentKey, ObjectNotFoundError, S3ObjectStorage, signV4 } from './index';

// The S3 adapter against s3rver, an independent S3 implementation (it does not check V4
// signatures: the signing is checked against AWS's published example instead).
let server: { run(): Promise<AddressInfo>; close(): Promise<void> };
let dir: string;
let endpoint: string;
const BUCKET = 'firstset-materials';

const storage = () =>
  new S3ObjectStorage({ endpoint, region: 'cn-north-1', bucket: BUCKET, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', stagingDir: join(dir, 'staging') });
const text = async (r: Readable) => {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts).toString();
};
const keyOf = (s: string) => contentKey(createHash('sha256').update(s).digest('hex'));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 'data'), configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('S3ObjectStorage (Signature V4, path-style)', () => {
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
    const listed = [];
    for await (const o of s3.list()) listed.push(o);
    expect(listed).toEqual([{ key, storedAtMs: expect.any(Number) }]);

    // Storing the same content again sends nothing new and keeps one object.
    await writeFile(staged, body);
    expect(await s3.putFile(key, staged)).toEqual({ size: Buffer.byteLength(body) });
    const second = await s3.put(keyOf('another'), Readable.from([Buffer.from('another')]));
    expect(second).toEqual({ size: 7 });

    await s3.delete(key);
    expect(await s3.head(key)).toBeNull();
    await expect(s3.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await s3.delete(key); // deleting what is gone is fine
  });

  it('signs as AWS documents it (the GET Object example of Signature Version 4), and refuses unsafe keys before asking', async () => {
    const headers = signV4({
      method: 'GET',
      path: '/test.txt',
      query: '',
      headers: { Range: 'bytes=0-9' },
      host: 'examplebucket.s3.amazonaws.com',
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      settings: { region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    await expect(storage().get('../../etc/passwd')).rejects.toThrow(/not a safe relative key/);
  });
});
