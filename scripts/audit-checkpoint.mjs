// Signs each service schema's audit chain head with SM2 and appends the checkpoints to a file
// outside the database (ADR 0027). Run it at an interval (cron, CI); `npm run audit:verify` checks
// that every chain still holds every checkpointed head.
//   DATABASE_URL, DB_SCHEMA_PREFIX  which schemas (as scripts/migrate-all.mjs)
//   AUDIT_SIGNING_KEY               SM2 private key, hex (AUDIT_DEV_KEYS=1: the development key)
//   AUDIT_CHECKPOINT_FILE           JSON lines, appended (default .data/audit-checkpoints.jsonl)
//   AUDIT_CHECKPOINT_NATS=1         also publish them to the JetStream stream AUDIT_CHECKPOINTS
//   AUDIT_CHECKPOINT_INTERVAL_S     keep running, signing every so many seconds (default: once)
import { appendFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { auditKey } from './audit-keys.mjs';
import { publishCheckpoints, STREAM } from './audit-stream.mjs';
import { SCHEMA_OWNERS } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { Pool } = require(require.resolve('pg', { paths: [join(root, 'packages/service-kit')] }));
const { signAuditCheckpoint, withFileSecrets } = require(join(root, 'packages/service-kit/dist/index.js'));
// AUDIT_SIGNING_KEY_FILE, DATABASE_URL_FILE: secrets mounted as files (ADR 0035).
Object.assign(process.env, withFileSecrets(process.env));

const key = auditKey('AUDIT_SIGNING_KEY');
if (!key) {
  console.error('AUDIT_SIGNING_KEY is not set (AUDIT_DEV_KEYS=1 uses the development key)');
  process.exit(2);
}
const file = resolve(process.env.AUDIT_CHECKPOINT_FILE ?? join(root, '.data', 'audit-checkpoints.jsonl'));
const prefix = process.env.DB_SCHEMA_PREFIX ?? '';
const pool = new Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
});
mkdirSync(dirname(file), { recursive: true });
// AUDIT_CHECKPOINT_INTERVAL_S: keep running and sign again every so many seconds (else once).
const interval = Number(process.env.AUDIT_CHECKPOINT_INTERVAL_S ?? 0);
if (!Number.isInteger(interval) || interval < 0) {
  console.error('AUDIT_CHECKPOINT_INTERVAL_S must be a whole number of seconds');
  process.exit(2);
}

async function signAll() {
  const signed = [];
  for (const name of SCHEMA_OWNERS) {
    const schema = `${prefix}${name.replace(/-/g, '_')}`;
    const cp = await signAuditCheckpoint(pool, schema, key, new Date());
    appendFileSync(file, `${JSON.stringify(cp)}\n`);
    signed.push(cp);
    console.log(`signed ${schema}: seq ${cp.seq}, ${cp.count} records, head ${cp.hash.slice(0, 16)}…`);
  }
  if (process.env.AUDIT_CHECKPOINT_NATS === '1') {
    await publishCheckpoints(signed);
    console.log(`published ${signed.length} checkpoints to ${STREAM}`);
  }
}

// Once: a failure fails the command. At an interval (a platform process): a failed round is
// reported and the next one tries again, so a passing outage never stops the platform.
const round = async () => {
  try {
    await signAll();
  } catch (e) {
    if (interval === 0) throw e;
    console.error(`checkpoint round failed, retrying in ${interval} s: ${e.message}`);
  }
};
try {
  await round();
  while (interval > 0) {
    await sleep(interval * 1000);
    await round();
  }
} finally {
  await pool.end();
}
