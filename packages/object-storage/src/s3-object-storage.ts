import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  HeadObjectCommandOutput,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertSafeKey, assertSafeMetadata, ObjectInfo, ObjectMetadata, ObjectNotFoundError, ObjectStorage, StoredObject } from './object-storage';
import { putStaged } from './staged-put';

export interface S3Settings {
  /** The service's URL, e.g. `https://s3.cn-north-1.amazonaws.com.cn` or a MinIO / OSS / COS endpoint. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Local directory where uploads are received before they go to the bucket. */
  stagingDir: string;
  /** Files larger than this go up in parts (multipart upload); default 64 MiB. */
  multipartThresholdBytes?: number;
  /** Size of each part (S3's minimum is 5 MiB, its maximum 10,000 parts); default 16 MiB. */
  partSizeBytes?: number;
  /** Parts sent at once; memory held is at most this × the part size. Default 4. */
  partConcurrency?: number;
  /** Attempts per request, the first included (the SDK's standard retry with back-off); default 3. */
  maxAttempts?: number;
}

export const MIN_PART_SIZE = 5 * 1024 * 1024;

/** What was stored is not what was sent (the service's checksum or ETag disagrees with ours). */
export class ObjectChecksumMismatchError extends Error {
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly stored: string,
  ) {
    super(`object ${key}: stored checksum ${stored} differs from the sent content's ${expected}`);
    this.name = 'ObjectChecksumMismatchError';
  }
}

/**
 * The digests of a file as an S3 service may report them: of the whole file, and for a multipart
 * upload also S3's composite form (the digest of the part digests, then `-N`). Services differ
 * (AWS reports composite ETags; s3rver the whole file's MD5), so either form is accepted.
 */
interface LocalDigests {
  size: number;
  /** base64 SHA-256: the whole file's first (what a single PUT declares). */
  sha256: string[];
  /** hex MD5 (the ETag where the service has no checksum to report). */
  md5: string[];
}

async function digestsOf(path: string, partSize?: number): Promise<LocalDigests> {
  const wholeSha = createHash('sha256');
  const wholeMd5 = createHash('md5');
  const partShas: Buffer[] = [];
  const partMd5s: Buffer[] = [];
  let part = { sha: createHash('sha256'), md5: createHash('md5'), n: 0 };
  let size = 0;
  const endPart = () => {
    partShas.push(part.sha.digest());
    partMd5s.push(part.md5.digest());
    part = { sha: createHash('sha256'), md5: createHash('md5'), n: 0 };
  };
  for await (const chunk of createReadStream(path)) {
    let buf = chunk as Buffer;
    size += buf.length;
    wholeSha.update(buf);
    wholeMd5.update(buf);
    while (partSize && buf.length > 0) {
      const take = Math.min(partSize - part.n, buf.length);
      part.sha.update(buf.subarray(0, take));
      part.md5.update(buf.subarray(0, take));
      part.n += take;
      buf = buf.subarray(take);
      if (part.n === partSize) endPart();
    }
  }
  const whole = { size, sha256: [wholeSha.digest('base64')], md5: [wholeMd5.digest('hex')] };
  if (!partSize) return whole;
  if (part.n > 0) endPart();
  const n = partShas.length;
  whole.sha256.push(`${createHash('sha256').update(Buffer.concat(partShas)).digest('base64')}-${n}`);
  whole.md5.push(`${createHash('md5').update(Buffer.concat(partMd5s)).digest('hex')}-${n}`);
  return whole;
}

const status = (err: unknown) => (err as S3ServiceException)?.$metadata?.httpStatusCode;
const notFound = (err: unknown) => status(err) === 404 || ['NotFound', 'NoSuchKey'].includes((err as Error)?.name);

/**
 * The object-storage port over an S3-compatible service (AWS S3, MinIO, and the S3 interfaces of
 * domestic clouds) through the AWS SDK v3, path-style. Uploads are received into a local staging
 * directory (inspected there, as with the filesystem store), then sent in one PUT up to the
 * multipart threshold and in parts above it (objects past 5 GiB need parts). Every PUT and part
 * carries its SHA-256 (`ChecksumAlgorithm: SHA256`) for the service to check on receipt, and what
 * was stored is checked afterwards against our own digests (the service's SHA-256 where it reports
 * one, else its MD5 ETag): a mismatch removes the object and fails the put.
 */
export class S3ObjectStorage implements ObjectStorage {
  readonly stagingDir: string;
  private readonly client: S3Client;
  private readonly threshold: number;
  private readonly partSize: number;
  private readonly queueSize: number;

  constructor(private readonly s: S3Settings) {
    this.stagingDir = s.stagingDir;
    this.partSize = s.partSizeBytes ?? 16 * 1024 * 1024;
    if (this.partSize < MIN_PART_SIZE) throw new Error(`S3 part size must be at least ${MIN_PART_SIZE} bytes`);
    this.threshold = Math.max(s.multipartThresholdBytes ?? 64 * 1024 * 1024, this.partSize);
    this.queueSize = s.partConcurrency ?? 4;
    this.client = new S3Client({
      endpoint: s.endpoint,
      region: s.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      maxAttempts: s.maxAttempts ?? 3,
      // Checksums are asked for explicitly (SHA-256) where we send content, not a default CRC on every call.
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
  }

  put(key: string, body: Readable, metadata?: ObjectMetadata): Promise<ObjectInfo> {
    return putStaged(this.stagingDir, body, (staged) => this.putFile(key, staged, metadata));
  }

  async putFile(key: string, localPath: string, metadata?: ObjectMetadata): Promise<ObjectInfo> {
    assertSafeKey(key);
    assertSafeMetadata(metadata);
    const existing = await this.head(key);
    if (existing) {
      // The same content is there already (keys are content hashes): renew its time (and its
      // metadata, e.g. a newer scan), send nothing.
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.s.bucket,
          Key: key,
          CopySource: `${this.s.bucket}/${key}`,
          MetadataDirective: 'REPLACE',
          Metadata: metadata ?? existing.metadata ?? {},
        }),
      );
      await rm(localPath, { force: true });
      return { size: existing.size, ...((metadata ?? existing.metadata) ? { metadata: metadata ?? existing.metadata } : {}) };
    }
    const { size } = await stat(localPath);
    const multipart = size > this.threshold;
    const local = await digestsOf(localPath, multipart ? this.partSize : undefined);
    if (multipart) {
      await new Upload({
        client: this.client,
        partSize: this.partSize,
        queueSize: this.queueSize,
        leavePartsOnError: false,
        params: { Bucket: this.s.bucket, Key: key, Body: createReadStream(localPath), ContentType: 'application/octet-stream', ChecksumAlgorithm: 'SHA256', Metadata: metadata },
      }).done();
    } else {
      // Held in memory (at most the threshold) so that the SDK can send it again on a retry.
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.s.bucket,
          Key: key,
          Body: await readFile(localPath),
          ContentLength: size,
          ContentType: 'application/octet-stream',
          ChecksumSHA256: local.sha256[0],
          Metadata: metadata,
        }),
      );
    }
    await this.verify(key, local);
    await rm(localPath, { force: true });
    return { size, ...(metadata ? { metadata } : {}) };
  }

  /** What the service reports for the stored object must match what we sent; else it is removed. */
  private async verify(key: string, local: LocalDigests): Promise<void> {
    const h = await this.client.send(new HeadObjectCommand({ Bucket: this.s.bucket, Key: key, ChecksumMode: 'ENABLED' }));
    const etag = (h.ETag ?? '').replace(/"/g, '');
    let mismatch: [string, string] | undefined;
    if (h.ContentLength !== undefined && h.ContentLength !== local.size) mismatch = [String(local.size), String(h.ContentLength)];
    else if (h.ChecksumSHA256) {
      if (!local.sha256.includes(h.ChecksumSHA256)) mismatch = [`sha256:${local.sha256[0]}`, `sha256:${h.ChecksumSHA256}`];
    } else if (/^[0-9a-f]{32}(-\d+)?$/.test(etag)) {
      // No checksum reported (older S3-compatible services): the ETag is the content's MD5 there.
      if (!local.md5.includes(etag)) mismatch = [`md5:${local.md5[0]}`, `md5:${etag}`];
    }
    if (mismatch) {
      await this.delete(key);
      throw new ObjectChecksumMismatchError(key, ...mismatch);
    }
  }

  async get(key: string): Promise<Readable> {
    assertSafeKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.s.bucket, Key: key }));
      return res.Body as Readable;
    } catch (err) {
      if (notFound(err)) throw new ObjectNotFoundError(key);
      throw err;
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    assertSafeKey(key);
    let h: HeadObjectCommandOutput;
    try {
      h = await this.client.send(new HeadObjectCommand({ Bucket: this.s.bucket, Key: key }));
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
    const metadata = h.Metadata && Object.keys(h.Metadata).length > 0 ? h.Metadata : undefined;
    return { size: h.ContentLength ?? 0, ...(metadata ? { metadata } : {}) };
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.s.bucket, Key: key }));
    } catch (err) {
      if (!notFound(err)) throw err;
    }
  }

  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.s.bucket, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key) yield { key: o.Key, storedAtMs: o.LastModified?.getTime() ?? 0 };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Closes the SDK's connections. */
  close(): void {
    this.client.destroy();
  }
}
