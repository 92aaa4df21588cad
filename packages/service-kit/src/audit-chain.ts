import { SqlExecutor } from '@firstset/messaging';
import { sm2Sign, sm2Verify, sm3Hex } from '@firstset/national-crypto';

/**
 * Tamper evidence of the audit log (ADR 0027): each record carries its place in its schema's chain
 * (`seq` 1, 2, 3 …), the hash of the record before it and its own SM3 hash over a canonical
 * serialization of its fields and that previous hash. Changing, removing or inserting a record
 * breaks the chain from there on; rewriting the whole chain consistently is caught by checkpoints
 * of the head signed with SM2 and kept outside the schema.
 */

/** `prev_hash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a record says, as hashed: every column but the chain's own hash. */
export interface ChainedRecord {
  seq: string;
  id: string;
  /** ISO 8601 UTC with milliseconds (the column is TIMESTAMPTZ(3)). */
  occurredAt: string;
  actorId: string;
  actorRole: string;
  jurisdiction: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  outcome: string;
  requestId: string;
  detail: unknown;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so jsonb's own key order never matters. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** Hex SM3 of the record's canonical form (a JSON array in a fixed field order, versioned). */
export function auditRecordHash(r: ChainedRecord): string {
  return sm3Hex(
    JSON.stringify([
      'firstset.audit.v1',
      r.seq,
      r.id,
      r.occurredAt,
      r.actorId,
      r.actorRole,
      r.jurisdiction,
      r.action,
      r.objectType,
      r.objectId,
      r.outcome,
      r.requestId,
      canonicalJson(r.detail),
      r.prevHash,
    ]),
  );
}

export type UnchainedRecord = Omit<ChainedRecord, 'seq' | 'prevHash'>;
export interface SealedRecord extends ChainedRecord {
  hash: string;
}

/**
 * Serializes the schema's chain writers until the transaction ends: one advisory lock per schema
 * (advisory locks are database-wide, hence the schema in the key), then the head is read.
 */
export async function lockChainHead(tx: SqlExecutor, schema: string): Promise<{ seq: bigint; hash: string }> {
  await tx.$queryRawUnsafe(
    `SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l`,
    `firstset.audit_chain.${schema}`,
  );
  const head = await tx.$queryRawUnsafe<Array<{ seq: string; hash: string }>>(
    `SELECT a.seq::text AS seq, a.hash FROM "${schema}"."audit_records" AS a WHERE a.seq IS NOT NULL ORDER BY a.seq DESC LIMIT 1`,
  );
  return head.length ? { seq: BigInt(head[0].seq), hash: head[0].hash } : { seq: 0n, hash: GENESIS_HASH };
}

/** Links records after a head, in the order given. */
export function sealAfter(head: { seq: bigint; hash: string }, records: UnchainedRecord[]): SealedRecord[] {
  let { seq, hash } = head;
  return records.map((r) => {
    seq += 1n;
    const chained: ChainedRecord = {
      ...r,
      detail: JSON.parse(JSON.stringify(r.detail ?? {})),
      seq: seq.toString(),
      prevHash: hash,
    };
    hash = auditRecordHash(chained);
    return { ...chained, hash };
  });
}

interface Row {
  seq: string | null;
  id: string;
  occurred_at: string;
  actor_id: string;
  actor_role: string;
  jurisdiction: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  outcome: string;
  request_id: string;
  detail: unknown;
  prev_hash: string | null;
  hash: string | null;
}

// Callers alias the table `a` and order by `a.…`: a bare ORDER BY seq would sort the text alias.
const COLUMNS = `a.seq::text AS seq, a.id::text AS id,
  to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  a.actor_id, a.actor_role, a.jurisdiction, a.action, a.object_type, a.object_id, a.outcome, a.request_id, a.detail, a.prev_hash, a.hash`;

const fromRow = (r: Row): UnchainedRecord => ({
  id: r.id,
  occurredAt: r.occurred_at,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  jurisdiction: r.jurisdiction,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  outcome: r.outcome,
  requestId: r.request_id,
  detail: r.detail,
});

/**
 * Chains the records written before the chain existed (the migration adds the columns empty), in
 * (occurred_at, id) order, once: only while no record is chained yet. After that an unchained
 * record is a break the verifier reports, never something to seal. Call in a transaction before
 * the service accepts commands; the append-only trigger lets exactly this update through.
 */
export async function chainLegacyAuditRecords(tx: SqlExecutor, schema: string): Promise<number> {
  const head = await lockChainHead(tx, schema);
  if (head.seq > 0n) return 0;
  const rows = await tx.$queryRawUnsafe<Row[]>(
    `SELECT ${COLUMNS} FROM "${schema}"."audit_records" AS a WHERE a.seq IS NULL ORDER BY a.occurred_at, a.id`,
  );
  if (rows.length === 0) return 0;
  const sealed = sealAfter(head, rows.map(fromRow));
  for (let i = 0; i < sealed.length; i += 1000) {
    const part = sealed
      .slice(i, i + 1000)
      .map((s) => ({ id: s.id, seq: s.seq, prev_hash: s.prevHash, hash: s.hash }));
    await tx.$executeRawUnsafe(
      `UPDATE "${schema}"."audit_records" AS a SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, seq bigint, prev_hash text, hash text)
        WHERE a.id = r.id AND a.seq IS NULL`,
      JSON.stringify(part),
    );
  }
  return sealed.length;
}

/** What a read-only connection offers (a pg Pool or Client). */
export interface Queryable {
  query<R = unknown>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/** The chain head signed by the service's SM2 key, kept outside the schema. */
export interface AuditCheckpoint {
  schema: string;
  seq: number;
  hash: string;
  count: number;
  /** When it was signed (ISO 8601). */
  at: string;
  /** SM2 signature (r ‖ s hex) of `checkpointPayload`. */
  signature: string;
}

export const checkpointPayload = (c: Omit<AuditCheckpoint, 'signature'>) =>
  JSON.stringify(['firstset.audit.checkpoint.v1', c.schema, c.seq, c.hash, c.count, c.at]);

/** Signs the schema's committed chain head. */
export async function signAuditCheckpoint(
  db: Queryable,
  schema: string,
  privateKey: string,
  at: Date,
): Promise<AuditCheckpoint> {
  const { rows } = await db.query<{ seq: string | null; hash: string | null; count: string }>(
    `SELECT h.seq::text AS seq, h.hash, (SELECT count(*)::text FROM "${schema}"."audit_records" WHERE seq IS NOT NULL) AS count
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT a.seq, a.hash FROM "${schema}"."audit_records" AS a WHERE a.seq IS NOT NULL ORDER BY a.seq DESC LIMIT 1) AS h ON true`,
  );
  const body = {
    schema,
    seq: Number(rows[0].seq ?? 0),
    hash: rows[0].hash ?? GENESIS_HASH,
    count: Number(rows[0].count),
    at: at.toISOString(),
  };
  return { ...body, signature: sm2Sign(checkpointPayload(body), privateKey) };
}

export type AuditBreakKind =
  'changed' | 'removed' | 'inserted' | 'unchained' | 'truncated' | 'rewritten' | 'checkpoint-forged';

export interface AuditBreak {
  kind: AuditBreakKind;
  /** Where the chain breaks (the first record that does not verify, or the checkpoint's seq). */
  seq?: string;
  id?: string;
  message: string;
}

export interface AuditChainReport {
  schema: string;
  ok: boolean;
  /** Records that verified before the first break (all of them when ok). */
  verified: number;
  head: { seq: string; hash: string };
  checkpointsChecked: number;
  break?: AuditBreak;
}

/**
 * Recomputes every record's hash in seq order and names the first record that was changed
 * (its hash no longer matches), removed (a gap in seq), inserted (a duplicate seq, or a link
 * that does not follow its predecessor) or never chained; then checks each checkpoint's SM2
 * signature against `publicKey` and that the chain still holds the checkpointed head.
 */
export async function verifyAuditChain(
  db: Queryable,
  schema: string,
  options: { checkpoints?: AuditCheckpoint[]; publicKey?: string; pageSize?: number } = {},
): Promise<AuditChainReport> {
  const checkpoints = (options.checkpoints ?? []).filter((c) => c.schema === schema);
  const wanted = new Map(checkpoints.map((c) => [String(c.seq), '']));
  const pageSize = options.pageSize ?? 5000;
  let expected = 1n;
  let prev = GENESIS_HASH;
  let verified = 0;
  let lastSeq = '0';
  const report = (brk?: AuditBreak): AuditChainReport => ({
    schema,
    ok: !brk,
    verified,
    head: { seq: expected === 1n ? '0' : (expected - 1n).toString(), hash: prev },
    checkpointsChecked: brk ? 0 : checkpoints.length,
    ...(brk ? { break: brk } : {}),
  });
  for (;;) {
    // Keyset pages in seq order; `seq >= last` (not `>`) so a duplicate of the last seq is seen.
    const { rows } = await db.query<Row>(
      `SELECT ${COLUMNS} FROM "${schema}"."audit_records" AS a WHERE a.seq >= $1::bigint ORDER BY a.seq, a.id OFFSET $2 LIMIT $3`,
      [lastSeq, lastSeq === '0' ? 0 : 1, pageSize],
    );
    for (const row of rows) {
      const seq = BigInt(row.seq!);
      if (seq < expected) {
        return report({
          kind: 'inserted',
          seq: row.seq!,
          id: row.id,
          message: `record ${row.id} repeats seq ${row.seq}: a record was inserted`,
        });
      }
      if (seq > expected) {
        return report({
          kind: 'removed',
          seq: expected.toString(),
          message: `seq ${expected} is missing (the next record is ${row.seq}): records were removed`,
        });
      }
      const actual = auditRecordHash({ ...fromRow(row), seq: row.seq!, prevHash: row.prev_hash ?? '' });
      if (actual !== row.hash) {
        return report({
          kind: 'changed',
          seq: row.seq!,
          id: row.id,
          message: `record ${row.seq} (${row.id}) does not match its hash: it was changed, or forged`,
        });
      }
      if (row.prev_hash !== prev) {
        return report({
          kind: 'inserted',
          seq: row.seq!,
          id: row.id,
          message: `record ${row.seq} (${row.id}) does not follow record ${expected - 1n}: records were inserted or replaced before it`,
        });
      }
      if (wanted.has(row.seq!)) wanted.set(row.seq!, row.hash);
      prev = row.hash;
      expected += 1n;
      verified++;
    }
    if (rows.length < pageSize) break;
    lastSeq = rows[rows.length - 1].seq!;
    // The duplicate check above needs the last row again; skipping it with OFFSET 1 is safe because
    // a duplicate of it sorts after it (same seq, by id) and is still read.
  }
  const { rows: loose } = await db.query<{ id: string; occurred_at: string }>(
    `SELECT a.id::text AS id, a.occurred_at::text AS occurred_at FROM "${schema}"."audit_records" AS a WHERE a.seq IS NULL ORDER BY a.occurred_at, a.id LIMIT 1`,
  );
  if (loose.length) {
    return report({
      kind: 'unchained',
      id: loose[0].id,
      message: `record ${loose[0].id} (${loose[0].occurred_at}) is outside the chain: it was inserted`,
    });
  }
  for (const c of checkpoints) {
    const { signature, ...body } = c;
    if (!options.publicKey || !sm2Verify(checkpointPayload(body), signature, options.publicKey)) {
      return report({
        kind: 'checkpoint-forged',
        seq: String(c.seq),
        message: `the checkpoint of seq ${c.seq} signed at ${c.at} does not carry the service key's signature`,
      });
    }
    if (BigInt(c.seq) >= expected) {
      return report({
        kind: 'truncated',
        seq: String(c.seq),
        message: `the chain ends at seq ${expected - 1n} but the checkpoint signed at ${c.at} saw seq ${c.seq} (${c.count} records): records were removed`,
      });
    }
    if (c.seq > 0 && wanted.get(String(c.seq)) !== c.hash) {
      return report({
        kind: 'rewritten',
        seq: String(c.seq),
        message: `record ${c.seq} is not the one checkpointed at ${c.at}: the chain was rewritten`,
      });
    }
  }
  return report();
}
