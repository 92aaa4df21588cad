// Deadline-rush benchmark of intake (npm run bench:intake; issues 4 and 21). Starts its own platform
// on a fresh schema prefix and NATS namespace (as scripts/bench.mjs does) and removes them after.
//   Part 1: complete submissions through the gateway — one POST /applications/submissions with the
//           whole ~11 KB application and references to materials uploaded before — until every one
//           stands in the Baotou prefecture queue; 16 and 64 concurrent clients, with one and then
//           two intake instances (same schema and namespace: one NATS queue group). Each run is
//           compared with two baselines measured just before it:
//             - bare: a node:http endpoint that inserts the document with one INSERT (pg Pool);
//             - floor (issue 21 item 1, scripts/bench-floor.mjs): one plain Node process that takes
//               the same request and writes, in one transaction with multi-row statements, the rows
//               a submission leaves (application, timeline, version, files, credit answer, outbox,
//               review case, idempotency, chained audit record). Target: ≥ 0.6× its rate.
//           Then the form's own path (issue 21 item 2) at the lowest concurrency, in phases over the
//           same N applications: create; (uploads, not timed); 5 autosaves; the check; the submit.
//           Its rate is N / (create + autosaves + submit time), compared with the one-request
//           path's rate at the same concurrency; CPU per request per process for each phase.
//   Part 2: one 1 GiB material upload through the gateway: MB/s and the gateway's peak RSS.
// Env: BENCH_N (submissions per configuration, default 300), BENCH_CONCURRENCY ("16,64"),
//      BENCH_DRAFT_FLOW=0 skips the form's path, BENCH_INSTANCES ("1,2"),
//      BENCH_UPLOAD_MIB (default 1024; 0 skips part 2), BENCH_CPU_PROF=dir (gateway, intake and preliminary-review under --cpu-prof).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { completeDeclarations, CURRENT_PLEDGE_VERSION, onePagePdf, requiredSlots, uploadEverySlot } from './bench-application.mjs';
import { throwawayPlatform } from './throwaway-platform.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const storeDir = mkdtempSync(join(tmpdir(), 'bench-intake-objects-'));
const UPLOAD_MIB = Number(process.env.BENCH_UPLOAD_MIB ?? 1024);
const CPU_PROF = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined;
const PROFILED = new Set(['intake', 'gateway', 'preliminary-review']);
const platform = await throwawayPlatform({
  extraEnv: {
    OBJECT_STORE_DIR: storeDir,
    INTAKE_MATERIAL_MAX_FILE_BYTES: String(Math.max(200, UPLOAD_MIB + 16) * 1024 * 1024),
    INTAKE_MATERIAL_MAX_APPLICATION_BYTES: String(4 * 1024 ** 3),
  },
  nodeArgs: (name) => (CPU_PROF && PROFILED.has(name) ? ['--cpu-prof', `--cpu-prof-dir=${join(CPU_PROF, name)}`] : []),
});
const { id, env, base, children } = platform;
const demo = JSON.parse(readFileSync(join(root, 'scripts', 'demo-data.json'), 'utf8'));
const N = Number(process.env.BENCH_N ?? 300);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '16,64').split(',').map(Number);
const DRAFT_FLOW = process.env.BENCH_DRAFT_FLOW !== '0';
const INSTANCES = (process.env.BENCH_INSTANCES ?? '1,2').split(',').map(Number);
/** Autosaves per application on the form's path (issue 21 item 2). */
const AUTOSAVES = 5;

const procStatus = (pid, field) =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** CPU time (ms) of each process on the machine that is ours, PostgreSQL or NATS, by pid, from /proc. */
function cpuByProcess() {
  const tick = 1000 / 100; // USER_HZ
  const out = new Map();
  const ours = new Map(children.map(({ name, child }) => [child.pid, name]));
  ours.set(process.pid, 'bench client');
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = ours.get(Number(pid)) ?? (comm.startsWith('postgres') ? 'postgres' : comm === 'nats-server' ? 'nats-server' : undefined);
      if (name) out.set(pid, { name, ms: (Number(f[11]) + Number(f[12])) * tick });
    } catch {
      /* the process ended */
    }
  }
  return out;
}

/** CPU ms per item by process name between two samples (processes alive in both; one that ended in between is not counted). */
function cpuPerItem(before, after, n) {
  const by = new Map();
  for (const [pid, { name, ms }] of after) {
    const was = before.get(pid);
    if (was) by.set(name, (by.get(name) ?? 0) + (ms - was.ms) / n);
  }
  return by;
}

const pct = (xs, p) =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function call(method, path, token, body, headers = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
  const json = await res.json().catch(() => undefined);
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function cleanup() {
  await platform.cleanup();
  rmSync(storeDir, { recursive: true, force: true });
}

/** The autosaved part of the application: about 10 KB of JSON (Chinese text is 3 bytes a character). */
function draftOf(i) {
  const zh = (n, seed) =>
    Array.from({ length: n }, (_, k) => '首台套重大技术装备创新点性能指标国内外对比'[(k + seed) % 20]).join(
      '',
    );
  return {
    firstSale: { date: '2026-03-15', customer: '内蒙古某矿业集团有限公司', contractNo: `HT-2026-${i}` },
    innovationPoints: [zh(800, 1), zh(700, 2), zh(500, 3)],
    performanceIndicators: Array.from({ length: 20 }, (_, k) => ({
      name: `额定载重指标${k}`,
      value: `${300 + k} t`,
      domestic: `${280 + k} t`,
      foreign: `${290 + k} t`,
    })),
    ipList: Array.from({ length: 10 }, (_, k) => ({
      kind: 'invention_patent',
      number: `ZL2025${String(i).padStart(6, '0')}${k}.X`,
      title: `一种矿用自卸车电驱动系统及其控制方法${k}`,
      basis: 'owned',
    })),
    sales: [{ year: 2026, units: 3, revenueWanYuan: 4500 }],
    // Every declaration of M2, M5 and M6 answered (a blank one blocks the submission).
    declarations: completeDeclarations(),
  };
}

const smallPdf = onePagePdf();

/** `concurrency` clients, each taking the next index until `n` are done; latency per item. */
async function drive(n, concurrency, one) {
  const ms = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await one(i);
        ms.push(performance.now() - t);
      }
    }),
  );
  return { ms, started };
}

/** The baseline: a bare HTTP endpoint, one INSERT of the same document per request. */
async function startBaseline() {
  const { Pool } = require('pg');
  const schema = `${id}_baseline`;
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 10 });
  await pool.query(`CREATE SCHEMA "${schema}"`);
  await pool.query(
    `CREATE TABLE "${schema}".docs (id bigserial PRIMARY KEY, doc jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  const server = createServer((req, res) => {
    const parts = [];
    req.on('data', (c) => parts.push(c));
    req.on('end', () => {
      pool
        .query(`INSERT INTO "${schema}".docs (doc) VALUES ($1) RETURNING id`, [
          Buffer.concat(parts).toString(),
        ])
        .then(
          ({ rows }) => {
            res.writeHead(201, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ id: rows[0].id }));
          },
          (err) => {
            res.writeHead(500);
            res.end(String(err));
          },
        );
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/docs`,
    close: async () => {
      server.close();
      await pool.end();
    },
  };
}

async function baselineRun(url, concurrency) {
  const cpu0 = cpuByProcess();
  const { ms, started } = await drive(N, concurrency, async (i) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ i, ...draftOf(i) }),
    });
    if (res.status !== 201) throw new Error(`baseline: ${res.status}`);
    await res.json();
  });
  const s = (performance.now() - started) / 1000;
  const per = cpuPerItem(cpu0, cpuByProcess(), N);
  const cpuMs = (per.get('bench client') ?? 0) + (per.get('postgres') ?? 0);
  return { rate: N / s, p50: pct(ms, 50), p99: pct(ms, 99), cpuMs };
}

/** The records' own floor (scripts/bench-floor.mjs), in its own process so that its CPU is counted apart. */
async function startFloor() {
  const schema = (name) => `${id}_${name.replace(/-/g, '_')}`;
  const child = spawn(process.execPath, [join(root, 'scripts', 'bench-floor.mjs'), schema('intake'), schema('preliminary-review'), schema('floor')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push({ name: 'floor', child });
  const port = await new Promise((ok, fail) => {
    child.stdout.once('data', (d) => ok(Number(String(d).trim())));
    child.once('exit', (code) => fail(new Error(`floor exited with ${code}`)));
  });
  return `http://127.0.0.1:${port}/submissions`;
}

let floorRuns = 0;
async function floorRun(url, concurrency, body) {
  const run = ++floorRuns;
  const cpu0 = cpuByProcess();
  const { ms, started } = await drive(N, concurrency, async (i) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `${id}-floor-${run}-${i}` },
      body: JSON.stringify(body(i)),
    });
    if (res.status !== 201) throw new Error(`floor: ${res.status} ${await res.text()}`);
    await res.json();
  });
  const s = (performance.now() - started) / 1000;
  const per = cpuPerItem(cpu0, cpuByProcess(), N);
  const cpuMs = (per.get('floor') ?? 0) + (per.get('postgres') ?? 0);
  return { rate: N / s, p50: pct(ms, 50), p99: pct(ms, 99), cpuMs };
}

try {
  platform.run('migrate-all.mjs');
  platform.run('seed-demo.mjs');
  await platform.up();
  const gateway = children.find((c) => c.name === 'gateway').child;
  // Item 5 of issue 21: each process's resident memory once started and idle (no request yet).
  await sleep(5000);
  const idleRss = children.map(({ name, child }) => [name, procStatus(child.pid, 'VmRSS')]);
  console.log(`\nIdle RSS (MiB), before any request: ${idleRss.map(([n, r]) => `${n} ${r.toFixed(0)}`).join(', ')}`);

  const login = async (u) =>
    (await call('POST', '/auth/login', undefined, { username: u, password: demo.password })).accessToken;
  const dept = await login('dept.admin');
  const ent = await login('northsteel');
  const officer = await login('baotou.officer');
  await call('PUT', '/enterprise/profile', ent, {
    name: '包头北方重型装备有限公司',
    registeredAddress: '包头市青山区',
    addressDivisionCode: '150204',
  });
  const now = Date.now();
  const year = new Date(now + 8 * 3600_000).getUTCFullYear();
  // One batch a year (M7.1): every run goes into it, told apart by model and by the queue's count.
  const batch = await call('POST', '/batches', dept, {
    year,
    name: 'bench',
    windowOpensAt: new Date(now - 86400_000).toISOString(),
    windowClosesAt: new Date(now + 30 * 86400_000).toISOString(),
    prefectureDeadline: new Date(now + 60 * 86400_000).toISOString().slice(0, 10),
  });
  const warmBatch = batch;
  const queued = async () =>
    (await call('GET', `/preliminary-review/queue/search?batchId=${batch.id}&pageSize=1`, officer)).total;
  const create = (batchId, model) =>
    call('POST', '/applications', ent, {
      batchId,
      productKind: 'FIRST_SET_EQUIPMENT',
      productName: '矿用电动轮自卸车',
      series: 'BZ',
      model,
      rdCompletedOn: '2026-01-10',
    });
  const upload = (appId, slot, body) =>
    call('POST', `/applications/${appId}/materials/${slot}`, ent, body, {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(`${slot}.pdf`),
    });

  // The materials: one small PDF per slot of the checklist, uploaded once (stored once by content).
  const first = await create(warmBatch.id, 'WARM-0');
  const check = await call('GET', `/applications/${first.id}/check`, ent);
  const slots = [
    ...new Set(check.problems.filter((p) => p.code === 'M7.4_MATERIAL_MISSING').map((p) => p.slotId)),
  ];
  for (const slot of slots) await upload(first.id, slot, smallPdf);
  console.log(
    `\nmaterials: ${slots.length} slots, one ${smallPdf.length}-byte PDF each, uploaded once and referenced by every submission`,
  );
  console.log(`draft document: ${Buffer.byteLength(JSON.stringify(draftOf(0)))} bytes of JSON`);

  const listed = await call('GET', `/applications/${first.id}/materials`, ent);
  const refs = (listed.items ?? listed).map((m) => ({ slotId: m.slotId, materialId: m.id }));
  const submission = (batchId, model, i) => ({
    batchId,
    productKind: 'FIRST_SET_EQUIPMENT',
    productName: '矿用电动轮自卸车',
    series: 'BZ',
    model,
    rdCompletedOn: '2026-01-10',
    ...draftOf(i),
    materials: refs,
    pledgeVersion: CURRENT_PLEDGE_VERSION,
  });
  console.log(`submission document: ${Buffer.byteLength(JSON.stringify(submission(batch.id, 'X-0', 0)))} bytes of JSON`);
  // One request: the complete application, submitted (the deadline-rush path).
  const submitOne = (batchId, tag, i) =>
    call('POST', '/applications/submissions', ent, submission(batchId, `${tag}-${i}`, i), {
      'idempotency-key': `${id}-${tag}-${i}`,
    });
  // Warm-up (JIT, pools, consumers): a few submissions that are not measured.
  await drive(40, 8, (i) => submitOne(warmBatch.id, 'WARM', i + 1));

  // Part 2 first, on a quiet gateway, so its peak RSS is the upload's and not the load's.
  let uploadResult;
  if (UPLOAD_MIB > 0) {
    const app = await create(warmBatch.id, 'UPLOAD-1G');
    const head = Buffer.from(
      `%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Length ${UPLOAD_MIB * 1024 * 1024} >>\nstream\n`,
      'latin1',
    );
    const tail = Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const total = head.length + UPLOAD_MIB * chunk.length + tail.length;
    const rssBefore = procStatus(gateway.pid, 'VmRSS');
    let peak = rssBefore;
    const poll = setInterval(() => (peak = Math.max(peak, procStatus(gateway.pid, 'VmRSS'))), 50);
    const t = performance.now();
    const reply = await new Promise((resolveReply, reject) => {
      const req = httpRequest(`${base}/applications/${app.id}/materials/${slots[0]}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ent}`,
          'content-type': 'application/octet-stream',
          'content-length': total,
          'x-file-name': encodeURIComponent('大文件.pdf'),
        },
      });
      req.on('response', (res) => {
        const parts = [];
        res.on('data', (c) => parts.push(c));
        res.on('end', () => resolveReply({ status: res.statusCode, body: Buffer.concat(parts).toString() }));
      });
      req.on('error', reject);
      pipeline(
        Readable.from(
          (function* () {
            yield head;
            for (let i = 0; i < UPLOAD_MIB; i++) yield chunk;
            yield tail;
          })(),
        ),
        req,
      ).catch(reject);
    });
    const s = (performance.now() - t) / 1000;
    clearInterval(poll);
    if (reply.status !== 201) throw new Error(`1 GiB upload: ${reply.status} ${reply.body}`);
    uploadResult = {
      mib: UPLOAD_MIB,
      s,
      mbps: total / 1e6 / s,
      rssBefore,
      peak,
      hwm: procStatus(gateway.pid, 'VmHWM'),
    };
  }

  const baseline = await startBaseline();
  const floorUrl = await startFloor();
  const rows = [];
  const perLine = (per) => per.map(([n, t]) => `${n} ${t.toFixed(2)}`).join(', ') + `; total ${per.reduce((a, [, t]) => a + t, 0).toFixed(2)}`;
  const measure = async (instances, c) => {
    const bare = await baselineRun(baseline.url, c);
    const floor = await floorRun(floorUrl, c, (i) => submission(batch.id, `FLOOR${instances}-${c}-${i}`, i));
    const before = await queued();
    const tag = `CI${instances}C${c}`;
    const cpu0 = cpuByProcess();
    const { ms, started } = await drive(N, c, (i) => submitOne(batch.id, tag, i));
    for (;;) {
      const total = await queued();
      if (total >= before + N) break;
      if (performance.now() - started > 600_000) throw new Error(`only ${total - before} of ${N} reached the queue`);
      await sleep(20);
    }
    const s = (performance.now() - started) / 1000;
    const perSubmission = [...cpuPerItem(cpu0, cpuByProcess(), N)].filter(([, t]) => t > 0.05).sort((a, b) => b[1] - a[1]);
    const row = { instances, clients: c, rate: N / s, p50: pct(ms, 50), p99: pct(ms, 99), bare, floor, perSubmission };
    rows.push(row);
    console.log(
      `complete intake x${instances}, ${String(c).padStart(2)} clients: ${row.rate.toFixed(0)}/s p50 ${row.p50.toFixed(0)} ms p99 ${row.p99.toFixed(0)} ms` +
        ` | floor ${floor.rate.toFixed(0)}/s (p99 ${floor.p99.toFixed(0)} ms, CPU ${floor.cpuMs.toFixed(2)} ms) ratio ${(row.rate / floor.rate).toFixed(2)}` +
        ` | bare ${bare.rate.toFixed(0)}/s ratio ${(row.rate / bare.rate).toFixed(2)}`,
    );
    console.log(`         CPU ms per submission: ${perLine(perSubmission)}`);
  };

  /** The form's path in phases over the same N applications (issue 21 item 2); each phase's CPU per request. */
  const formPath = async (c) => {
    const tag = `F${c}`;
    const apps = new Array(N);
    const phases = [];
    const phase = async (name, perApp, timed, one) => {
      const cpu0 = cpuByProcess();
      const { ms, started } = await drive(N, c, one);
      const s = (performance.now() - started) / 1000;
      const per = [...cpuPerItem(cpu0, cpuByProcess(), N * perApp)].filter(([, t]) => t > 0.02).sort((a, b) => b[1] - a[1]);
      phases.push({ name, perApp, timed, s, p50: pct(ms, 50) / perApp, p99: pct(ms, 99) / perApp, per });
    };
    const groups = [['innovationPoints'], ['performanceIndicators'], ['ipList'], ['firstSale', 'sales'], ['declarations']];
    await phase('create', 1, true, async (i) => (apps[i] = await create(batch.id, `${tag}-${i}`)));
    await phase('upload (not in the rate)', requiredSlots().length, false, (i) => uploadEverySlot(base, ent, apps[i].id, smallPdf));
    await phase('autosave', AUTOSAVES, true, async (i) => {
      const whole = draftOf(i);
      let revision = apps[i].revision;
      for (let k = 0; k < AUTOSAVES; k++) {
        const body = Object.fromEntries(groups[k % groups.length].map((g) => [g, whole[g]]));
        revision = (await call('PATCH', `/applications/${apps[i].id}`, ent, { expectedRevision: revision, ...body })).revision;
      }
    });
    await phase('check (not in the rate)', 1, false, (i) => call('GET', `/applications/${apps[i].id}/check`, ent));
    const before = await queued();
    await phase('submit', 1, true, (i) =>
      call('POST', `/applications/${apps[i].id}/submit`, ent, { pledgeVersion: CURRENT_PLEDGE_VERSION }, { 'idempotency-key': `${id}-form-submit-${tag}-${i}` }),
    );
    for (const t0 = performance.now(); (await queued()) < before + N; await sleep(20))
      if (performance.now() - t0 > 600_000) throw new Error('the form path’s submissions did not reach the queue');
    const s = phases.filter((p) => p.timed).reduce((a, p) => a + p.s, 0);
    const complete = rows.find((r) => r.instances === 1 && r.clients === c);
    console.log(`\nThe form's path, ${c} clients, ${N} applications: create + ${AUTOSAVES} autosaves + submit at ${(N / s).toFixed(0)}/s` +
      (complete ? `; the one-request path ${complete.rate.toFixed(0)}/s; ratio ${(N / s / complete.rate).toFixed(2)}` : ''));
    console.log('| phase | requests per application | s | p50 ms | p99 ms | CPU ms per request by process | total CPU ms |');
    console.log('|---|---|---|---|---|---|---|');
    for (const p of phases)
      console.log(`| ${p.name} | ${p.perApp} | ${p.s.toFixed(1)} | ${p.p50.toFixed(1)} | ${p.p99.toFixed(1)} | ${p.per.map(([n, t]) => `${n} ${t.toFixed(2)}`).join(', ')} | ${p.per.reduce((a, [, t]) => a + t, 0).toFixed(2)} |`);
  };

  for (const instances of INSTANCES) {
    if (instances === 2) {
      platform.start('intake');
      await sleep(8000); // its consumers join the queue group
      await drive(40, 8, (i) => submitOne(warmBatch.id, 'WARM2', i + 1));
    }
    for (const c of CONCURRENCIES) await measure(instances, c);
    if (instances === 1 && DRAFT_FLOW) await formPath(Math.min(...CONCURRENCIES));
  }
  await baseline.close();

  console.log(
    `\nPart 1: ${N} complete submissions per configuration (one request with the whole application), until all stand in the Baotou queue`,
  );
  console.log('| intake instances | clients | submissions/s | p50 ms | p99 ms | floor /s | floor p99 ms | ratio to floor | bare /s | ratio to bare | CPU ms per submission (all processes) | floor CPU ms |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.instances} | ${r.clients} | ${r.rate.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.floor.rate.toFixed(0)} | ${r.floor.p99.toFixed(0)} | ${(r.rate / r.floor.rate).toFixed(2)} | ${r.bare.rate.toFixed(0)} | ${(r.rate / r.bare.rate).toFixed(2)} | ${r.perSubmission.reduce((a, [, t]) => a + t, 0).toFixed(2)} | ${r.floor.cpuMs.toFixed(2)} |`,
    );
  if (uploadResult) {
    const u = uploadResult;
    console.log(
      `\nPart 2: ${u.mib} MiB upload through the gateway: ${u.s.toFixed(1)} s, ${u.mbps.toFixed(0)} MB/s; gateway RSS ${u.rssBefore.toFixed(0)} MiB before, peak ${u.peak.toFixed(0)} MiB during (VmHWM ${u.hwm.toFixed(0)} MiB)`,
    );
  }
  console.log('\nRSS after the load (MiB):');
  for (const { name, child } of children)
    console.log(`  ${name.padEnd(20)} ${procStatus(child.pid, 'VmRSS').toFixed(1)}`);
} finally {
  await cleanup();
  if (CPU_PROF) console.log(`\nCPU profiles in ${CPU_PROF}`);
}
