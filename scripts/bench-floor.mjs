// The records' own floor (issue 21 item 1), started by scripts/bench-intake.mjs as a child process:
// one plain Node process (node:http, pg, no framework, no validation, no bus) that takes the same
// request as POST /api/applications/submissions and writes, in one transaction with multi-row
// statements, the rows a submission leaves: the application, its timeline (created, submitted),
// version 1, one row per file reference, the credit answer, the outbox event, the review case,
// the idempotency record and the chained audit record (advisory lock on the chain head, SM3).
// Its tables are copies (LIKE … INCLUDING ALL: same columns, defaults and indexes) of intake's and
// preliminary review's, in a schema of its own; the referenced files are read from intake's table,
// as intake does. What the platform does on top is what this leaves out: the gateway, tokens,
// signing, validation, the rules, NATS, the second service's own transaction.
//   node scripts/bench-floor.mjs <intake schema> <preliminary-review schema> <floor schema>
// Prints the port it listens on as its first line of stdout.
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Pool } = require('pg');
const [intake, review, floor] = process.argv.slice(2).map((s) => `"${s}"`);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const TABLES = [
  [intake, ['applications', 'application_history', 'application_versions', 'materials', 'credit_checks', 'outbox_events', 'audit_records', 'idempotency_records']],
  [review, ['review_cases']],
];
await pool.query(`CREATE SCHEMA ${floor}`);
for (const [from, names] of TABLES) for (const t of names) await pool.query(`CREATE TABLE ${floor}.${t} (LIKE ${from}.${t} INCLUDING ALL)`);
await pool.query(`CREATE SEQUENCE ${floor}.application_no_seq`);

const DRAFT_KEYS = ['catalogueEntryCode', 'catalogueVersion', 'firstSale', 'innovationPoints', 'performanceIndicators', 'ipList', 'sales', 'declarations'];

const WRITE = `WITH app AS (
    INSERT INTO ${floor}.applications (id, application_no, batch_id, enterprise_uscc, prefecture_id, product_kind, product_name,
           series, model, rd_completed_on, state, version, revision, draft, submitted_at, created_at, updated_at, policy_profile_id, policy_profile_version)
    VALUES ($1, '2026-150200-' || lpad(nextval('${floor.slice(1, -1)}.application_no_seq')::text, 5, '0'), $2, $3, '150200', $4, $5, $6, $7, $8,
           'SUBMITTED', 1, 0, $9, now(), now(), now(), 'nmg-first-set', '2026')
    RETURNING id, application_no
  ), files AS (
    INSERT INTO ${floor}.materials (id, application_id, slot_id, file_name, media_type, size, sha256, sm3, object_key, uploaded_by, uploaded_at)
    SELECT gen_random_uuid(), $1, r."slotId", m.file_name, m.media_type, m.size, m.sha256, m.sm3, m.object_key, m.uploaded_by, m.uploaded_at
      FROM jsonb_to_recordset($10::jsonb) AS r("slotId" text, "materialId" uuid) JOIN ${intake}.materials m ON m.id = r."materialId"
    RETURNING id
  ), history AS (
    INSERT INTO ${floor}.application_history (id, application_id, from_state, to_state, action, actor_role, actor_id, actor_name, actor_org, occurred_at)
    VALUES (gen_random_uuid(), $1, NULL, 'DRAFT', 'create', 'enterprise', $11, $12, $13, now()),
           (gen_random_uuid(), $1, 'DRAFT', 'SUBMITTED', 'submit', 'enterprise', $11, $12, $13, now())
  ), version AS (
    INSERT INTO ${floor}.application_versions (id, application_id, version, snapshot, changes, pledge, submitted_at)
    VALUES (gen_random_uuid(), $1, 1, $14, '[]', $15, now())
  ), credit AS (
    INSERT INTO ${floor}.credit_checks (id, uscc, application_id, source, serious_dishonesty, abnormal_operations, detail, checked_at)
    VALUES (gen_random_uuid(), $3, $1, 'simulator', false, false, '{}', now())
  ), outbox AS (
    INSERT INTO ${floor}.outbox_events (id, subject, payload, headers) VALUES (gen_random_uuid(), 'intake.application.submitted.v1', $16, '{}')
  ), review AS (
    INSERT INTO ${floor}.review_cases (id, batch_id, application_no, application_version, prefecture_id, enterprise_uscc, enterprise_name,
           enterprise_address, product_kind, product_name, series, model, rd_completed_on, declarations, state, received_at, source_event_id, updated_at)
    SELECT $1, $2, application_no, 1, '150200', $3, $12, '包头市青山区', $4, $5, $6, $7, $8, $17::jsonb, 'PENDING_FORMAL_REVIEW', now(), gen_random_uuid(), now() FROM app
  ), idem AS (
    INSERT INTO ${floor}.idempotency_records (key, actor_id, command, response, request_hash) VALUES ($18, $11, 'application.submit-complete', $19, $20)
  )
  SELECT application_no, (SELECT count(*) FROM files)::int AS files FROM app`;

async function submit(body, key) {
  const input = JSON.parse(body);
  const id = randomUUID();
  const draft = Object.fromEntries(DRAFT_KEYS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]));
  const snapshot = { productKind: input.productKind, productName: input.productName, series: input.series, model: input.model, rdCompletedOn: input.rdCompletedOn, ...draft, materials: input.materials };
  const pledge = { version: input.pledgeVersion, signedAt: new Date().toISOString() };
  const receipt = { id, state: 'SUBMITTED', version: 1, contentSha256: createHash('sha256').update(JSON.stringify(snapshot)).digest('hex') };
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const { rows } = await c.query(WRITE, [
      id, input.batchId, '91150200MA0N4KXX4C', input.productKind, input.productName, input.series, input.model, input.rdCompletedOn, draft,
      JSON.stringify(input.materials), 'northsteel', '包头北方重型装备有限公司', '包头北方重型装备有限公司 / 包头北方重型装备有限公司',
      snapshot, pledge, { applicationId: id, ...snapshot }, JSON.stringify(input.declarations ?? null), key, receipt, receipt.contentSha256,
    ]);
    // The chained audit record, last: the chain head stays locked only until the commit (as the
    // platform does). The head is read in a statement of its own, after the lock: a statement's
    // snapshot is taken when it starts, before it waits.
    await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`floor.audit_chain.${floor}`]);
    const head = (await c.query(`SELECT a.seq::text AS seq, a.hash FROM ${floor}.audit_records a WHERE a.seq IS NOT NULL ORDER BY a.seq DESC LIMIT 1`)).rows[0];
    const { seq, hash } = head ?? { seq: '0', hash: null };
    const next = (BigInt(seq) + 1n).toString();
    const record = [next, randomUUID(), new Date().toISOString(), 'northsteel', 'enterprise', null, 'application.submit-complete', 'application', id, 'succeeded', key, '{}', hash ?? '0'.repeat(64)];
    await c.query(
      `INSERT INTO ${floor}.audit_records (seq, id, occurred_at, actor_id, actor_role, jurisdiction, action, object_type, object_id, outcome, request_id, detail, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [...record, createHash('sm3').update(JSON.stringify(record)).digest('hex')],
    );
    await c.query('COMMIT');
    return { ...receipt, applicationNo: rows[0].application_no };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

const server = createServer((req, res) => {
  const parts = [];
  req.on('data', (chunk) => parts.push(chunk));
  req.on('end', () =>
    submit(Buffer.concat(parts).toString(), String(req.headers['idempotency-key'] ?? randomUUID())).then(
      (receipt) => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify(receipt));
      },
      (err) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      },
    ),
  );
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
