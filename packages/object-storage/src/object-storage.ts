import { Readable } from 'node:stream';

/**
 * Short ASCII facts kept with an object (S3 user metadata; a side file on the filesystem), such as
 * its malware-scan verdict. Names are lower-case letters, digits and `-`.
 */
export type ObjectMetadata = Record<string, string>;

/** What a stored object is known by: its size in bytes, and its metadata when it has any. */
export interface ObjectInfo {
  size: number;
  metadata?: ObjectMetadata;
}

/**
 * Where uploaded files live (ARCHITECTURE.md: object storage, addressed by content hash, never
 * through NATS). The filesystem adapter is the default; an S3-compatible adapter implements the
 * same port. Keys are relative paths of lower-case letters, digits, `-`, `_` and `/` only.
 */
/** An object as a sweep sees it: its key and when it was last stored. */
export interface StoredObject {
  key: string;
  storedAtMs: number;
}

export interface ObjectStorage {
  /** Local directory where uploads are received and inspected before they are stored. */
  readonly stagingDir: string;
  /**
   * Stores a stream under `key` (an existing key keeps its content; `metadata`, when given,
   * replaces its metadata).
   */
  put(key: string, body: Readable, metadata?: ObjectMetadata): Promise<ObjectInfo>;
  /** Moves a finished local file in under `key` (the filesystem adapter renames it). */
  putFile(key: string, localPath: string, metadata?: ObjectMetadata): Promise<ObjectInfo>;
  /** The object's content; ObjectNotFoundError when there is none. */
  get(key: string): Promise<Readable>;
  head(key: string): Promise<ObjectInfo | null>;
  delete(key: string): Promise<void>;
  /** Every stored object (for the orphan sweep). */
  list(): AsyncIterable<StoredObject>;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`object ${key} does not exist`);
    this.name = 'ObjectNotFoundError';
  }
}

export class InvalidObjectKeyError extends Error {
  constructor(readonly key: string) {
    super(`object key "${key}" is not a safe relative key`);
    this.name = 'InvalidObjectKeyError';
  }
}

const KEY = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/;

/** Refuses keys that could leave the store (`..`, absolute paths, odd characters). */
export function assertSafeKey(key: string): string {
  if (!KEY.test(key) || key.length > 512) throw new InvalidObjectKeyError(key);
  return key;
}

/** The content-addressed key of a file: identical content is stored once. */
export function contentKey(sha256Hex: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256Hex)) throw new InvalidObjectKeyError(sha256Hex);
  return `sha256/${sha256Hex.slice(0, 2)}/${sha256Hex}`;
}

const META_NAME = /^[a-z0-9-]{1,64}$/;

/** Refuses metadata an S3 service would mangle (non-ASCII, odd names, too long). */
export function assertSafeMetadata(metadata: ObjectMetadata | undefined): ObjectMetadata | undefined {
  if (!metadata) return undefined;
  for (const [k, v] of Object.entries(metadata)) {
    if (!META_NAME.test(k) || !/^[\x20-\x7e]{0,512}$/.test(v)) throw new Error(`object metadata ${k} is not short printable ASCII`);
  }
  return metadata;
}
