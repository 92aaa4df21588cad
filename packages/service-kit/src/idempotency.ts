import { ServiceError, SqlExecutor } from '@firstset/messaging';

export interface IdempotencyKeyRef {
  actorId: string;
  command: string;
  key: string;
  /** SHA-256 of the request's canonical JSON (`MessageMeta.requestHash`). */
  requestHash?: string;
}

/** What the first request with a key left: its result and the hash of its body. */
export interface IdempotencyRecord {
  response: unknown;
  requestHash: string | null;
}

/** The key came back with another body: a client bug or a collision, never a retry (422, naming the key). */
export class IdempotencyKeyReused extends ServiceError {
  constructor(key: string) {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      422,
      '幂等键已用于另一请求 / The Idempotency-Key was used for a different request',
      `Idempotency-Key "${key}" was first sent with another body; send a new key for a new request`,
    );
  }
}

/**
 * The first result when this request repeats the first one; `IdempotencyKeyReused` when the key
 * came with another body. Records from before hashes were kept (null) are taken as repeats.
 */
export function replayOf(ref: IdempotencyKeyRef, first: IdempotencyRecord): unknown {
  if (first.requestHash && ref.requestHash && first.requestHash !== ref.requestHash) throw new IdempotencyKeyReused(ref.key);
  return first.response;
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

  async find(tx: SqlExecutor, ref: IdempotencyKeyRef): Promise<IdempotencyRecord | undefined> {
    const rows = await tx.$queryRawUnsafe<IdempotencyRecord[]>(
      `SELECT response, request_hash AS "requestHash" FROM "${this.schema}"."idempotency_records" WHERE actor_id = $1 AND command = $2 AND key = $3`,
      ref.actorId,
      ref.command,
      ref.key,
    );
    return rows[0];
  }

  /** False when another request with the same key committed first. */
  async save(tx: SqlExecutor, ref: IdempotencyKeyRef, response: unknown): Promise<boolean> {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO "${this.schema}"."idempotency_records" (key, actor_id, command, response, request_hash)
       VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT DO NOTHING`,
      ref.key,
      ref.actorId,
      ref.command,
      JSON.stringify(response ?? null),
      ref.requestHash ?? null,
    );
    return inserted === 1;
  }

  /** `lock` for several keys at once, in a fixed order so that two batches never deadlock. */
  async lockMany(tx: SqlExecutor, refs: IdempotencyKeyRef[]): Promise<void> {
    if (refs.length === 0) return;
    const names = [...new Set(refs.map((r) => `${this.schema}|${r.actorId}|${r.command}|${r.key}`))];
    await tx.$queryRawUnsafe(
      `SELECT count(pg_advisory_xact_lock(h)) AS n
         FROM (SELECT hashtext(k) AS h FROM jsonb_array_elements_text($1::jsonb) AS k ORDER BY 1) AS s`,
      JSON.stringify(names),
    );
  }

  /** The first results of those keys that have one, by `refKey`. */
  async findMany(tx: SqlExecutor, refs: IdempotencyKeyRef[]): Promise<Map<string, IdempotencyRecord>> {
    if (refs.length === 0) return new Map();
    const rows = await tx.$queryRawUnsafe<Array<IdempotencyKeyRef & IdempotencyRecord>>(
      // LATERAL: one primary-key lookup per key (a plain join is planned as a scan of the table).
      `SELECT i.actor_id AS "actorId", i.command, i.key, i.response, i.request_hash AS "requestHash"
         FROM jsonb_to_recordset($1::jsonb) AS r("actorId" text, command text, key text)
         CROSS JOIN LATERAL (SELECT * FROM "${this.schema}"."idempotency_records" x
                              WHERE x.actor_id = r."actorId" AND x.command = r.command AND x.key = r.key) i`,
      JSON.stringify(refs.map(({ actorId, command, key }) => ({ actorId, command, key }))),
    );
    return new Map(rows.map((r) => [refKey(r), { response: r.response, requestHash: r.requestHash }]));
  }

  /** Saves several first results; the number saved (fewer: another request committed one first). */
  async saveMany(tx: SqlExecutor, entries: Array<{ ref: IdempotencyKeyRef; response: unknown }>): Promise<number> {
    if (entries.length === 0) return 0;
    return tx.$executeRawUnsafe(
      `INSERT INTO "${this.schema}"."idempotency_records" (key, actor_id, command, response, request_hash)
       SELECT key, "actorId", command, coalesce(response, 'null'::jsonb), "requestHash"
         FROM jsonb_to_recordset($1::jsonb) AS r("actorId" text, command text, key text, response jsonb, "requestHash" text)
       ON CONFLICT DO NOTHING`,
      JSON.stringify(entries.map((e) => ({ ...e.ref, response: e.response ?? null }))),
    );
  }
}

/** One string per (actor, command, key): the hash is not part of a key's identity. */
export const refKey = (r: IdempotencyKeyRef) => JSON.stringify([r.actorId, r.command, r.key]);
