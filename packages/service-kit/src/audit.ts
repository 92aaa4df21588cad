import { randomUUID } from 'node:crypto';
import { MessageMeta, SqlExecutor } from '@firstset/messaging';
import { jurisdictionOf } from './actor';
import { lockChainHead, sealAfter } from './audit-chain';

export type AuditOutcome = 'succeeded' | 'rejected';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  outcome: AuditOutcome;
  detail?: Record<string, unknown>;
}

/**
 * DDL of the append-only audit table every service keeps in its own schema. A trigger refuses
 * UPDATE and DELETE, so not even the service can rewrite history; `seq`, `prev_hash` and `hash`
 * chain the records (audit-chain.ts, ADR 0027) so that a database owner who does is found out.
 */
export const AUDIT_TABLE_SQL = `
CREATE TABLE "audit_records" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "jurisdiction" TEXT,
    "action" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "object_id" TEXT,
    "outcome" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "seq" BIGINT,
    "prev_hash" TEXT,
    "hash" TEXT,
    CONSTRAINT "audit_records_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "audit_records_seq_key" ON "audit_records"("seq");`;

/**
 * A client that opens transactions itself (a PrismaClient). Its transaction client has a
 * `$transaction` too (batches), but no `$disconnect`: that is what tells them apart.
 */
interface TransactionOpener extends SqlExecutor {
  $transaction<R>(fn: (tx: SqlExecutor) => Promise<R>): Promise<R>;
  $disconnect(): Promise<void>;
}
const opensTransactions = (db: SqlExecutor): db is TransactionOpener =>
  typeof (db as Partial<TransactionOpener>).$transaction === 'function' && typeof (db as Partial<TransactionOpener>).$disconnect === 'function';

/**
 * Writes audit records in the caller's transaction, so a record exists exactly when the effect
 * does, chained after the schema's head (the head is locked until the transaction ends, which is
 * why the runners write the audit record last). Given a client rather than a transaction, it
 * opens one of its own. Table names are schema-qualified: the search_path is never trusted.
 */
export class AuditRecorder {
  constructor(
    private readonly schema: string,
    private readonly now: () => Date,
  ) {}

  /** Records of transactions whose runner writes them at its end (`holdUntilEnd`). */
  private readonly held = new WeakMap<SqlExecutor, Array<{ meta: MessageMeta; entry: AuditEntry }>>();

  async record(tx: SqlExecutor, meta: MessageMeta, entry: AuditEntry): Promise<void> {
    await this.recordMany(tx, [{ meta, entry }]);
  }

  /** Several records in one statement (a batch of commands sharing a transaction). */
  async recordMany(tx: SqlExecutor, records: Array<{ meta: MessageMeta; entry: AuditEntry }>): Promise<void> {
    if (records.length === 0) return;
    const held = this.held.get(tx);
    if (held) held.push(...records);
    else await this.append(tx, records);
  }

  /**
   * Runs `work` with the records written to `tx` held back, then writes them all as the
   * transaction's last statement: the chain lock is then held only for the commit, however many
   * records a handler writes on its way (ADR 0027).
   */
  async holdUntilEnd<R>(tx: SqlExecutor, work: () => Promise<R>): Promise<R> {
    if (this.held.has(tx)) return work();
    this.held.set(tx, []);
    try {
      const result = await work();
      const records = this.held.get(tx)!;
      this.held.delete(tx);
      if (records.length) await this.append(tx, records);
      return result;
    } finally {
      this.held.delete(tx);
    }
  }

  private async append(db: SqlExecutor, records: Array<{ meta: MessageMeta; entry: AuditEntry }>): Promise<void> {
    if (opensTransactions(db)) return db.$transaction((tx) => this.append(tx, records));
    const at = this.now().toISOString();
    const head = await lockChainHead(db, this.schema);
    const sealed = sealAfter(
      head,
      records.map(({ meta, entry }) => ({
        id: randomUUID(),
        occurredAt: at,
        actorId: meta.actor?.userId ?? 'anonymous',
        actorRole: meta.actor?.role ?? 'public',
        jurisdiction: jurisdictionOf(meta.actor),
        action: entry.action,
        objectType: entry.objectType,
        objectId: entry.objectId ?? null,
        outcome: entry.outcome,
        requestId: meta.requestId,
        detail: entry.detail ?? {},
      })),
    );
    const rows = sealed.map((r) => ({
      id: r.id,
      actor_id: r.actorId,
      actor_role: r.actorRole,
      jurisdiction: r.jurisdiction,
      action: r.action,
      object_type: r.objectType,
      object_id: r.objectId,
      outcome: r.outcome,
      request_id: r.requestId,
      detail: r.detail,
      seq: r.seq,
      prev_hash: r.prevHash,
      hash: r.hash,
    }));
    await db.$executeRawUnsafe(
      `INSERT INTO "${this.schema}"."audit_records"
        (id, occurred_at, actor_id, actor_role, jurisdiction, action, object_type, object_id, outcome, request_id, detail, seq, prev_hash, hash)
       SELECT id, $2::timestamptz, actor_id, actor_role, jurisdiction, action, object_type, object_id, outcome, request_id, detail, seq, prev_hash, hash
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, actor_id text, actor_role text, jurisdiction text, action text,
              object_type text, object_id text, outcome text, request_id text, detail jsonb, seq bigint, prev_hash text, hash text)`,
      JSON.stringify(rows),
      at,
    );
  }
}
