import { join, resolve } from 'node:path';
import { FilesystemObjectStorage, ObjectStorage, S3ObjectStorage } from '@firstset/object-storage';
import { ConfigError } from '@firstset/service-kit';

/** Where the gateway keeps uploaded files: the uploads capability's own settings, read once. */
export interface UploadsConfig {
  /**
   * Root of the filesystem object store (shared by every gateway replica: a volume in compose);
   * with S3, where uploads are staged before they go to the bucket.
   */
  objectStoreDir: string;
  /** OBJECT_STORE=s3 with S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY. */
  s3?: { endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };
}

export function loadUploadsConfig(env: NodeJS.ProcessEnv = process.env): UploadsConfig {
  const dir = (env.OBJECT_STORE_DIR ?? '').trim() || 'data/object-store';
  if (dir.includes('\0')) throw new ConfigError('OBJECT_STORE_DIR must be a path');
  const kind = (env.OBJECT_STORE ?? '').trim() || 'filesystem';
  if (kind !== 'filesystem' && kind !== 's3') throw new ConfigError('OBJECT_STORE must be filesystem or s3');
  if (kind === 'filesystem') return { objectStoreDir: resolve(dir) };
  const need = (name: string) => {
    const v = (env[name] ?? '').trim();
    if (!v) throw new ConfigError(`${name} is required with OBJECT_STORE=s3`);
    return v;
  };
  const endpoint = need('S3_ENDPOINT');
  if (!/^https?:\/\//.test(endpoint)) throw new ConfigError('S3_ENDPOINT must be an http(s) URL');
  return {
    objectStoreDir: resolve(dir),
    s3: { endpoint, region: need('S3_REGION'), bucket: need('S3_BUCKET'), accessKeyId: need('S3_ACCESS_KEY_ID'), secretAccessKey: need('S3_SECRET_ACCESS_KEY') },
  };
}

export const OBJECT_STORE = Symbol('OBJECT_STORE');

/** The configured store: the filesystem by default, an S3-compatible bucket when asked. */
export function createObjectStore(config: UploadsConfig = loadUploadsConfig()): ObjectStorage {
  return config.s3
    ? new S3ObjectStorage({ ...config.s3, stagingDir: join(config.objectStoreDir, '.staging') })
    : new FilesystemObjectStorage(config.objectStoreDir);
}
