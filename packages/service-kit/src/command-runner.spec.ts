import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ServiceError } from '@firstset/messaging';
import { PgExecutor, pgTransactionRunner } from '@firstset/messaging/testing';
import { AUDIT_TABLE_SQL, AuditRecorder } from './audit';
import { CommandRunner } from './command-runner';
import { IdempotencyKeyReused, IdempotencyStore } from './idempotency';

const schema = `kit_${randomBytes(4).toString('hex')}`;
const pool = new Pool({ connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
const meta = { requestId: 'req-1', actor: { userId: 'u1', role: 'prefecture_officer', prefectureId: '150200' } };
let runner: CommandRunner<PgExecutor>;
let nudges = 0;

beforeAll(async () => {
  await pool.query(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"; ${AUDIT_TABLE_SQL} CREATE TABLE "${schema}".things (id uuid primary key);`);
  runner = new CommandRunner(pgTransactionRunner(pool), new AuditRecorder(schema, () => new Date('2026-10-01T00:00:00Z')), () => nudges++);
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  await pool.end();
});

const audit = async (objectId: string) =>
  (await pool.query(`SELECT outcome, actor_role, jurisdiction, request_id, detail FROM "${schema}".audit_records WHERE object_id = $1`, [objectId])).rows;

describe('CommandRunner', () => {
  it('commits the effect with its audit record and nudges the relay', async () => {
    const id = randomUUID();
    const before = nudges;
    await runner.run(meta, { action: 'thing.create', objectType: 'thing', objectId: id }, async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO "${schema}".things VALUES ($1)`, id);
      return { result: id };
    });
    expect(await audit(id)).toEqual([
      { outcome: 'succeeded', actor_role: 'prefecture_officer', jurisdiction: 'prefecture:150200', request_id: 'req-1', detail: {} },
    ]);
    expect(nudges).toBe(before + 1);
  });

  it('rolls back a refused command and records the refusal on its own', async () => {
    const id = randomUUID();
    const refusal = new ServiceError('NOPE', 409, 'no');
    await expect(
      runner.run(meta, { action: 'thing.create', objectType: 'thing', objectId: id }, async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO "${schema}".things VALUES ($1)`, id);
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    const { rows } = await pool.query(`SELECT * FROM "${schema}".things WHERE id = $1`, [id]);
    expect(rows).toHaveLength(0);
    expect(await audit(id)).toEqual([expect.objectContaining({ outcome: 'rejected', detail: { code: 'NOPE', status: 409 } })]);
  });
});

describe('CommandRunner with an Idempotency-Key', () => {
  let keyed: CommandRunner<PgExecutor>;

  beforeAll(async () => {
    await pool.query(`CREATE TABLE "${schema}".idempotency_records (key text, actor_id text, command text, response jsonb not null,
      request_hash text, created_at timestamptz default now(), primary key (actor_id, command, key))`);
    keyed = new CommandRunner(pgTransactionRunner(pool), new AuditRecorder(schema, () => new Date()), () => undefined, new IdempotencyStore(schema));
  });

  const create = (key: string, id: string) =>
    keyed.run({ ...meta, idempotencyKey: key }, { action: 'thing.create', objectType: 'thing' }, async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO "${schema}".things VALUES ($1)`, id);
      return { result: { id }, objectId: id };
    });

  it('returns the first result to a retry and acts once, even when the retries race', async () => {
    const key = `key-${randomUUID()}`;
    const results = await Promise.all([randomUUID(), randomUUID(), randomUUID()].map((id) => create(key, id)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const again = await create(key, randomUUID());
    expect(again).toEqual(results[0]);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${schema}".things WHERE id = ANY($1::uuid[])`, [
      results.map((r) => r.id),
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('keeps keys apart per actor and per command', async () => {
    const key = `key-${randomUUID()}`;
    const a = await create(key, randomUUID());
    const b = await keyed.run(
      { ...meta, actor: { userId: 'u2', role: 'enterprise' }, idempotencyKey: key },
      { action: 'thing.create', objectType: 'thing' },
      async (tx) => {
        const id = randomUUID();
        await tx.$executeRawUnsafe(`INSERT INTO "${schema}".things VALUES ($1)`, id);
        return { result: { id } };
      },
    );
    expect(b.id).not.toBe(a.id);
  });

  const createWithBody = (key: string, requestHash: string, id: string) =>
    keyed.run({ ...meta, idempotencyKey: key, requestHash }, { action: 'thing.create', objectType: 'thing' }, async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO "${schema}".things VALUES ($1)`, id);
      return { result: { id }, objectId: id };
    });
  const things = async (ids: string[]) =>
    (await pool.query(`SELECT count(*)::int AS n FROM "${schema}".things WHERE id = ANY($1::uuid[])`, [ids])).rows[0].n;

  it('refuses the key with another body (422 naming the key) and acts no further; the same body replays', async () => {
    const key = `key-${randomUUID()}`;
    const [first, second] = [randomUUID(), randomUUID()];
    const a = await createWithBody(key, 'hash-a', first);
    const reused = await createWithBody(key, 'hash-b', second).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(IdempotencyKeyReused);
    expect([(reused as ServiceError).status, (reused as ServiceError).code, (reused as ServiceError).detail]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED', expect.stringContaining(key)]);
    expect(await createWithBody(key, 'hash-a', randomUUID())).toEqual(a);
    expect(await things([first, second])).toBe(1);
  });

  it('in a batch: a key already used, or used twice in the batch, with another body is refused on its own', async () => {
    const [used, twice] = [`key-${randomUUID()}`, `key-${randomUUID()}`];
    await createWithBody(used, 'hash-a', randomUUID());
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const calls = [
      { meta: { ...meta, idempotencyKey: used, requestHash: 'hash-b' }, spec: { action: 'thing.create', objectType: 'thing' } },
      { meta: { ...meta, idempotencyKey: twice, requestHash: 'hash-c' }, spec: { action: 'thing.create', objectType: 'thing' } },
      { meta: { ...meta, idempotencyKey: twice, requestHash: 'hash-d' }, spec: { action: 'thing.create', objectType: 'thing' } },
    ];
    const answers = await keyed.runMany<{ id: string }>(calls, async (tx, acting) =>
      Promise.all(acting.map(async (_, i) => {
        await tx.$executeRawUnsafe(`INSERT INTO "${schema}".things VALUES ($1)`, ids[i]);
        return { result: { id: ids[i] } };
      })),
    );
    expect([answers[0] instanceof IdempotencyKeyReused, answers[1] instanceof Error, answers[2] instanceof IdempotencyKeyReused]).toEqual([true, false, true]);
    expect(await things(ids)).toBe(1);
  });
});
