#!/usr/bin/env node
// A realistic data set of applications for the oversight dashboards (ADR 0029), reused by the
// performance work: 12 prefectures, three batches, every state and stage, returns with their
// items and deadlines (some missed), rejections, withdrawals, objections (some upheld) and
// sanctions. Seeded, so the same seed gives the same shape.
//
// It writes oversight's projection rows directly, computed by the very function the consumers use
// (apps/oversight/dist/projection/timeline.js): publishing 1,000,000 events through JetStream and
// the inbox would take the better part of an hour on a laptop and measure the consumers, not the
// queries. The consumers' path is covered by apps/oversight/test; this covers the volume. The
// dashboards' tallies (ADR 0029, 2026-12-03) are kept by the schema's triggers as these rows go in.
//
//   node scripts/generate-applications.mjs [--applications 100000] [--schema oversight] [--seed 20]
//     [--as-of 2026-12-03]     marks after this China date are not written (stages still open)
// Needs apps/oversight built and its schema migrated (scripts/migrate-all.mjs, or the bench does it).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { timeline, resubmissionOf } = require(join(root, 'apps', 'oversight', 'dist', 'projection', 'timeline.js'));

/** Prefectures (the 12 leagues and cities, packages/domain) and their share of applications. */
export const PREFECTURES = [
  ['150100', 14], ['150200', 18], ['150300', 5], ['150400', 9], ['150500', 7], ['150600', 14],
  ['150700', 6], ['150800', 6], ['150900', 6], ['152200', 5], ['152500', 5], ['152900', 5],
];
/** What prefectures return most (material slots of the draft profile, and form fields). */
const RETURN_ITEMS = [
  ['testReport', 20], ['ipProof', 14], ['businessLicence', 8], ['salesContracts', 12], ['salesInvoices', 9], ['userReports', 10],
  ['noveltySearchReport', 7], ['auditedFinancialReport', 6], ['creditReport', 4], ['form.productName', 3], ['form.rdCompletedOn', 4], ['cccCertificate', 3],
];
const DAY = 86400_000;

function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (weighted) => {
    const total = weighted.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of weighted) if ((r -= w) < 0) return v;
    return weighted[weighted.length - 1][0];
  };
  // Durations skewed like real queues: most short, a long tail (log-normal around `median` days).
  const days = (median, spread = 0.6) => median * Math.exp(spread * Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next()));
  return { next, pick, days, chance: (p) => next() < p };
}

/**
 * Three batches: last year's (done), this year's first (publicity and recognitions), this year's
 * second (in review). With `years` > 1 (the scale seed, issue 21): two batches a year over that
 * many years, this year's last.
 */
export function batches(asOf, years = 1) {
  const year = Number(asOf.slice(0, 4));
  const mk = (y, name, opens, closes, deadline) => ({ id: randomUUID(), year: y, name, opens: new Date(`${opens}T01:00:00Z`), closes: new Date(`${closes}T09:00:00Z`), prefectureDeadline: deadline });
  const first = (y) => mk(y, `${y}年度首台（套）第一批`, `${y}-03-01`, `${y}-04-30`, `${y}-05-31`);
  const second = (y) => mk(y, `${y}年度首台（套）第二批`, `${y}-09-01`, `${y}-10-31`, `${y}-11-30`);
  if (years > 1) return Array.from({ length: years }, (_, i) => year - years + 1 + i).flatMap((y) => [first(y), second(y)]);
  return [first(year - 1), first(year), second(year)];
}

/**
 * The enterprises of a seed with a pool (the scale seed): `perPrefecture(prefectureId)` of them in
 * each prefecture, some applying far more often than others (the first of each most).
 */
function enterpriseOf(r, prefectureId, pool) {
  const size = pool.perPrefecture(prefectureId);
  return pool.usccOf(prefectureId, Math.floor(size * r.next() ** 2));
}

/** One application's life: its facts, marks, returns, objections and sanctions. */
function application(r, batch, n, pool) {
  const id = randomUUID();
  const prefectureId = r.pick(PREFECTURES);
  const uscc = pool
    ? enterpriseOf(r, prefectureId, pool)
    : `9115${prefectureId.slice(2, 4)}00MA${String(n).padStart(8, '0').replace(/[IOSVZ]/g, '0')}`.slice(0, 17) + 'X';
  const marks = [];
  const returns = [];
  const objections = [];
  const sanctions = [];
  const mark = (kind, at) => (marks.push({ kind, at: new Date(at) }), at);
  const windowMs = batch.closes - batch.opens;
  let t = batch.opens.getTime() + r.next() * windowMs * 0.9;
  mark('created', t);
  t = mark('submitted', Math.min(t + r.days(12, 0.7) * DAY, batch.closes.getTime() - 3600_000));
  if (r.chance(0.02)) return { id, prefectureId, uscc, marks: [...marks, { kind: 'withdrawn', at: new Date(t + r.days(4) * DAY) }], returns, objections, sanctions };

  // Preliminary review, with up to two returns for correction (M7.3).
  const returnsWanted = r.chance(0.32) ? (r.chance(0.2) ? 2 : 1) : 0;
  for (let i = 0; i < returnsWanted; i++) {
    t = mark('returned', t + r.days(6) * DAY);
    const deadline = new Date(t + 15 * DAY).toISOString().slice(0, 10);
    const items = [...new Set(Array.from({ length: 1 + Math.floor(r.next() * 3) }, () => r.pick(RETURN_ITEMS)))];
    returns.push({ returnedAt: new Date(t), deadline, items });
    if (r.chance(0.06)) return { id, prefectureId, uscc, marks, returns, objections, sanctions }; // never answered
    // Most answer within the 15 days; some late (M7.3 deadline missed).
    t = mark('resubmitted', t + (r.chance(0.9) ? Math.min(14.5, r.days(6)) : 15 + r.days(4)) * DAY);
  }
  if (r.chance(0.1)) {
    mark('rejected', t + r.days(7) * DAY);
    return { id, prefectureId, uscc, marks, returns, objections, sanctions };
  }
  t = mark('recommended', t + r.days(8) * DAY);
  t = mark('summarized', Math.max(t + DAY, new Date(`${batch.prefectureDeadline}T08:00:00Z`).getTime() - r.next() * 10 * DAY));
  t = mark('review_started', t + r.days(3) * DAY);
  t = mark('reviewed', t + r.days(25, 0.4) * DAY);
  t += r.days(8) * DAY;
  if (r.chance(0.25)) {
    mark('not_selected', t);
    return { id, prefectureId, uscc, marks, returns, objections, sanctions };
  }
  mark('selected', t);
  const publicityStart = new Date(new Date(t + r.days(4) * DAY).toISOString().slice(0, 10) + 'T00:00:00+08:00').getTime();
  mark('publicity_started', publicityStart);
  // M9.2: 5 working days, about a week of calendar days.
  if (r.chance(0.03)) {
    const objectionId = randomUUID();
    const lodged = mark('objection_lodged', publicityStart + r.next() * 5 * DAY);
    const upheld = r.chance(0.3);
    const decided = mark(upheld ? 'objection_upheld' : 'objection_dismissed', lodged + r.days(10) * DAY);
    objections.push({ id: objectionId, lodgedAt: new Date(lodged), outcome: upheld ? 'upheld' : 'dismissed', decidedAt: new Date(decided) });
    if (upheld) return { id, prefectureId, uscc, marks, returns, objections, sanctions };
    t = decided;
  } else t = publicityStart + 7 * DAY;
  const recognitionId = randomUUID();
  t = mark('recognized', t + r.days(3) * DAY);
  if (r.chance(0.006)) {
    const revokedAt = mark('revoked', t + r.days(120, 0.5) * DAY);
    sanctions.push({ id: randomUUID(), measure: 'recognition_revocation', subjectKind: 'recognition', subjectId: recognitionId, subjectUscc: uscc, imposedAt: new Date(revokedAt) });
    sanctions.push({ id: randomUUID(), measure: 'applicant_ban', subjectKind: 'enterprise', subjectId: uscc, subjectUscc: uscc, imposedAt: new Date(revokedAt) });
  }
  return { id, prefectureId, uscc, recognitionId, marks, returns, objections, sanctions };
}

const chinaDay = (d) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Rows of one application as the consumers would have left them on `asOf`. */
function rowsOf(a, batch, cutoff, numberOf) {
  const marks = a.marks.filter((m) => m.at.getTime() <= cutoff);
  if (marks.length === 0) return undefined;
  const t = timeline(marks);
  const submittedOn = t.submittedAt ? chinaDay(t.submittedAt) : null;
  const recognized = marks.some((m) => m.kind === 'recognized');
  return {
    app: [a.id, numberOf ? numberOf(a, batch) : `${batch.year}-${a.prefectureId}-${a.id.slice(0, 5)}`, batch.id, a.prefectureId, a.uscc, recognized ? a.recognitionId : null, t.state,
      t.submittedAt, submittedOn, t.preliminaryConcludedAt, t.preliminaryOutcome, t.returnCount],
    marks: marks.map((m) => [a.id, m.kind, m.at]),
    stages: t.stages.map((s) => [a.id, s.stage, batch.id, a.prefectureId, submittedOn, s.visits, s.seconds, s.enteredAt, s.leftAt, s.openSince]),
    returns: a.returns.filter((x) => x.returnedAt.getTime() <= cutoff).map((x) => [a.id, x.returnedAt, x.deadline, `{${x.items.join(',')}}`, resubmissionOf(x.returnedAt, marks)]),
    objections: a.objections.filter((o) => o.lodgedAt.getTime() <= cutoff).map((o) => [o.id, a.id, o.lodgedAt, o.decidedAt.getTime() <= cutoff ? o.outcome : null, o.decidedAt.getTime() <= cutoff ? o.decidedAt : null]),
    sanctions: a.sanctions.filter((s) => s.imposedAt.getTime() <= cutoff).map((s) => [s.id, s.measure, s.subjectKind, s.subjectId, s.subjectUscc, s.imposedAt]),
  };
}

const TABLES = {
  applications: ['id uuid', 'application_no text', 'batch_id uuid', 'prefecture_id text', 'uscc text', 'recognition_id uuid', 'state text', 'submitted_at timestamptz', 'submitted_on date', 'preliminary_concluded_at timestamptz', 'preliminary_outcome text', 'return_count int'],
  application_marks: ['application_id uuid', 'kind text', 'at timestamptz'],
  application_stages: ['application_id uuid', 'stage text', 'batch_id uuid', 'prefecture_id text', 'submitted_on date', 'visits int', 'seconds float8', 'entered_at timestamptz', 'left_at timestamptz', 'open_since timestamptz'],
  correction_returns: ['application_id uuid', 'returned_at timestamptz', 'deadline date', 'items text[]', 'resubmitted_at timestamptz'],
  objections: ['id uuid', 'application_id uuid', 'lodged_at timestamptz', 'outcome text', 'decided_at timestamptz'],
  sanctions: ['id uuid', 'measure text', 'subject_kind text', 'subject_id text', 'subject_uscc text', 'imposed_at timestamptz'],
};

/** One multi-row INSERT per table and chunk: column arrays through unnest. */
async function insert(pg, schema, table, rows) {
  if (rows.length === 0) return;
  const cols = TABLES[table];
  const names = cols.map((c) => c.split(' ')[0]);
  // text[] columns travel as their literal, cast after unnest (unnest would flatten a 2-D array).
  const params = cols.map((c, i) => rows.map((r) => r[i]));
  const sel = cols.map((c, i) => (c.endsWith('[]') ? `u${i}::${c.split(' ')[1]}` : `u${i}`));
  const types = cols.map((c) => (c.endsWith('[]') ? 'text[]' : `${c.split(' ')[1]}[]`));
  await pg.query(
    `INSERT INTO "${schema}".${table} (${names.join(', ')}${table === 'applications' ? ', updated_at' : ''})
     SELECT ${sel.join(', ')}${table === 'applications' ? ', now()' : ''} FROM unnest(${types.map((t, i) => `$${i + 1}::${t}`).join(', ')}) AS x(${cols.map((_, i) => `u${i}`).join(', ')})`,
    params,
  );
}

/**
 * Fills `schema` (oversight's, migrated, empty) with `count` applications as of `asOf` (China date).
 * Returns what it wrote, by table. The scale seed (scripts/seed-scale.mjs) passes `years`, an
 * enterprise `pool`, `numberOf(a, batch)` for the application numbers, and `each(a, batch, marks)`
 * `onBatches(batches)`, `each(a, batch, rows)` and `afterChunk()` to write the other services' rows of the same applications.
 */
export async function generateApplications(pg, { schema, count = 100_000, seed = 20, asOf = chinaDay(new Date()), years = 1, pool, numberOf, onBatches, each, afterChunk }) {
  const r = prng(seed);
  const cutoff = new Date(`${asOf}T23:59:59+08:00`).getTime();
  const bs = batches(asOf, years);
  const batchWeights = years > 1 ? bs.map((_, i) => [i, 1]) : [[0, 35], [1, 45], [2, 20]];
  await pg.query(
    `INSERT INTO "${schema}".batches (id, year, name, prefecture_deadline, updated_at) SELECT * , now() FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[])`,
    [bs.map((b) => b.id), bs.map((b) => b.year), bs.map((b) => b.name), bs.map((b) => b.prefectureDeadline)],
  );
  await onBatches?.(bs);
  const written = Object.fromEntries(Object.keys(TABLES).map((t) => [t, 0]));
  const CHUNK = 2000;
  for (let start = 0; start < count; start += CHUNK) {
    const chunk = Object.fromEntries(Object.keys(TABLES).map((t) => [t, []]));
    for (let i = start; i < Math.min(count, start + CHUNK); i++) {
      // Last year's batch a third, this year's first half, the second the rest.
      const batch = bs[r.pick(batchWeights)];
      const a = application(r, batch, i, pool);
      const rows = rowsOf(a, batch, cutoff, numberOf);
      if (!rows) continue;
      each?.(a, batch, rows);
      chunk.applications.push(rows.app);
      chunk.application_marks.push(...rows.marks);
      chunk.application_stages.push(...rows.stages);
      chunk.correction_returns.push(...rows.returns);
      chunk.objections.push(...rows.objections);
      chunk.sanctions.push(...rows.sanctions);
    }
    for (const [table, rows] of Object.entries(chunk)) {
      await insert(pg, schema, table, rows);
      written[table] += rows.length;
    }
    await afterChunk?.();
  }
  // A few sanctions on institutions and experts: they belong to no prefecture.
  const extra = [['institution_ban', 'institution'], ['expert_disqualification', 'expert'], ['expert_disqualification', 'expert']].map(([measure, kind], i) => [
    randomUUID(), measure, kind, randomUUID(), null, new Date(cutoff - (i + 1) * 40 * DAY),
  ]);
  await insert(pg, schema, 'sanctions', extra);
  written.sanctions += extra.length;
  await pg.query(
    `ANALYZE "${schema}".applications, "${schema}".application_stages, "${schema}".correction_returns, "${schema}".objections, "${schema}".sanctions, "${schema}".dashboard_tallies`,
  );
  return { batches: bs, written };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { Client } = require('pg');
  const pg = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await pg.connect();
  try {
    const started = performance.now();
    const { written } = await generateApplications(pg, {
      schema: arg('schema', process.env.DB_SCHEMA ?? 'oversight'),
      count: Number(arg('applications', '100000')),
      seed: Number(arg('seed', '20')),
      asOf: arg('as-of', chinaDay(new Date())),
    });
    console.log(`written in ${((performance.now() - started) / 1000).toFixed(1)} s:`, written);
  } finally {
    await pg.end();
  }
}
