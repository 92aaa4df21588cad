// A throwaway platform for a benchmark (as scripts/bench-intake.mjs starts its own): the gateway and
// every service as child processes on a fresh schema prefix and NATS namespace, throwaway keys, and
// a cleanup that drops exactly those schemas and streams. `reuse` names a prefix already migrated
// and seeded: nothing is migrated, and nothing dropped after.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envOf, GATEWAY, nodeArgsOf, SERVICES, throwawayActorKeys } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `nodeArgs(name)`: extra Node options for one process (a bench's --cpu-prof). `logDir`: each
 * process's stdout (its log lines) appended to `<logDir>/<name>.log` instead of dropped.
 */
export async function throwawayPlatform({ reuse, extraEnv = {}, nodeArgs = () => [], logDir } = {}) {
  const id = reuse ?? `b${randomBytes(4).toString('hex')}`;
  const env = {
    ...process.env,
    DB_SCHEMA_PREFIX: `${id}_`,
    NATS_NAMESPACE: id,
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    ...(await throwawayActorKeys()),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    // Benchmarks measure without the malware scan (ADR 0034) unless a clamd is given (CLAMD_*).
    ...(process.env.CLAMD_SOCKET || process.env.CLAMD_HOST ? {} : { MALWARE_SCAN: process.env.MALWARE_SCAN ?? 'off' }),
    ...extraEnv,
  };
  const port = 3900 + Math.floor(Math.random() * 90);
  const children = [];
  const run = (script, args = []) => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { env, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${script} failed`);
  };
  const start = (name, extra = {}) => {
    const child = spawn(process.execPath, [...nodeArgsOf(name), ...nodeArgs(name), join(root, 'apps', name, 'dist', 'main.js')], {
      env: envOf(name, { ...env, DB_SCHEMA: `${id}_${name.replace(/-/g, '_')}`, HEALTH_PORT: '0', ...extra }),
      stdio: ['ignore', logDir ? openSync(join(logDir, `${name}.log`), 'a') : 'ignore', 'inherit'],
    });
    children.push({ name, child });
    return child;
  };
  return {
    id,
    env,
    base: `http://127.0.0.1:${port}/api`,
    run,
    /** Starts one more process of a service (a second instance joins its queue group). */
    start,
    children,
    /** Starts every service and the gateway; resolves once the gateway reports them all healthy. */
    async up() {
      for (const s of SERVICES) start(s.name);
      start(GATEWAY.name, { PORT: String(port) });
      for (let i = 0; ; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/api/health/services`).catch(() => undefined);
        if (res?.status === 200) return;
        if (i > 720) throw new Error("platform did not become ready");
        await sleep(250);
      }
    },
    async cleanup() {
      for (const { child } of children) child.kill('SIGTERM');
      await sleep(3000);
      for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (reuse) return;
      const { Client } = require('pg');
      const c = new Client({ connectionString: env.DATABASE_URL });
      await c.connect();
      const { rows } = await c.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${id}\\_%`]);
      for (const r of rows) await c.query(`DROP SCHEMA "${r.nspname}" CASCADE`);
      await c.end();
      const from = { paths: [join(root, 'packages', 'testing')] };
      const { connect } = require(require.resolve('@nats-io/transport-node', from));
      const { jetstreamManager } = require(require.resolve('@nats-io/jetstream', from));
      const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
      const jsm = await jetstreamManager(nc);
      for await (const name of jsm.streams.names()) if (name.startsWith(`${id}_`)) await jsm.streams.delete(name);
      await nc.close();
    },
  };
}
