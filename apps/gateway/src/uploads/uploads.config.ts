import { join, resolve } from 'node:path';
import { ClamdAddress, ClamdScanner, FilesystemObjectStorage, ObjectStorage, S3ObjectStorage, ScanningObjectStorage } from '@firstset/object-storage';
import { ConfigError } from '@firstset/service-kit';

/** Where the gateway keeps uploaded files: the uploads capability's own settings, read once. */
export interface UploadsConfig {
  /**
   * Root of the filesystem object store (shared by every gateway replica: a volume in compose);
   * with S3, where uploads are staged before they go to the bucket.
   */
  objectStoreDir: string;
  /**
   * OBJECT_STORE=s3 with S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY;
   * optional S3_MULTIPART_THRESHOLD_BYTES, S3_PART_SIZE_BYTES, S3_MAX_ATTEMPTS.
   */
  s3?: {
    endpoint: string;
    region: string;
    bucket: string;
    accessKeyId: string;
    secretAccessKey: string;
    multipartThresholdBytes?: number;
    partSizeBytes?: number;
    maxAttempts?: number;
  };
  /**
   * Every upload is scanned by clamd before it is stored (ADR 0034): MALWARE_SCAN=clamd (the
   * default) with CLAMD_SOCKET or CLAMD_HOST (+ CLAMD_PORT, default 3310); optional
   * CLAMD_TIMEOUT_MS and CLAMD_STREAM_MAX_BYTES (clamd's StreamMaxLength). MALWARE_SCAN=off only
   * where that is meant (development): uploads are then stored unscanned.
   */
  malwareScan: { kind: 'off' } | { kind: 'clamd'; address: ClamdAddress; timeoutMs?: number; maxStreamBytes?: number };
}

const positiveInt = (env: NodeJS.ProcessEnv, name: string, min = 1): number | undefined => {
  const raw = (env[name] ?? '').trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number of at least ${min}`);
  return n;
};

function loadMalwareScan(env: NodeJS.ProcessEnv): UploadsConfig['malwareScan'] {
  const kind = (env.MALWARE_SCAN ?? '').trim() || 'clamd';
  if (kind === 'off') return { kind: 'off' };
  if (kind !== 'clamd') throw new ConfigError('MALWARE_SCAN must be clamd or off');
  const socket = (env.CLAMD_SOCKET ?? '').trim();
  const host = (env.CLAMD_HOST ?? '').trim();
  if (!socket && !host) throw new ConfigError('uploads are scanned for malware: set CLAMD_SOCKET or CLAMD_HOST (or MALWARE_SCAN=off in development)');
  if (socket && host) throw new ConfigError('set CLAMD_SOCKET or CLAMD_HOST, not both');
  const address: ClamdAddress = socket ? { socket } : { host, port: positiveInt(env, 'CLAMD_PORT') ?? 3310 };
  if ('port' in address && address.port > 65535) throw new ConfigError('CLAMD_PORT must be a TCP port');
  return { kind: 'clamd', address, timeoutMs: positiveInt(env, 'CLAMD_TIMEOUT_MS'), maxStreamBytes: positiveInt(env, 'CLAMD_STREAM_MAX_BYTES') };
}

export function loadUploadsConfig(env: NodeJS.ProcessEnv = process.env): UploadsConfig {
  const dir = (env.OBJECT_STORE_DIR ?? '').trim() || 'data/object-store';
  if (dir.includes('\0')) throw new ConfigError('OBJECT_STORE_DIR must be a path');
  const malwareScan = loadMalwareScan(env);
  const kind = (env.OBJECT_STORE ?? '').trim() || 'filesystem';
  if (kind !== 'filesystem' && kind !== 's3') throw new ConfigError('OBJECT_STORE must be filesystem or s3');
  if (kind === 'filesystem') return { objectStoreDir: resolve(dir), malwareScan };
  const need = (name: string) => {
    const v = (env[name] ?? '').trim();
    if (!v) throw new ConfigError(`${name} is required with OBJECT_STORE=s3`);
    return v;
  };
  const endpoint = need('S3_ENDPOINT');
  if (!/^https?:\/\//.test(endpoint)) throw new ConfigError('S3_ENDPOINT must be an http(s) URL');
  const MiB = 1024 * 1024;
  return {
    objectStoreDir: resolve(dir),
    malwareScan,
    s3: {
      endpoint,
      region: need('S3_REGION'),
      bucket: need('S3_BUCKET'),
      accessKeyId: need('S3_ACCESS_KEY_ID'),
      secretAccessKey: need('S3_SECRET_ACCESS_KEY'),
      multipartThresholdBytes: positiveInt(env, 'S3_MULTIPART_THRESHOLD_BYTES', 5 * MiB),
      partSizeBytes: positiveInt(env, 'S3_PART_SIZE_BYTES', 5 * MiB),
      maxAttempts: positiveInt(env, 'S3_MAX_ATTEMPTS'),
    },
  };
}

export const OBJECT_STORE = Symbol('OBJECT_STORE');

/**
 * The configured store: the filesystem by default, an S3-compatible bucket when asked; behind the
 * malware scanner unless that is off.
 */
export function createObjectStore(config: UploadsConfig = loadUploadsConfig()): ObjectStorage {
  const store = config.s3
    ? new S3ObjectStorage({ ...config.s3, stagingDir: join(config.objectStoreDir, '.staging') })
    : new FilesystemObjectStorage(config.objectStoreDir);
  const scan = config.malwareScan;
  if (scan.kind === 'off') return store;
  return new ScanningObjectStorage(store, new ClamdScanner(scan.address, { timeoutMs: scan.timeoutMs, maxStreamBytes: scan.maxStreamBytes }));
}
