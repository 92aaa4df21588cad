import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { assertSafeKey, ObjectInfo, ObjectNotFoundError, ObjectStorage, StoredObject } from './object-storage';

export interface S3Settings {
  /** The service's URL, e.g. `https://s3.cn-north-1.amazonaws.com.cn` or a MinIO / OSS / COS endpoint. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Local directory where uploads are received before they go to the bucket. */
  stagingDir: string;
}

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const encodeSegment = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The object-storage port over an S3-compatible service (AWS S3, MinIO, and the S3 interfaces of
 * domestic clouds), path-style, signed with AWS Signature Version 4. Uploads are received into a
 * local staging directory (inspected there, as with the filesystem store) and then sent with their
 * length; the payload is not hashed into the signature (`UNSIGNED-PAYLOAD`), so use HTTPS.
 */
export class S3ObjectStorage implements ObjectStorage {
  readonly stagingDir: string;
  private readonly base: URL;

  constructor(private readonly s: S3Settings) {
    this.stagingDir = s.stagingDir;
    this.base = new URL(s.endpoint);
  }

  async put(key: string, body: Readable): Promise<ObjectInfo> {
    await mkdir(this.stagingDir, { recursive: true });
    const staged = join(this.stagingDir, `${randomUUID()}.part`);
    try {
      await pipeline(body, createWriteStream(staged, { flags: 'wx' }));
      return await this.putFile(key, staged);
    } finally {
      await rm(staged, { force: true });
    }
  }

  async putFile(key: string, localPath: string): Promise<ObjectInfo> {
    assertSafeKey(key);
    const existing = await this.head(key);
    if (existing) {
      // The same content is there already (keys are content hashes): renew its time, send nothing.
      await this.send('PUT', key, {}, { 'x-amz-copy-source': `/${this.s.bucket}/${key}`, 'x-amz-metadata-directive': 'REPLACE' });
      await rm(localPath, { force: true });
      return existing;
    }
    const { size } = await stat(localPath);
    await this.send('PUT', key, {}, { 'content-length': String(size), 'content-type': 'application/octet-stream' }, createReadStream(localPath));
    await rm(localPath, { force: true });
    return { size };
  }

  async get(key: string): Promise<Readable> {
    const res = await this.send('GET', assertSafeKey(key), {}, {}, undefined, [404]);
    if (res.status === 404) throw new ObjectNotFoundError(key);
    return Readable.fromWeb(res.body as unknown as WebReadableStream);
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const res = await this.send('HEAD', assertSafeKey(key), {}, {}, undefined, [404]);
    return res.status === 404 ? null : { size: Number(res.headers.get('content-length') ?? 0) };
  }

  async delete(key: string): Promise<void> {
    await this.send('DELETE', assertSafeKey(key), {}, {}, undefined, [404]);
  }

  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const res = await this.send('GET', '', { 'list-type': '2', ...(token ? { 'continuation-token': token } : {}) }, {});
      const xml = await res.text();
      for (const m of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const key = /<Key>([^<]*)<\/Key>/.exec(m[1])?.[1];
        const at = /<LastModified>([^<]*)<\/LastModified>/.exec(m[1])?.[1];
        if (key) yield { key: unescapeXml(key), storedAtMs: at ? Date.parse(at) : 0 };
      }
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] : undefined;
      if (token) token = unescapeXml(token);
    } while (token);
  }

  /** One signed request; a status outside 2xx (and `allowed`) is an error with the service's message. */
  private async send(
    method: string,
    key: string,
    query: Record<string, string>,
    headers: Record<string, string>,
    body?: Readable,
    allowed: number[] = [],
  ): Promise<Response> {
    const path = `${this.base.pathname.replace(/\/$/, '')}/${encodeSegment(this.s.bucket)}${key ? `/${key.split('/').map(encodeSegment).join('/')}` : ''}`;
    const qs = Object.keys(query)
      .sort()
      .map((k) => `${encodeSegment(k)}=${encodeSegment(query[k])}`)
      .join('&');
    const url = `${this.base.origin}${path}${qs ? `?${qs}` : ''}`;
    const signed = signV4({ method, path, query: qs, headers, host: this.base.host, payloadHash: body ? 'UNSIGNED-PAYLOAD' : EMPTY_SHA256, settings: this.s, now: new Date() });
    const res = await fetch(url, {
      method,
      headers: signed,
      ...(body ? { body: Readable.toWeb(body), duplex: 'half' } : {}),
    } as RequestInit);
    if (!res.ok && !allowed.includes(res.status)) {
      const text = method === 'HEAD' ? '' : await res.text();
      const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? `HTTP ${res.status}`;
      throw new Error(`S3 ${method} ${key || '(bucket)'}: ${code}`);
    }
    return res;
  }
}

/** AWS Signature Version 4 headers for one request (host, x-amz-date, x-amz-content-sha256, authorization). */
export function signV4(r: {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  host: string;
  payloadHash: string;
  settings: Pick<S3Settings, 'region' | 'accessKeyId' | 'secretAccessKey'>;
  now: Date;
}): Record<string, string> {
  const amzDate = r.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const all: Record<string, string> = {
    ...Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), String(v).trim()])),
    host: r.host,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': r.payloadHash,
  };
  const names = Object.keys(all).sort();
  const canonical = [r.method, r.path || '/', r.query, ...names.map((n) => `${n}:${all[n]}`), '', names.join(';'), r.payloadHash].join('\n');
  const scope = `${day}/${r.settings.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${r.settings.secretAccessKey}`, day), r.settings.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    ...all,
    authorization: `AWS4-HMAC-SHA256 Credential=${r.settings.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
