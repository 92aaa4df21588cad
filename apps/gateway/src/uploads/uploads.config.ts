import { resolve } from 'node:path';
import { ConfigError } from '@firstset/service-kit';

/** Where the gateway keeps uploaded files: the uploads capability's own settings, read once. */
export interface UploadsConfig {
  /** Root of the filesystem object store (shared by every gateway replica: a volume in compose). */
  objectStoreDir: string;
}

export function loadUploadsConfig(env: NodeJS.ProcessEnv = process.env): UploadsConfig {
  const dir = (env.OBJECT_STORE_DIR ?? '').trim() || 'data/object-store';
  if (dir.includes('\0')) throw new ConfigError('OBJECT_STORE_DIR must be a path');
  return { objectStoreDir: resolve(dir) };
}
