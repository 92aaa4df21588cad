// Benchmarks (npm run bench): idle memory of every process, and the submission path under load.
// Starts its own platform on a fresh schema prefix and NATS namespace, so it never touches the
// running platform's data, and removes them afterwards. Figures go to docs/benchmarks.md by hand.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { completeFormFields, CURRENT_PLEDGE_VERSION, uploadEverySlot } from './bench-application.mjs';
import { envOf, GATEWAY, SERVICES, throwawayActorKeys } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const id = `b${randomBytes(4).toString('hex')}`;
const env = {
  ...process.env,
  DB_SCHEMA_PREFIX: `${id}_`,
  NATS_NAMESPACE: id,
  // The gateway has no default token key: a throwaway one per run.
  TOKEN_SECRET: randomBytes(32).toString('hex'),
  ...(await throwawayActorKeys()),
  LOG_LEVEL: 'warn',
  // One enterprise user sends the whole load: lift the per-user limit for the measurement.
  RATE_LIMIT_PER_MINUTE: '1000000',
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
};
const demo = JSON.parse(readFileSync(join(root, 'scripts', 'demo-data.json'), 'utf8'));
const N = Number(process.env.BENCH_APPLICATIONS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}/api`;

const run = (script) => {
  const r = spawnSync(process.execPath, [join(root, 'scripts', script)], { env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${script} failed`);
};
const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function call(method, path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => undefined);
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const children = [];
function start(name, extra) {
  const child = spawn(process.execPath, [join(root, 'apps', name, 'dist', 'main.js')], {
    env: envOf(name, { ...env, DB_SCHEMA: `${id}_${name.replace(/-/g, '_')}`, HEALTH_PORT: '0', ...extra }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push({ name, child });
}

async function cleanup() {
  for (const { child } of children) child.kill('SIGTERM');
  await sleep(1500);
  const { Client } = require('pg');
  const pg = new Client({ connectionString: env.DATABASE_URL });
  await pg.connect();
  const { rows } = await pg.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${id}\\_%`]);
  for (const r of rows) await pg.query(`DROP SCHEMA "${r.nspname}" CASCADE`);
  await pg.end();
  const from = { paths: [join(root, 'packages', 'testing')] };
  const { connect } = require(require.resolve('@nats-io/transport-node', from));
  const { jetstreamManager } = require(require.resolve('@nats-io/jetstream', from));
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  const jsm = await jetstreamManager(nc);
  for await (const name of jsm.streams.names()) if (name.startsWith(`${id}_`)) await jsm.streams.delete(name);
  await nc.close();
}

try {
  run('migrate-all.mjs');
  run('seed-demo.mjs');
  for (const s of SERVICES) start(s.name, {});
  start(GATEWAY.name, { PORT: String(port) });
  for (let i = 0; ; i++) {
    const res = await fetch(`${base}/health/services`).catch(() => undefined);
    if (res?.status === 200) break;
    if (i > 240) throw new Error('platform did not become ready');
    await sleep(250);
  }
  await sleep(5000); // idle
  console.log('\nIdle RSS after start-up (MiB):');
  for (const { name, child } of children) console.log(`  ${name.padEnd(20)} ${rss(child.pid).toFixed(1)}`);

  const login = async (u) => (await call('POST', '/auth/login', undefined, { username: u, password: demo.password })).accessToken;
  const dept = await login('dept.admin');
  const ent = await login('northsteel');
  const officer = await login('baotou.officer');
  const now = Date.now();
  const year = new Date(now + 8 * 3600_000).getUTCFullYear();
  const batch = await call('POST', '/batches', dept, {
    year,
    name: 'bench',
    windowOpensAt: new Date(now - 86400_000).toISOString(),
    windowClosesAt: new Date(now + 30 * 86400_000).toISOString(),
    prefectureDeadline: new Date(now + 60 * 86400_000).toISOString().slice(0, 10),
  });
  await call('PUT', '/enterprise/profile', ent, { name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区', addressDivisionCode: '150204' });

  const createMs = [];
  const completeMs = [];
  const submitMs = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < N) {
      const i = next++;
      let t = performance.now();
      const app = await call('POST', '/applications', ent, {
        batchId: batch.id, productKind: 'FIRST_SET_EQUIPMENT', productName: `产品${i}`, series: 'B', model: `B-${i}`, rdCompletedOn: '2026-01-10',
      });
      createMs.push(performance.now() - t);
      // Complete before submitting (issue 13): every declaration answered, a PDF in every slot that applies.
      t = performance.now();
      await call('PATCH', `/applications/${app.id}`, ent, { expectedRevision: app.revision, ...completeFormFields() });
      await uploadEverySlot(base, ent, app.id);
      completeMs.push(performance.now() - t);
      t = performance.now();
      await call('POST', `/applications/${app.id}/submit`, ent, { pledgeVersion: CURRENT_PLEDGE_VERSION });
      submitMs.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  // Hand-over: every submitted application reaches the prefecture queue through JetStream.
  const t0 = performance.now();
  for (;;) {
    const queue = await call('GET', `/preliminary-review/queue?batchId=${batch.id}`, officer);
    if (queue.length >= N) break;
    if (performance.now() - t0 > 60_000) throw new Error(`only ${queue.length} of ${N} reached the queue`);
    await sleep(100);
  }
  const drain = (performance.now() - t0) / 1000;
  console.log(`\n${N} complete applications created, completed (autosave and one PDF per slot) and submitted over HTTP, ${CONCURRENCY} at a time: ${elapsed.toFixed(1)} s`);
  console.log(`  create   p50 ${pct(createMs, 50).toFixed(0)} ms  p95 ${pct(createMs, 95).toFixed(0)} ms`);
  console.log(`  complete p50 ${pct(completeMs, 50).toFixed(0)} ms  p95 ${pct(completeMs, 95).toFixed(0)} ms`);
  console.log(`  submit   p50 ${pct(submitMs, 50).toFixed(0)} ms  p95 ${pct(submitMs, 95).toFixed(0)} ms`);
  console.log(`  all ${N} in the prefecture queue ${drain.toFixed(2)} s after the last submit`);
  console.log('\nRSS after the load (MiB):');
  for (const { name, child } of children) console.log(`  ${name.padEnd(20)} ${rss(child.pid).toFixed(1)}`);
} finally {
  await cleanup();
}
