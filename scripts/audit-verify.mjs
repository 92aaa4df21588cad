// Recomputes every service schema's audit chain and checks the signed checkpoints (ADR 0027):
// one line per schema, exit 1 when any chain is broken, 2 when it cannot be checked.
//   DATABASE_URL, DB_SCHEMA_PREFIX  which schemas (as scripts/migrate-all.mjs)
//   AUDIT_SERVICES                  comma-separated services to check (default: every one)
//   AUDIT_CHECKPOINT_FILE           checkpoints, JSON lines (default .data/audit-checkpoints.jsonl; absent: none)
//   AUDIT_CHECKPOINT_NATS=1         also the checkpoints of the JetStream stream AUDIT_CHECKPOINTS
//   AUDIT_VERIFY_KEY                SM2 public key, hex, needed when there are checkpoints
//                                   (AUDIT_DEV_KEYS=1: the development key)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditKey } from './audit-keys.mjs';
import { readStreamCheckpoints } from './audit-stream.mjs';
import { SCHEMA_OWNERS } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { Pool } = require(require.resolve('pg', { paths: [join(root, 'packages/service-kit')] }));
const { verifyAuditChain } = require(join(root, 'packages/service-kit/dist/index.js'));

const file = resolve(process.env.AUDIT_CHECKPOINT_FILE ?? join(root, '.data', 'audit-checkpoints.jsonl'));
const checkpoints = existsSync(file)
  ? readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l, i) => {
        try {
          return JSON.parse(l);
        } catch {
          console.error(`${file}:${i + 1}: not a checkpoint`);
          process.exit(2);
        }
      })
  : [];
if (process.env.AUDIT_CHECKPOINT_NATS === '1') checkpoints.push(...(await readStreamCheckpoints()));
const publicKey = auditKey('AUDIT_VERIFY_KEY');
if (checkpoints.length && !publicKey) {
  console.error(`${checkpoints.length} checkpoints in ${file} but no AUDIT_VERIFY_KEY to check them`);
  process.exit(2);
}
const prefix = process.env.DB_SCHEMA_PREFIX ?? '';
const pool = new Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
});
const only = process.env.AUDIT_SERVICES?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = (only ?? []).filter((s) => !SCHEMA_OWNERS.includes(s));
if (unknown.length) {
  console.error(`AUDIT_SERVICES: no such service ${unknown.join(', ')} (one of ${SCHEMA_OWNERS.join(', ')})`);
  process.exit(2);
}
let broken = 0;
let unreadable = 0;
try {
  for (const name of only ?? SCHEMA_OWNERS) {
    const schema = `${prefix}${name.replace(/-/g, '_')}`;
    try {
      const r = await verifyAuditChain(pool, schema, { checkpoints, publicKey });
      if (r.ok) {
        console.log(
          `ok    ${schema}: ${r.verified} records, head seq ${r.head.seq} ${r.head.hash.slice(0, 16)}…, ${r.checkpointsChecked} checkpoints`,
        );
      } else {
        broken++;
        console.log(
          `BREAK ${schema}: ${r.break.kind}${r.break.seq ? ` at seq ${r.break.seq}` : ''}: ${r.break.message} (${r.verified} records verified before it)`,
        );
      }
    } catch (e) {
      unreadable++;
      console.log(`ERROR ${schema}: ${e.message}`);
    }
  }
} finally {
  await pool.end();
}
process.exit(broken ? 1 : unreadable ? 2 : 0);
