// What the package needs from a database: two raw-SQL calls and a way to run a transaction.
// Prisma's client and its interactive-transaction client both satisfy `SqlExecutor`; the package
// never imports Prisma. Parameters are passed as strings and numbers only, with explicit casts in
// the SQL (`$1::uuid`, `$2::jsonb`), so Prisma and `pg` bind them the same way.

export interface SqlExecutor {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
}

/** Runs `fn` in one transaction: commit when it resolves, roll back when it rejects. */
export type TransactionRunner<Tx extends SqlExecutor> = <R>(fn: (tx: Tx) => Promise<R>) => Promise<R>;

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** A schema name the package will interpolate into SQL: plain lower-case identifiers only. */
export function assertSchemaName(schema: string): string {
  if (!IDENTIFIER.test(schema)) {
    throw new Error(`dbSchema "${schema}" must match ${IDENTIFIER}`);
  }
  return schema;
}

export interface MessagingTables {
  outbox: string;
  inbox: string;
}

/** Schema-qualified, quoted table names. Never relies on search_path. */
export function messagingTables(schema: string): MessagingTables {
  const s = `"${assertSchemaName(schema)}"`;
  return { outbox: `${s}."outbox_events"`, inbox: `${s}."inbox_events"` };
}

/**
 * The DDL of the two tables, for tests and as the reference a service's Prisma schema must match:
 *
 * ```prisma
 * model OutboxEvent {
 *   id          String    @id @db.Uuid
 *   subject     String
 *   payload     Json
 *   headers     Json      @default("{}")
 *   occurredAt  DateTime  @default(now()) @map("occurred_at") @db.Timestamptz(3)
 *   publishedAt DateTime? @map("published_at") @db.Timestamptz(3)
 *   attempts    Int       @default(0)
 *   lastError   String?   @map("last_error")
 *   @@index([publishedAt, occurredAt])
 *   @@map("outbox_events")
 * }
 * model InboxEvent {
 *   consumer    String
 *   eventId     String   @map("event_id") @db.Uuid
 *   subject     String
 *   processedAt DateTime @default(now()) @map("processed_at") @db.Timestamptz(3)
 *   @@id([consumer, eventId])
 *   @@map("inbox_events")
 * }
 * ```
 */
export function MESSAGING_TABLES_SQL(schema: string): string {
  const s = `"${assertSchemaName(schema)}"`;
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}."outbox_events" (
  "id" uuid PRIMARY KEY,
  "subject" text NOT NULL,
  "payload" jsonb NOT NULL,
  "headers" jsonb NOT NULL DEFAULT '{}',
  "occurred_at" timestamptz(3) NOT NULL DEFAULT now(),
  "published_at" timestamptz(3) NULL,
  "attempts" integer NOT NULL DEFAULT 0,
  "last_error" text NULL
);
CREATE INDEX IF NOT EXISTS "outbox_events_published_at_occurred_at_idx"
  ON ${s}."outbox_events" ("published_at", "occurred_at");
CREATE TABLE IF NOT EXISTS ${s}."inbox_events" (
  "consumer" text NOT NULL,
  "event_id" uuid NOT NULL,
  "subject" text NOT NULL,
  "processed_at" timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY ("consumer", "event_id")
);
`;
}
