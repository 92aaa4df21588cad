// Reads at scale (npm run bench:reads; issue 21 item 3). Starts a throwaway platform, migrates it,
// seeds it with scripts/seed-scale.mjs (100,000 applications), signs in as a prefecture officer, the
// Department, an auditor and a busy enterprise, then measures through the gateway over HTTP, at 1
// and 16 concurrent clients, p50/p95 of every read below. Each read's warm-up runs alone between two
// snapshots of pg_stat_user_tables: a sequential scan of a table holding more than 10,000 rows is
// named with the read that caused it, and fails the bench (exit 1).
// Env: BENCH_READS_PREFIX=<id> keeps the platform's schemas under that id and reuses them when they
//      exist, migrated to the newest schema (seed once, measure many times; drop them by hand); BENCH_APPLICATIONS (100000);
//      BENCH_RUNS (requests per read and client count, default 40 at 1 client, 160 at 16);
//      BENCH_ONLY=<substring>[,<substring>…] measures only the reads whose name contains one of them.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { throwawayPlatform } from './throwaway-platform.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const demo = JSON.parse(readFileSync(join(root, 'scripts', 'demo-data.json'), 'utf8'));
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const RUNS_1 = Number(process.env.BENCH_RUNS ?? 40);
const RUNS_16 = Number(process.env.BENCH_RUNS ?? 160);
const ONLY = process.env.BENCH_ONLY;
const BIG_TABLE = 10_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const keep = process.env.BENCH_READS_PREFIX;
const platform = await throwawayPlatform({ reuse: keep });
const { Client } = require('pg');
const pg = new Client({ connectionString: platform.env.DATABASE_URL });
await pg.connect();
const schema = (name) => `${platform.id}_${name.replace(/-/g, '_')}`;

/** seq_scan, seq_tup_read and live rows of every table of the platform's schemas. */
async function tableStats() {
  await pg.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await pg.query(
    `SELECT schemaname || '.' || relname AS t, seq_scan::int AS seq, seq_tup_read::bigint AS tup, n_live_tup::int AS live, idx_scan::bigint AS idx
       FROM pg_stat_user_tables WHERE schemaname LIKE $1`,
    [`${platform.id}\\_%`],
  );
  return new Map(rows.map((r) => [r.t, r]));
}
/** Tables of more than BIG_TABLE rows sequentially scanned between two snapshots. */
function bigScans(before, after) {
  const out = [];
  for (const [t, a] of after) {
    const b = before.get(t) ?? { seq: 0, tup: 0 };
    if (a.live > BIG_TABLE && a.seq > b.seq) out.push(`${t.slice(platform.id.length + 1)} (${a.seq - b.seq}× ${Number(a.tup - b.tup)} rows)`);
  }
  return out;
}

try {
  // A reused platform gets the migrations added since it was seeded (applied ones are skipped).
  platform.run('migrate-all.mjs');
  const { rows: seeded } = await pg.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`"${schema('intake')}".applications`]);
  const reused = seeded[0].ok && (await pg.query(`SELECT count(*)::int AS n FROM "${schema('intake')}".applications`)).rows[0].n > 0;
  let seedLine = 'reused';
  if (!reused) {
    const t = performance.now();
    platform.run('seed-scale.mjs', ['--applications', String(APPLICATIONS)]);
    seedLine = `${((performance.now() - t) / 1000).toFixed(0)} s`;
  }
  await platform.up();

  const call = async (path, token) => {
    const res = await fetch(`${platform.base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = await res.text();
    if (res.status >= 400) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
    return JSON.parse(body);
  };
  const login = async (username) => {
    const res = await fetch(`${platform.base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demo.password }) });
    if (res.status >= 400) throw new Error(`login ${username}: ${res.status}`);
    return (await res.json()).accessToken;
  };
  const [officer, dept, auditor, ent] = await Promise.all(['baotou.officer', 'dept.admin', 'auditor', 'northsteel'].map(login));

  // Things to ask for, taken from the data: the newest batch with candidates, a certificate, a document, an application.
  const q1 = async (sql) => (await pg.query(sql)).rows[0];
  // The newest batch the Department has decided: its candidates and its list are the largest reads.
  const latest = await q1(`SELECT batch_id FROM "${schema('publicity')}".decision_lists ORDER BY created_at DESC LIMIT 1`);
  const open = await q1(`SELECT id FROM "${schema('preliminary-review')}".batches ORDER BY year DESC, name DESC LIMIT 1`);
  const cert = await q1(`SELECT certificate_no, document_no, year FROM "${schema('publicity')}".recognitions ORDER BY random() LIMIT 1`);
  const app = await q1(`SELECT id FROM "${schema('intake')}".applications WHERE prefecture_id = '150200' AND submitted_at IS NOT NULL ORDER BY random() LIMIT 1`);
  const someEnterprise = await q1(`SELECT enterprise_name FROM "${schema('preliminary-review')}".review_cases WHERE prefecture_id = '150200' ORDER BY random() LIMIT 1`);
  const word = someEnterprise.enterprise_name.slice(2, 6);

  const q = '/preliminary-review/queue/search?pageSize=20';
  const READS = [
    ['queue: default (longest first)', q, officer],
    ['queue: shortest first', `${q}&sort=shortest`, officer],
    ['queue: page 40', `${q}&page=40`, officer],
    ...['SUBMITTED', 'RESUBMITTED', 'RETURNED_FOR_CORRECTION', 'REJECTED_AT_PRELIMINARY_REVIEW', 'RECOMMENDED', 'WITHDRAWN'].map((s) => [`queue: state ${s}`, `${q}&state=${s}`, officer]),
    ['queue: attention unclaimed', `${q}&attention=unclaimed`, officer],
    ['queue: attention overdue', `${q}&attention=overdue`, officer],
    ['queue: open batch', `${q}&batchId=${open.id}`, officer],
    ['queue: product kind', `${q}&productKind=FIRST_BATCH_MATERIAL`, officer],
    ['queue: field EF04', `${q}&catalogueEntryCode=EF04`, officer],
    ['queue: search enterprise name', `${q}&search=${encodeURIComponent(word)}`, officer],
    ['queue: all prefectures (Department)', q, dept],
    ['enterprise: own applications', '/applications?pageSize=20', ent],
    ['enterprise: own, state RECOGNIZED', '/applications?pageSize=20&state=RECOGNIZED', ent],
    ['enterprise: own, search model', '/applications?pageSize=20&search=S1-', ent],
    ['enterprise: notifications', '/notifications?pageSize=20', ent],
    ['Department: candidates of a batch', `/decision-lists/candidates?batchId=${latest.batch_id}`, dept],
    ['Department: decision lists', '/decision-lists', dept],
    ['Department: decision lists of a batch', `/decision-lists?batchId=${latest.batch_id}`, dept],
    ['public: registry first page', '/public/recognitions?pageSize=20', undefined],
    // A substring of Chinese text in six columns: no B-tree serves `ILIKE '%永磁%'`, and a trigram
    // index (pg_trgm) cannot use a two-character term either; the table is read, ≈ 60,000 rows.
    ['public: registry search', `/public/recognitions?pageSize=20&search=${encodeURIComponent('永磁')}`, undefined, 'substring search of a 2-character Chinese term'],
    ['public: registry prefecture + valid', '/public/recognitions?pageSize=20&prefectureId=150600&status=valid', undefined],
    ['public: registry year', `/public/recognitions?pageSize=20&year=${cert.year}`, undefined],
    ['public: verify certificate', `/public/verify?no=${encodeURIComponent(cert.certificate_no)}`, undefined],
    ['audit: newest', '/audit/records?pageSize=50', auditor],
    ['audit: action review.return', '/audit/records?pageSize=50&action=review.return', auditor],
    ['audit: organisation prefecture', '/audit/records?pageSize=50&organisation=prefecture:150200', auditor],
    ['audit: one application', `/audit/records?pageSize=50&objectId=${app.id}`, auditor],
    // Counts from the tallies, percentiles read at their rank (ADR 0029, amendment of 2026-12-03).
    ['dashboards: everything', '/dashboards', dept],
    ['dashboards: one batch', `/dashboards?batchId=${latest.batch_id}`, dept],
    ['dashboards: one prefecture', '/dashboards?prefectureId=150200', dept],
  ].filter(([name]) => !ONLY || ONLY.split(',').some((part) => name.includes(part)));

  /** `clients` loops, `runs` requests in all; latencies in ms. */
  const drive = async (path, token, clients, runs) => {
    const ms = [];
    let next = 0;
    let errors = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next++ < runs) {
          const t = performance.now();
          // A request that fails (the gateway's 10 s reply timeout under load) is counted, not timed.
          await call(path, token).then(() => ms.push(performance.now() - t), () => errors++);
        }
      }),
    );
    ms.errors = errors;
    return ms;
  };

  const failures = [];
  const results = [];
  const all0 = await tableStats();
  for (const [name, path, token, accepted] of READS) {
    // The warm-up alone between two snapshots: the scans are this read's (statistics arrive within a second).
    await sleep(1100);
    const before = await tableStats();
    let body;
    try {
      body = await call(path, token);
      for (let i = 0; i < 4; i++) await call(path, token);
    } catch (err) {
      // A read that fails at this scale is a finding too: named, and the bench fails.
      failures.push(`${name}: ${String(err.message).slice(0, 200)}`);
      results.push({ name, size: 'error', error: String(err.message).slice(0, 120), scans: [] });
      console.error(`${name}: ERROR ${String(err.message).slice(0, 200)}`);
      continue;
    }
    await sleep(1100);
    let scans = bigScans(before, await tableStats());
    if (scans.length) {
      // Once more, to tell this read's scans from another process's in the same window.
      const again = await tableStats();
      for (let i = 0; i < 5; i++) await call(path, token);
      await sleep(1100);
      const second = new Set(bigScans(again, await tableStats()).map((x) => x.split(' ')[0]));
      scans = scans.filter((x) => second.has(x.split(' ')[0]));
    }
    // A scan named as accepted (with why, in READS) is reported, not failed.
    if (scans.length && !accepted) failures.push(`${name}: ${scans.join(', ')}`);
    if (scans.length && accepted) scans.push(`accepted: ${accepted}`);
    const size = Array.isArray(body) ? body.length : body.total ?? body.items?.length ?? body.recognitions?.length ?? '';
    const one = await drive(path, token, 1, RUNS_1);
    const many = await drive(path, token, 16, RUNS_16);
    if (one.errors + many.errors > 0) {
      failures.push(`${name}: ${one.errors + many.errors} requests failed`);
      scans.push(`${one.errors + many.errors} requests failed`);
    }
    const p = (xs, q) => (xs.length ? pct(xs, q) : NaN);
    results.push({ name, size, p50_1: p(one, 50), p95_1: p(one, 95), p50_16: p(many, 50), p95_16: p(many, 95), scans });
    console.error(`${name}: ${pct(one, 50).toFixed(1)} / ${pct(one, 95).toFixed(1)} ms at 1, ${pct(many, 50).toFixed(1)} / ${pct(many, 95).toFixed(1)} ms at 16${scans.length ? `; SEQ SCAN ${scans.join(', ')}` : ''}`);
  }
  await sleep(1100);
  const allScans = bigScans(all0, await tableStats());

  const { rows: counts } = await pg.query(
    `SELECT schemaname AS s, relname AS t, n_live_tup::int AS n FROM pg_stat_user_tables WHERE schemaname LIKE $1 AND n_live_tup > 1000 ORDER BY n_live_tup DESC`,
    [`${platform.id}\\_%`],
  );
  const f = (x) => x.toFixed(1);
  console.log(`\n### Reads at scale (${new Date().toISOString().slice(0, 10)}): ${APPLICATIONS} applications, seed ${seedLine}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log('\n| read | rows | p50 ms (1) | p95 ms (1) | p50 ms (16) | p95 ms (16) | seq scans > 10k rows |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    if (r.error) console.log(`| ${r.name} | error | – | – | – | – | ${r.error} |`);
    else console.log(`| ${r.name} | ${r.size} | ${f(r.p50_1)} | ${f(r.p95_1)} | ${f(r.p50_16)} | ${f(r.p95_16)} | ${r.scans.join(', ') || '–'} |`);
  }
  console.log(`\nTables over 1,000 rows: ${counts.map((c) => `${c.s.slice(platform.id.length + 1)}.${c.t} ${c.n}`).join(', ')}`);
  console.log(`Sequential scans of tables over ${BIG_TABLE} rows during the whole run (any process): ${allScans.join(', ') || 'none'}`);
  const slow = results.filter((r) => !r.error && r.p95_16 >= 50).map((r) => r.name);
  console.log(`p95 at 16 clients at or above 50 ms: ${slow.join('; ') || 'none'}`);
  if (failures.length) {
    console.log(`\nFAILED: sequential scans over large tables, or errors:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  await pg.end();
  await platform.cleanup();
}
