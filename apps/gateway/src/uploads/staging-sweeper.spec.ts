import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESSION_TTL_MS } from './resumable-upload';
import { ABANDONED_PART_MS, StagingSweeper } from './staging-sweeper';

describe('the staging sweeper', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'staging-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const put = async (name: string, ageMs: number, now: number, body = 'x') => {
    await writeFile(join(dir, name), body);
    const t = new Date(now - ageMs);
    await utimes(join(dir, name), t, t);
  };

  it('removes expired resumable sessions and abandoned parts, and keeps live uploads and anything else', async () => {
    const now = Date.now();
    const [expired, live, idleSession, abandoned, writing] = Array.from({ length: 5 }, () => randomUUID());
    const session = (createdAgo: number) => JSON.stringify({ createdAt: new Date(now - createdAgo).toISOString() });
    await put(`${expired}.session.json`, 0, now, session(SESSION_TTL_MS + 60_000));
    await put(`${expired}.part`, 0, now);
    await put(`${expired}.lock`, 0, now);
    await put(`${live}.session.json`, 0, now, session(3600_000));
    await put(`${live}.part`, 0, now);
    // A session resumed next morning: its bytes untouched for 20 hours, still within its day.
    await put(`${idleSession}.session.json`, 20 * 3600_000, now, session(20 * 3600_000));
    await put(`${idleSession}.part`, 20 * 3600_000, now);
    await put(`${abandoned}.part`, ABANDONED_PART_MS + 60_000, now);
    await put(`${writing}.part`, 1000, now);
    await put('README.txt', 10 * SESSION_TTL_MS, now);
    await put('not-a-uuid.part', 10 * SESSION_TTL_MS, now);

    const removed = await new StagingSweeper(dir).sweep(now);
    expect(removed).toEqual([`${abandoned}.part`, `${expired}.lock`, `${expired}.part`, `${expired}.session.json`].sort());
    expect((await readdir(dir)).sort()).toEqual(
      [`${live}.session.json`, `${live}.part`, `${idleSession}.session.json`, `${idleSession}.part`, `${writing}.part`, 'README.txt', 'not-a-uuid.part'].sort(),
    );
    expect(await new StagingSweeper(join(dir, 'missing')).sweep(now)).toEqual([]);
  });
});
