import { randomUUID } from 'node:crypto';
import { MessageMeta, SqlExecutor } from '@firstset/messaging';
import { jurisdictionOf } from './actor';

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
 * UPDATE and DELETE, so not even the service can rewrite history; chaining and signing come later.
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
    CONSTRAINT "audit_records_pkey" PRIMARY KEY ("id")
);`;

/**
 * Writes one audit record in the caller's transaction, so the record exists exactly when the
 * effect does. Table names are schema-qualified: the search_path is never trusted.
 */
export class AuditRecorder {
  constructor(
    private readonly schema: string,
    private readonly now: () => Date,
  ) {}

  async record(tx: SqlExecutor, meta: MessageMeta, entry: AuditEntry): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO "${this.schema}"."audit_records"
        (id, occurred_at, actor_id, actor_role, jurisdiction, action, object_type, object_id, outcome, request_id, detail)
       VALUES ($1::uuid, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`,
      randomUUID(),
      this.now().toISOString(),
      meta.actor?.userId ?? 'anonymous',
      meta.actor?.role ?? 'public',
      jurisdictionOf(meta.actor),
      entry.action,
      entry.objectType,
      entry.objectId ?? null,
      entry.outcome,
      meta.requestId,
      JSON.stringify(entry.detail ?? {}),
    );
  }

  /** Several records in one statement (a batch of commands sharing a transaction). */
  async recordMany(tx: SqlExecutor, records: Array<{ meta: MessageMeta; entry: AuditEntry }>): Promise<void> {
    if (records.length === 0) return;
    const at = this.now().toISOString();
    const rows = records.map(({ meta, entry }) => ({
      id: randomUUID(),
      actor_id: meta.actor?.userId ?? 'anonymous',
      actor_role: meta.actor?.role ?? 'public',
      jurisdiction: jurisdictionOf(meta.actor),
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId ?? null,
      outcome: entry.outcome,
      request_id: meta.requestId,
      detail: entry.detail ?? {},
    }));
    await tx.$executeRawUnsafe(
      `INSERT INTO "${this.schema}"."audit_records"
        (id, occurred_at, actor_id, actor_role, jurisdiction, action, object_type, object_id, outcome, request_id, detail)
       SELECT id, $2::timestamptz, actor_id, actor_role, jurisdiction, action, object_type, object_id, outcome, request_id, detail
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, actor_id text, actor_role text, jurisdiction text, action text,
              object_type text, object_id text, outcome text, request_id text, detail jsonb)`,
      JSON.stringify(rows),
      at,
    );
  }
}
