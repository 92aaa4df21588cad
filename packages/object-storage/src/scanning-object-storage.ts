import { Readable } from 'node:stream';
import { MalwareScanner, ScanVerdict, verdictMetadata } from './inspection/clamd-scanner';
import { ObjectInfo, ObjectMetadata, ObjectStorage, StoredObject } from './object-storage';
import { putStaged } from './staged-put';

/** The scanner found malware: nothing was stored. */
export class MalwareFoundError extends Error {
  constructor(readonly verdict: ScanVerdict) {
    super(`malware found: ${verdict.signature}`);
    this.name = 'MalwareFoundError';
  }
}

/**
 * A store that scans every file before it goes in (content already stored is scanned again:
 * newer signatures may know it), keeps the verdict with the object (`scan-verdict`,
 * `scan-signature`, `scan-engine`, `scanned-at`), and refuses infected files (MalwareFoundError).
 * When the scanner gives no verdict its error (ScannerUnavailableError) passes through: nothing is
 * stored without one, so nobody can open a file before it was scanned.
 */
export class ScanningObjectStorage implements ObjectStorage {
  constructor(
    private readonly inner: ObjectStorage,
    readonly scanner: MalwareScanner,
  ) {}

  get stagingDir(): string {
    return this.inner.stagingDir;
  }

  put(key: string, body: Readable, metadata?: ObjectMetadata): Promise<ObjectInfo> {
    return putStaged(this.stagingDir, body, (staged) => this.putFile(key, staged, metadata));
  }

  async putFile(key: string, localPath: string, metadata?: ObjectMetadata): Promise<ObjectInfo> {
    const verdict = await this.scanner.scanFile(localPath);
    if (verdict.verdict !== 'clean') throw new MalwareFoundError(verdict);
    return this.inner.putFile(key, localPath, { ...metadata, ...verdictMetadata(verdict) });
  }

  get(key: string): Promise<Readable> {
    return this.inner.get(key);
  }

  head(key: string): Promise<ObjectInfo | null> {
    return this.inner.head(key);
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }

  list(): AsyncIterable<StoredObject> {
    return this.inner.list();
  }
}
