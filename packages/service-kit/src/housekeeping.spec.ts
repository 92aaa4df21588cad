import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { MESSAGING_TABLES_SQL } from '@firstset/messaging';
import { PgExecutor } from '@firstset/messaging/testing';
import { loadServiceConfig } from './config';
import { DEFAULT_RETENTION, Pruner } from './housekeeping';

const schema = `kit_hk_${randomBytes(4).toString('hex')}`;
const pool = new Pool({ connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
const NOW = new Date('2026-12-04T08:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const DAY = 86_400_000;

beforeAll(async () => {
  await pool.query(`${MESSAGING_TABLES_SQL(schema)}
    CREATE TABLE "${schema}".idempotency_records (key text, actor_id text, command text, response jsonb NOT NULL, request_hash text,
      created_at timestamptz(3) NOT NULL DEFAULT now(), PRIMARY KEY (actor_id, command, key));`);
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  await pool.end();
});

async function seed() {
  const outbox = [
    ['published-past', ago(7 * DAY + 1), ago(8 * DAY)],
    ['published-inside', ago(7 * DAY - 1000), ago(8 * DAY)],
    ['never-published', null, ago(400 * DAY)],
  ] as const;
  for (const [subject, publishedAt, occurredAt] of outbox) {
    await pool.query(`INSERT INTO "${schema}".outbox_events (id, subject, payload, occurred_at, published_at) VALUES (gen_random_uuid(), $1, '{}', $2, $3)`, [subject, occurredAt, publishedAt]);
  }
  for (const [consumer, at] of [['inbox-past', ago(180 * DAY + 1)], ['inbox-inside', ago(180 * DAY - 1000)]]) {
    await pool.query(`INSERT INTO "${schema}".inbox_events (consumer, event_id, subject, processed_at) VALUES ($1, gen_random_uuid(), 's', $2)`, [consumer, at]);
  }
  for (const [key, at] of [['idem-past', ago(30 * DAY + 1)], ['idem-inside', ago(30 * DAY - 1000)]]) {
    await pool.query(`INSERT INTO "${schema}".idempotency_records (key, actor_id, command, response, created_at) VALUES ($1, 'u1', 'c', '{}', $2)`, [key, at]);
  }
}

const left = async () => ({
  outbox: (await pool.query(`SELECT subject FROM "${schema}".outbox_events ORDER BY subject`)).rows.map((r) => r.subject),
  inbox: (await pool.query(`SELECT consumer FROM "${schema}".inbox_events ORDER BY consumer`)).rows.map((r) => r.consumer),
  idempotency: (await pool.query(`SELECT key FROM "${schema}".idempotency_records ORDER BY key`)).rows.map((r) => r.key),
});

describe('housekeeping: bookkeeping rows pruned past their windows (issue 22.3, ADR 0036)', () => {
  it('prunes what is past each window by a millisecond, keeps what is inside by a second, and never an unpublished event', async () => {
    await seed();
    const pruner = new Pruner(new PgExecutor(pool), schema, DEFAULT_RETENTION);
    expect(await pruner.run(NOW)).toEqual({ outbox: 1, inbox: 1, idempotency: 1 });
    expect(await left()).toEqual({
      outbox: ['never-published', 'published-inside'],
      inbox: ['inbox-inside'],
      idempotency: ['idem-inside'],
    });
    // Run again: nothing more goes.
    expect(await pruner.run(NOW)).toEqual({ outbox: 0, inbox: 0, idempotency: 0 });
  });

  it('deletes in batches past the batch size, and keeps inbox rows for ever when told 0', async () => {
    await pool.query(`INSERT INTO "${schema}".outbox_events (id, subject, payload, occurred_at, published_at)
      SELECT gen_random_uuid(), 'bulk', '{}', $1, $1 FROM generate_series(1, 12001)`, [ago(30 * DAY)]);
    await pool.query(`INSERT INTO "${schema}".inbox_events (consumer, event_id, subject, processed_at) VALUES ('ancient', gen_random_uuid(), 's', $1)`, [ago(3000 * DAY)]);
    const pruner = new Pruner(new PgExecutor(pool), schema, { ...DEFAULT_RETENTION, inboxMs: 0 });
    expect(await pruner.run(NOW)).toEqual({ outbox: 12001, inbox: 0, idempotency: 0 });
    expect((await left()).inbox).toContain('ancient');
  });

  it('skips the tables a service does not have', async () => {
    const bare = `kit_hk_bare_${randomBytes(3).toString('hex')}`;
    await pool.query(`CREATE SCHEMA "${bare}"`);
    try {
      expect(await new Pruner(new PgExecutor(pool), bare, DEFAULT_RETENTION).run(NOW)).toEqual({ outbox: 0, inbox: 0, idempotency: 0 });
    } finally {
      await pool.query(`DROP SCHEMA "${bare}" CASCADE`);
    }
  });

  it('reads the windows from the environment and refuses an inbox window shorter than a stream keeps its messages', () => {
    expect(loadServiceConfig('intake', { healthPort: 1 }, {}).retention).toEqual(DEFAULT_RETENTION);
    expect(
      loadServiceConfig('intake', { healthPort: 1 }, { OUTBOX_RETENTION: '2d', INBOX_RETENTION: '400d', IDEMPOTENCY_RETENTION: '7d', HOUSEKEEPING_INTERVAL: '15m', JETSTREAM_STREAMS: '{"*":{"maxAge":"365d"}}' })
        .retention,
    ).toEqual({ outboxMs: 2 * DAY, inboxMs: 400 * DAY, idempotencyMs: 7 * DAY, intervalMs: 900_000 });
    expect(loadServiceConfig('intake', { healthPort: 1 }, { INBOX_RETENTION: '0', JETSTREAM_STREAMS: '{"*":{"maxAge":"0"}}' }).retention.inboxMs).toBe(0);
    for (const [env, message] of [
      [{ INBOX_RETENTION: '30d' }, /INBOX_RETENTION must be longer than INTAKE_EVENTS keeps its messages \(90 days\)/],
      [{ JETSTREAM_STREAMS: '{"PUBLICITY_EVENTS":{"maxAge":"0"}}' }, /longer than PUBLICITY_EVENTS keeps its messages \(for ever\)/],
      [{ OUTBOX_RETENTION: 'a week' }, /OUTBOX_RETENTION: "a week" is not a duration/],
      [{ HOUSEKEEPING_INTERVAL: '10s' }, /HOUSEKEEPING_INTERVAL must be at least 1m/],
    ] as const) {
      expect(() => loadServiceConfig('intake', { healthPort: 1 }, env)).toThrow(message);
    }
  });
});
