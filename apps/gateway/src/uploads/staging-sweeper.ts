import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SESSION_TTL_MS } from './resumable-upload';

/** A staged single upload is written continuously while it lasts: untouched this long, it was interrupted. */
export const ABANDONED_PART_MS = 6 * 3600_000;
const EVERY_MS = 15 * 60_000;
const STAGED = /^([0-9a-f-]{36})\.(session\.json|part|lock)$/;

/**
 * Removes what interrupted uploads leave in the store's staging directory: resumable sessions past
 * their day (with their bytes and lock), and staged parts of single uploads nobody has written to
 * for hours. Runs at start and every 15 minutes; any replica may run it (removal is idempotent).
 */
@Injectable()
export class StagingSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('StagingSweeper');
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly dir: string) {}

  onApplicationBootstrap(): void {
    const run = () => void this.sweep().catch((err: Error) => this.logger.warn(`staging sweep failed: ${err.message}`));
    run();
    this.timer = setInterval(run, EVERY_MS);
    this.timer.unref?.();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One sweep at `now`; the names removed. */
  async sweep(now = Date.now()): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const ids = new Map<string, Set<string>>();
    for (const name of names) {
      const m = STAGED.exec(name);
      if (m) ids.set(m[1], (ids.get(m[1]) ?? new Set()).add(m[2]));
    }
    const removed: string[] = [];
    const remove = async (id: string, kinds: Iterable<string>) => {
      for (const kind of kinds) {
        await rm(join(this.dir, `${id}.${kind}`), { force: true });
        removed.push(`${id}.${kind}`);
      }
    };
    for (const [id, kinds] of ids) {
      if (kinds.has('session.json')) {
        const createdAt = await readFile(join(this.dir, `${id}.session.json`), 'utf8')
          .then((t) => Date.parse((JSON.parse(t) as { createdAt?: string }).createdAt ?? ''))
          .catch(() => Number.NaN);
        // An unreadable session is kept until its file is as old as a session may be.
        const born = Number.isNaN(createdAt) ? (await stat(join(this.dir, `${id}.session.json`)).catch(() => null))?.mtimeMs ?? now : createdAt;
        if (now - born > SESSION_TTL_MS) await remove(id, kinds);
        continue;
      }
      const touched = Math.max(
        ...(await Promise.all([...kinds].map(async (k) => (await stat(join(this.dir, `${id}.${k}`)).catch(() => null))?.mtimeMs ?? 0))),
      );
      if (now - touched > ABANDONED_PART_MS) await remove(id, kinds);
    }
    if (removed.length) this.logger.log(`removed ${removed.length} staged file(s) of interrupted uploads`);
    return removed.sort();
  }
}
