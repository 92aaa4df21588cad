import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MESSAGING_CONFIG, type MessagingConfig } from './config';
import type { MessageContract } from './contract';
import { metaToRecord, type MessageMeta } from './headers';
import type { SqlExecutor } from './sql';
import { traceHeaders, tracingEnabled } from './tracing';
import { validatePayload, type FieldError } from './validation';

/** An event payload that does not satisfy its contract; nothing was written. */
export class InvalidEventError extends Error {
  constructor(
    readonly subject: string,
    readonly errors: FieldError[],
  ) {
    super(`${subject}: invalid event payload: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

/**
 * Writes events into the service's outbox table inside the caller's transaction, so the event
 * exists exactly when the state change does. It never commits: the caller's transaction does.
 * After the commit, call `OutboxRelay.nudge()` to publish without waiting for the next poll.
 */
@Injectable()
export class Outbox {
  /** Last occurred_at written through each transaction object (Prisma's tx client, a pg client…). */
  private readonly lastInTx = new WeakMap<SqlExecutor, string>();

  constructor(@Inject(MESSAGING_CONFIG) private readonly config: Pick<MessagingConfig, 'tables'>) {}

  /** Validates the payload (as it will travel: JSON) and inserts the row; returns the event id. */
  async append<T>(
    tx: SqlExecutor,
    contract: MessageContract<T>,
    payload: T,
    meta: MessageMeta,
  ): Promise<string> {
    if (contract.kind !== 'event') {
      throw new Error(
        `${contract.subject} is a ${contract.kind}, not an event: it cannot go through the outbox`,
      );
    }
    if (!meta.requestId) throw new Error(`${contract.subject}: meta.requestId is required`);
    const tables = this.config.tables;
    if (!tables) throw new Error('Outbox needs dbSchema in the messaging options');
    const json = JSON.stringify(payload);
    if (json === undefined)
      throw new InvalidEventError(contract.subject, [{ field: '', message: 'payload is not JSON' }]);
    const checked = await validatePayload(contract.schema, JSON.parse(json));
    if (!checked.ok) throw new InvalidEventError(contract.subject, checked.errors);

    const id = randomUUID();
    const headers = metaToRecord({
      requestId: meta.requestId,
      actor: meta.actor,
      idempotencyKey: meta.idempotencyKey,
    });
    // The trace context is stored with the row, so the relay's publish continues this trace.
    if (tracingEnabled()) Object.assign(headers, traceHeaders());
    // occurred_at has millisecond precision; events of one transaction get strictly increasing
    // times (the previous one's + 1 ms at least) so the relay publishes them in append order.
    const previous = this.lastInTx.get(tx) ?? null;
    const rows = await tx.$queryRawUnsafe<Array<{ occurred_at: string }>>(
      `INSERT INTO ${tables.outbox} ("id", "subject", "payload", "headers", "occurred_at")
       VALUES ($1::uuid, $2, $3::jsonb, $4::jsonb,
               GREATEST(date_trunc('milliseconds', clock_timestamp()), $5::timestamptz + interval '1 millisecond'))
       RETURNING "occurred_at"::text AS occurred_at`,
      id,
      contract.subject,
      json,
      JSON.stringify(headers),
      previous,
    );
    if (rows[0]) this.lastInTx.set(tx, rows[0].occurred_at);
    return id;
  }

  /**
   * Several events of one contract in one statement (a batch of commands sharing a transaction),
   * validated like `append`; their times increase in the order given. Returns the event ids.
   */
  async appendMany<T>(
    tx: SqlExecutor,
    contract: MessageContract<T>,
    events: Array<{ payload: T; meta: MessageMeta }>,
  ): Promise<string[]> {
    if (events.length === 0) return [];
    if (contract.kind !== 'event') {
      throw new Error(`${contract.subject} is a ${contract.kind}, not an event: it cannot go through the outbox`);
    }
    const tables = this.config.tables;
    if (!tables) throw new Error('Outbox needs dbSchema in the messaging options');
    const rows = [];
    for (const [n, { payload, meta }] of events.entries()) {
      if (!meta.requestId) throw new Error(`${contract.subject}: meta.requestId is required`);
      const json = JSON.stringify(payload);
      if (json === undefined)
        throw new InvalidEventError(contract.subject, [{ field: '', message: 'payload is not JSON' }]);
      const checked = await validatePayload(contract.schema, JSON.parse(json));
      if (!checked.ok) throw new InvalidEventError(contract.subject, checked.errors);
      rows.push({
        id: randomUUID(),
        n,
        payload: json,
        headers: JSON.stringify({
          ...metaToRecord({ requestId: meta.requestId, actor: meta.actor, idempotencyKey: meta.idempotencyKey }),
          ...(tracingEnabled() ? traceHeaders() : {}),
        }),
      });
    }
    const previous = this.lastInTx.get(tx) ?? null;
    const written = await tx.$queryRawUnsafe<Array<{ occurred_at: string }>>(
      `WITH base AS (
         SELECT GREATEST(date_trunc('milliseconds', clock_timestamp()), $3::timestamptz + interval '1 millisecond') AS t
       )
       INSERT INTO ${tables.outbox} ("id", "subject", "payload", "headers", "occurred_at")
       SELECT r.id, $2, r.payload::jsonb, r.headers::jsonb, base.t + r.n * interval '1 millisecond'
         FROM base, jsonb_to_recordset($1::jsonb) AS r(id uuid, n int, payload text, headers text)
       RETURNING "occurred_at"::text AS occurred_at`,
      JSON.stringify(rows),
      contract.subject,
      previous,
    );
    const last = written.map((w) => w.occurred_at).sort().at(-1);
    if (last) this.lastInTx.set(tx, last);
    return rows.map((r) => r.id);
  }
}
