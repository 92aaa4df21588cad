import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { assertSafeKey, assertSafeMetadata, ObjectInfo, ObjectMetadata, ObjectNotFoundError, ObjectStorage } from './object-storage';
import { putStaged } from './staged-put';

const isCode = (err: unknown, code: string) => (err as NodeJS.ErrnoException)?.code === code;

/**
 * The default store: one file per object under `root/objects`, written to `root/.staging` first
 * and moved into place with a link, so a reader never sees half an object and an existing object
 * is never overwritten (two uploads of the same content race harmlessly). An object's metadata is a
 * side file `<object>.meta.json` (keys hold no `.`, so it never reads as an object).
 */
export class FilesystemObjectStorage implements ObjectStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** A directory on the store's filesystem for uploads in progress (renames into place are atomic). */
  get stagingDir(): string {
    return join(this.root, '.staging');
  }

  private path(key: string): string {
    return join(this.root, 'objects', assertSafeKey(key));
  }

  private async writeMetadata(target: string, metadata: ObjectMetadata | undefined): Promise<void> {
    if (!metadata) return;
    const tmp = `${target}.${randomUUID()}.part`;
    await writeFile(tmp, JSON.stringify(metadata), { flag: 'wx' });
    await rename(tmp, `${target}.meta.json`);
  }

  put(key: string, body: Readable, metadata?: ObjectMetadata): Promise<ObjectInfo> {
    return putStaged(this.stagingDir, body, (staged) => this.putFile(key, staged, metadata));
  }

  async putFile(key: string, localPath: string, metadata?: ObjectMetadata): Promise<ObjectInfo> {
    const target = this.path(key);
    assertSafeMetadata(metadata);
    await mkdir(dirname(target), { recursive: true });
    // Written first: an object is never visible without the metadata it was stored with.
    await this.writeMetadata(target, metadata);
    try {
      await link(localPath, target); // fails if the object exists: never overwrite
    } catch (err) {
      if (isCode(err, 'EEXIST')) {
        await rm(localPath, { force: true });
        // Stored again now: the orphan sweep must not take it before its new reference is recorded.
        const now = new Date();
        await utimes(target, now, now).catch(() => undefined);
        return (await this.head(key))!;
      }
      if (!isCode(err, 'EXDEV')) throw err;
      const tmp = `${target}.${randomUUID()}.part`;
      await copyFile(localPath, tmp);
      await rename(tmp, target);
    }
    await rm(localPath, { force: true });
    return (await this.head(key))!;
  }

  async get(key: string): Promise<Readable> {
    const path = this.path(key);
    if (!(await this.head(key))) throw new ObjectNotFoundError(key);
    return createReadStream(path);
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const path = this.path(key);
      const s = await stat(path);
      if (!s.isFile()) return null;
      const meta = await readFile(`${path}.meta.json`, 'utf8').catch((err) => {
        if (isCode(err, 'ENOENT')) return null;
        throw err;
      });
      return meta ? { size: s.size, metadata: JSON.parse(meta) as ObjectMetadata } : { size: s.size };
    } catch (err) {
      if (isCode(err, 'ENOENT')) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.path(key));
    } catch (err) {
      if (!isCode(err, 'ENOENT')) throw err;
    }
    await rm(`${this.path(key)}.meta.json`, { force: true });
  }

  /** Every stored object with when it was last stored, for sweeping (the order is the directory's). */
  async *list(): AsyncIterable<{ key: string; storedAtMs: number }> {
    const base = join(this.root, 'objects');
    const walk = async function* (dir: string, prefix: string): AsyncGenerator<{ key: string; storedAtMs: number }> {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const key = prefix ? `${prefix}/${e.name}` : e.name;
        if (e.isDirectory()) yield* walk(join(dir, e.name), key);
        else if (e.isFile() && !e.name.includes('.')) {
          const st = await stat(join(dir, e.name)).catch(() => null);
          if (st) yield { key, storedAtMs: st.mtimeMs };
        }
      }
    };
    yield* walk(base, '');
  }
}
