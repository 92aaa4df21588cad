import { SqlExecutor } from '@firstset/messaging';

export interface IdempotencyKeyRef {
  actorId: string;
  command: string;
  key: string;
}

/**
 * The first result of each (actor, command, Idempotency-Key), kept in the service's
 * `idempotency_records` so that a retried command returns it instead of acting twice.
 */
export class IdempotencyStore {
  constructor(private readonly schema: string) {}

  /** Serialises requests with the same key, so that a concurrent retry waits and then finds the result. */
  async lock(tx: SqlExecutor, ref: IdempotencyKeyRef): Promise<void> {
    await tx.$executeRawUnsafe(
      'SELECT pg_advisory_xact_lock(hashtext($1))',
      `${this.schema}|${ref.actorId}|${ref.command}|${ref.key}`,
    );
  }

  async find(tx: SqlExecutor, ref: IdempotencyKeyRef): Promise<unknown | undefined> {
    const rows = await tx.$queryRawUnsafe<Array<{ response: unknown }>>(
      `SELECT response FROM "${this.schema}"."idempotency_records" WHERE actor_id = $1 AND command = $2 AND key = $3`,
      ref.actorId,
      ref.command,
      ref.key,
    );
    return rows[0]?.response;
  }

  /** False when another request with the same key committed first. */
  async save(tx: SqlExecutor, ref: IdempotencyKeyRef, response: unknown): Promise<boolean> {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO "${this.schema}"."idempotency_records" (key, actor_id, command, response)
       VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING`,
      ref.key,
      ref.actorId,
      ref.command,
      JSON.stringify(response ?? null),
    );
    return inserted === 1;
  }
}
