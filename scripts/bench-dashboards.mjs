// Benchmark (npm run bench:dashboards): the oversight dashboards (ADR 0029) at 100,000 applications.
// Starts oversight in this process on a fresh schema and NATS namespace, fills its projection with
// scripts/generate-applications.mjs, then asks the dashboard queries over NATS as the gateway does
// (signed actor, the service's own validation, role check and SQL), each filter combination
// BENCH_RUNS times, and one chart export. Removes its schema and streams afterwards. Needs the
// platform built (npx turbo run build). Figures go to docs/benchmarks.md.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApplications, PREFECTURES } from './generate-applications.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const testing = require(join(root, 'packages', 'testing', 'dist', 'index.js'));
const { ReadDashboard, ExportDashboardChart } = require(join(root, 'packages', 'contracts', 'dist', 'index.js'));
const { oversightModule } = require(join(root, 'apps', 'oversight', 'dist', 'oversight.module.js'));
const { Client } = require('pg');

const N = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const env = testing.newTestEnv();
let svc;
let rpc;
const pg = new Client({ connectionString: env.databaseUrl });
try {
  svc = await testing.startServiceInProcess(env, 'oversight', oversightModule);
  await pg.connect();
  const asOf = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  let t = performance.now();
  const { batches, written } = await generateApplications(pg, { schema: testing.schemaOf(env, 'oversight'), count: N, asOf });
  console.log(`\nGenerated ${N} applications in ${((performance.now() - t) / 1000).toFixed(1)} s:`, written);
  rpc = await testing.RpcCaller.connect(env);
  const dept = testing.actors.department();
  const batch = batches[1].id;
  const prefecture = PREFECTURES[1][0];
  const cases = [
    ['everything', {}],
    ['one batch', { batchId: batch }],
    ['one prefecture', { prefectureId: prefecture }],
    ['batch + prefecture', { batchId: batch, prefectureId: prefecture }],
    ['batch + period', { batchId: batch, from: `${asOf.slice(0, 4)}-03-01`, to: `${asOf.slice(0, 4)}-03-31` }],
  ];
  const rows = [];
  for (const [name, filters] of cases) {
    await rpc.request(ReadDashboard, filters, dept); // warm-up
    const times = [];
    let last;
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      last = await rpc.request(ReadDashboard, filters, dept);
      times.push(performance.now() - t);
    }
    rows.push({ query: `dashboard: ${name}`, applications: last.applications, 'median ms': pct(times, 50).toFixed(0), 'p95 ms': pct(times, 95).toFixed(0) });
  }
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await rpc.request(ExportDashboardChart, { chart: 'prefectures', format: 'xlsx' }, dept);
    times.push(performance.now() - t);
  }
  rows.push({ query: 'export: prefectures (XLSX)', applications: N, 'median ms': pct(times, 50).toFixed(0), 'p95 ms': pct(times, 95).toFixed(0) });
  console.table(rows);
} finally {
  await rpc?.close();
  await svc?.close();
  await pg.end().catch(() => undefined);
  await testing.cleanupTestEnv(env);
}
