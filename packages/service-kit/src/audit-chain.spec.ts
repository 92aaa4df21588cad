import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { sm2GenerateKeyPair } from '@firstset/national-crypto';
import { PgExecutor, pgTransactionRunner } from '@firstset/messaging/testing';
import { AUDIT_TABLE_SQL, AuditRecorder } from './audit';
import {
  AuditCheckpoint,
  GENESIS_HASH,
  auditRecordHash,
  chainLegacyAuditRecords,
  sealAfter,
  signAuditCheckpoint,
  verifyAuditChain,
} from './audit-chain';
import { CommandRunner } from './command-runner';

const root = join(__dirname, '..', '..', '..');
const pool = new Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
});
const run = `ac_${randomBytes(4).toString('hex')}`;
const schemas: string[] = [];
const meta = {
  requestId: 'req-1',
  actor: { userId: 'u1', role: 'prefecture_officer', prefectureId: '150200' },
};
const key = sm2GenerateKeyPair();
const tx = pgTransactionRunner(pool);

/** A schema with the audit table and the platform's append-only, sealed-insert triggers. */
async function freshSchema(): Promise<string> {
  const schema = `${run}_${schemas.length}`;
  schemas.push(schema);
  await pool.query(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"; ${AUDIT_TABLE_SQL}
    ${readFileSync(join(root, 'packages', 'persistence', 'platform.sql'), 'utf8')} SET search_path TO public;`);
  return schema;
}

/** What a database owner can do: lift the triggers, change the table, put them back. */
async function asOwner(schema: string, sql: string, values: unknown[] = []): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(`ALTER TABLE "${schema}".audit_records DISABLE TRIGGER USER`);
    await c.query(sql, values);
    await c.query(`ALTER TABLE "${schema}".audit_records ENABLE TRIGGER USER`);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}

async function withRecords(n: number): Promise<string> {
  const schema = await freshSchema();
  const runner = new CommandRunner(tx, new AuditRecorder(schema, () => new Date()));
  for (let i = 0; i < n; i++) {
    await runner.run(meta, { action: 'thing.touch', objectType: 'thing', objectId: `t${i}` }, async () => ({
      result: i,
      detail: { i, nested: { b: 1, a: [true, null] } },
    }));
  }
  return schema;
}

const chain = async (schema: string) =>
  (await pool.query(`SELECT seq::int AS seq, prev_hash, hash FROM "${schema}".audit_records ORDER BY seq`))
    .rows as Array<{ seq: number; prev_hash: string; hash: string }>;

afterAll(async () => {
  for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await pool.end();
});

describe('audit hash chain (issue 20.1)', () => {
  it('issue 20.1 chains records across commands, batches, refusals and concurrent writers: seq 1…n, each linked to the one before', async () => {
    const schema = await freshSchema();
    const recorder = new AuditRecorder(schema, () => new Date());
    const runner = new CommandRunner(tx, recorder);
    await runner.run(meta, { action: 'a.one', objectType: 'thing' }, async () => ({ result: 1 }));
    await runner
      .run(meta, { action: 'a.refused', objectType: 'thing' }, async () => Promise.reject(new Error('no')))
      .catch(() => undefined);
    await tx((t) =>
      recorder.recordMany(
        t,
        [1, 2, 3].map((i) => ({
          meta,
          entry: { action: 'a.batch', objectType: 'thing', outcome: 'succeeded' as const, detail: { i } },
        })),
      ),
    );
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        runner.run(meta, { action: 'a.race', objectType: 'thing', objectId: `r${i}` }, async () => ({
          result: i,
        })),
      ),
    );
    // A client rather than a transaction (it can disconnect): the recorder opens its own.
    const client = {
      ...new PgExecutor(pool),
      $executeRawUnsafe: undefined,
      $transaction: (fn: (t: PgExecutor) => Promise<unknown>) => tx(fn),
      $disconnect: async () => undefined,
    };
    await recorder.record(client as never, meta, {
      action: 'a.client',
      objectType: 'thing',
      outcome: 'succeeded',
    });
    // A transaction client that also offers batch `$transaction` (as Prisma's does) is used as it is.
    await tx((t) =>
      recorder.record(Object.assign(t, { $transaction: () => Promise.reject(new Error('nested')) }), meta, {
        action: 'a.tx',
        objectType: 'thing',
        outcome: 'succeeded',
      }),
    );
    const rows = await chain(schema);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i].hash));
    expect(await verifyAuditChain(pool, schema)).toMatchObject({
      ok: true,
      verified: 19,
      head: { seq: '19', hash: rows[18].hash },
    });
  });

  it('issue 20.1 the table refuses an unchained record, an update and a delete (the trigger still holds)', async () => {
    const schema = await withRecords(1);
    await expect(
      pool.query(
        `INSERT INTO "${schema}".audit_records (id, occurred_at, actor_id, actor_role, action, object_type, outcome, request_id)
      VALUES ($1, now(), 'x', 'x', 'x', 'x', 'succeeded', 'x')`,
        [randomUUID()],
      ),
    ).rejects.toThrow(/must be chained/);
    await expect(
      pool.query(`UPDATE "${schema}".audit_records SET actor_id = 'someone else'`),
    ).rejects.toThrow(/append-only/);
    await expect(pool.query(`UPDATE "${schema}".audit_records SET hash = NULL, seq = NULL`)).rejects.toThrow(
      /append-only/,
    );
    await expect(pool.query(`DELETE FROM "${schema}".audit_records`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`TRUNCATE "${schema}".audit_records`)).rejects.toThrow(/append-only/);
  });

  it('issue 20.1 names the record whose field the owner changed', async () => {
    const schema = await withRecords(5);
    await asOwner(schema, `UPDATE "${schema}".audit_records SET actor_id = 'someone else' WHERE seq = 3`);
    expect(await verifyAuditChain(pool, schema)).toMatchObject({
      ok: false,
      verified: 2,
      break: { kind: 'changed', seq: '3' },
    });
  });

  it('issue 20.1 names a change inside the detail, whatever its key order', async () => {
    const schema = await withRecords(4);
    await asOwner(
      schema,
      `UPDATE "${schema}".audit_records SET detail = jsonb_set(detail, '{nested,b}', '2') WHERE seq = 4`,
    );
    expect((await verifyAuditChain(pool, schema)).break).toMatchObject({ kind: 'changed', seq: '4' });
  });

  it('issue 20.1 names the gap a deleted record leaves', async () => {
    const schema = await withRecords(5);
    await asOwner(schema, `DELETE FROM "${schema}".audit_records WHERE seq = 2`);
    expect(await verifyAuditChain(pool, schema)).toMatchObject({
      ok: false,
      verified: 1,
      break: { kind: 'removed', seq: '2' },
    });
  });

  it('issue 20.1 names a forged record: with a wrong hash, renumbered in, or outside the chain', async () => {
    const forged = await withRecords(3);
    const [head] = (await pool.query(`SELECT hash FROM "${forged}".audit_records WHERE seq = 3`)).rows;
    await asOwner(
      forged,
      `INSERT INTO "${forged}".audit_records (id, occurred_at, actor_id, actor_role, action, object_type, outcome, request_id, seq, prev_hash, hash)
      VALUES ($1, now(), 'x', 'x', 'x', 'x', 'succeeded', 'x', 4, $2, $3)`,
      [randomUUID(), head.hash, 'f'.repeat(64)],
    );
    expect((await verifyAuditChain(pool, forged)).break).toMatchObject({ kind: 'changed', seq: '4' });

    // In the middle, correctly hashed after its predecessor: the record after it no longer follows.
    const middle = await withRecords(3);
    const [one] = (await pool.query(`SELECT hash FROM "${middle}".audit_records WHERE seq = 1`)).rows;
    const [fake] = sealAfter({ seq: 1n, hash: one.hash }, [
      {
        id: randomUUID(),
        occurredAt: '2026-01-01T00:00:00.000Z',
        actorId: 'x',
        actorRole: 'x',
        jurisdiction: null,
        action: 'x',
        objectType: 'x',
        objectId: null,
        outcome: 'succeeded',
        requestId: 'x',
        detail: {},
      },
    ]);
    await asOwner(middle, `UPDATE "${middle}".audit_records SET seq = seq + 1000 WHERE seq >= 2`);
    await asOwner(middle, `UPDATE "${middle}".audit_records SET seq = seq - 999 WHERE seq >= 1000`);
    await asOwner(
      middle,
      `INSERT INTO "${middle}".audit_records (id, occurred_at, actor_id, actor_role, action, object_type, outcome, request_id, seq, prev_hash, hash)
      VALUES ($1, $2, 'x', 'x', 'x', 'x', 'succeeded', 'x', 2, $3, $4)`,
      [fake.id, fake.occurredAt, fake.prevHash, fake.hash],
    );
    expect(auditRecordHash(fake)).toBe(fake.hash);
    expect((await verifyAuditChain(pool, middle)).break).toMatchObject({ kind: 'changed', seq: '3' });

    const loose = await withRecords(2);
    await asOwner(
      loose,
      `INSERT INTO "${loose}".audit_records (id, occurred_at, actor_id, actor_role, action, object_type, outcome, request_id)
      VALUES ($1, now(), 'x', 'x', 'x', 'x', 'succeeded', 'x')`,
      [randomUUID()],
    );
    expect((await verifyAuditChain(pool, loose)).break).toMatchObject({ kind: 'unchained' });
  });

  it('issue 20.1 a truncated table is empty but the signed checkpoint says what it held', async () => {
    const schema = await withRecords(3);
    const cp = await signAuditCheckpoint(pool, schema, key.privateKey, new Date());
    expect(cp).toMatchObject({ schema, seq: 3, count: 3 });
    expect(
      await verifyAuditChain(pool, schema, { checkpoints: [cp], publicKey: key.publicKey }),
    ).toMatchObject({ ok: true, checkpointsChecked: 1 });
    await asOwner(schema, `TRUNCATE "${schema}".audit_records`);
    expect(
      await verifyAuditChain(pool, schema, { checkpoints: [cp], publicKey: key.publicKey }),
    ).toMatchObject({
      ok: false,
      verified: 0,
      break: { kind: 'truncated', seq: '3' },
    });
  });

  it('issue 20.1 a chain rewritten consistently without the SM2 key verifies on its own, and the checkpoint catches it', async () => {
    const schema = await withRecords(4);
    const cp = await signAuditCheckpoint(pool, schema, key.privateKey, new Date());
    // The owner changes record 2 and recomputes every hash after it: the chain alone is consistent.
    const { rows } =
      await pool.query(`SELECT seq::text AS seq, id::text AS id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
      actor_id, actor_role, jurisdiction, action, object_type, object_id, outcome, request_id, detail FROM "${schema}".audit_records ORDER BY seq`);
    const rewritten = sealAfter(
      { seq: 0n, hash: GENESIS_HASH },
      rows.map((r) => ({
        id: r.id,
        occurredAt: r.at,
        actorId: r.seq === '2' ? 'scapegoat' : r.actor_id,
        actorRole: r.actor_role,
        jurisdiction: r.jurisdiction,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        outcome: r.outcome,
        requestId: r.request_id,
        detail: r.detail,
      })),
    );
    for (const r of rewritten) {
      await asOwner(
        schema,
        `UPDATE "${schema}".audit_records SET actor_id = $2, prev_hash = $3, hash = $4 WHERE seq = $1`,
        [r.seq, r.actorId, r.prevHash, r.hash],
      );
    }
    expect(await verifyAuditChain(pool, schema)).toMatchObject({ ok: true, verified: 4 });
    expect(
      await verifyAuditChain(pool, schema, { checkpoints: [cp], publicKey: key.publicKey }),
    ).toMatchObject({ ok: false, break: { kind: 'rewritten', seq: '4' } });

    // Nor can the owner sign a checkpoint of the rewritten chain: another key's signature is refused.
    const forger = sm2GenerateKeyPair();
    const forged: AuditCheckpoint = await signAuditCheckpoint(pool, schema, forger.privateKey, new Date());
    expect(
      await verifyAuditChain(pool, schema, { checkpoints: [forged], publicKey: key.publicKey }),
    ).toMatchObject({ ok: false, break: { kind: 'checkpoint-forged' } });
    expect(
      await verifyAuditChain(pool, schema, {
        checkpoints: [{ ...cp, hash: forged.hash }],
        publicKey: key.publicKey,
      }),
    ).toMatchObject({ ok: false, break: { kind: 'checkpoint-forged' } });
  });

  it('issue 20.1 the migration keeps earlier records and the service chains them once, in (occurred_at, id) order', async () => {
    const schema = `${run}_legacy`;
    schemas.push(schema);
    const migrations = join(root, 'apps', 'intake', 'prisma', 'migrations');
    const chainMigration = readdirSync(migrations).find((d) => d.endsWith('_audit_chain'))!;
    // The table and trigger as they were before the chain.
    const before = AUDIT_TABLE_SQL.replace(/\s*"seq" BIGINT,\s*"prev_hash" TEXT,\s*"hash" TEXT,/, '').replace(
      /CREATE UNIQUE INDEX[^;]*;/,
      '',
    );
    const oldTrigger = `CREATE FUNCTION "audit_records_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'append-only'; END $$;
      CREATE TRIGGER "audit_records_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_records" FOR EACH ROW EXECUTE FUNCTION "audit_records_append_only"();`;
    await pool.query(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"; ${before} ${oldTrigger}`);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, at] of [
      '2026-03-02T00:00:00Z',
      '2026-03-01T00:00:00Z',
      '2026-03-03T00:00:00Z',
    ].entries()) {
      await pool.query(
        `INSERT INTO "${schema}".audit_records (id, occurred_at, actor_id, actor_role, action, object_type, outcome, request_id, detail)
        VALUES ($1, $2, 'u', 'r', 'old.action', 'thing', 'succeeded', 'req', '{"z":1,"a":2}')`,
        [ids[i], at],
      );
    }
    await pool.query(
      `SET search_path TO "${schema}"; ${readFileSync(join(migrations, chainMigration, 'migration.sql'), 'utf8')} SET search_path TO public;`,
    );
    expect((await verifyAuditChain(pool, schema)).break).toMatchObject({ kind: 'unchained', id: ids[1] });

    expect(await tx((t) => chainLegacyAuditRecords(t, schema))).toBe(3);
    await tx((t) =>
      new AuditRecorder(schema, () => new Date()).record(t, meta, {
        action: 'new.action',
        objectType: 'thing',
        outcome: 'succeeded',
      }),
    );
    const order = (
      await pool.query(`SELECT id::text AS id, seq::int AS seq FROM "${schema}".audit_records ORDER BY seq`)
    ).rows;
    expect(order.map((r) => r.id).slice(0, 3)).toEqual([ids[1], ids[0], ids[2]]);
    expect(order.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(await verifyAuditChain(pool, schema)).toMatchObject({ ok: true, verified: 4 });

    // Once the chain has a head, an unchained record is never sealed: it stays a break.
    await asOwner(
      schema,
      `INSERT INTO "${schema}".audit_records (id, occurred_at, actor_id, actor_role, action, object_type, outcome, request_id)
      VALUES ($1, '2026-01-01', 'x', 'x', 'x', 'x', 'succeeded', 'x')`,
      [randomUUID()],
    );
    expect(await tx((t) => chainLegacyAuditRecords(t, schema))).toBe(0);
    expect((await verifyAuditChain(pool, schema)).break).toMatchObject({ kind: 'unchained' });
    // Sealing changes nothing a record says: the trigger refuses an update that also edits it.
    await expect(
      pool.query(
        `UPDATE "${schema}".audit_records SET seq = 99, prev_hash = 'x', hash = 'x', actor_id = 'y' WHERE seq IS NULL`,
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('issue 20.1 reads the chain in pages without losing or repeating a record', async () => {
    const schema = await withRecords(7);
    expect(await verifyAuditChain(pool, schema, { pageSize: 2 })).toMatchObject({ ok: true, verified: 7 });
    await asOwner(schema, `DELETE FROM "${schema}".audit_records WHERE seq = 5`);
    expect((await verifyAuditChain(pool, schema, { pageSize: 2 })).break).toMatchObject({
      kind: 'removed',
      seq: '5',
    });
  });
});

describe('audit records a handler writes inside a command (issue 20.1)', () => {
  it('issue 20.1 are held back and written last, after the runner’s own, so the chain lock never waits on the handler', async () => {
    const schema = await freshSchema();
    const recorder = new AuditRecorder(schema, () => new Date());
    const runner = new CommandRunner(tx, recorder);
    let seenInside = -1;
    await runner.run(meta, { action: 'case.end', objectType: 'thing' }, async (t) => {
      await recorder.record(t, meta, { action: 'case.move', objectType: 'thing', objectId: 'a', outcome: 'succeeded' });
      await recorder.record(t, meta, { action: 'case.move', objectType: 'thing', objectId: 'b', outcome: 'succeeded' });
      // Not yet written, so nobody else's commit waits on this transaction's lock while it works.
      seenInside = ((await t.$queryRawUnsafe(`SELECT count(*)::int AS n FROM "${schema}".audit_records`)) as Array<{ n: number }>)[0].n;
      return { result: null };
    });
    expect(seenInside).toBe(0);
    // A refused command writes nothing it held; its refusal is recorded on its own.
    await runner
      .run(meta, { action: 'case.fail', objectType: 'thing' }, async (t) => {
        await recorder.record(t, meta, { action: 'case.move', objectType: 'thing', objectId: 'c', outcome: 'succeeded' });
        throw new Error('no');
      })
      .catch(() => undefined);
    const rows = (await pool.query(`SELECT seq::int AS seq, action, object_id, outcome FROM "${schema}".audit_records ORDER BY seq`)).rows;
    expect(rows).toEqual([
      { seq: 1, action: 'case.move', object_id: 'a', outcome: 'succeeded' },
      { seq: 2, action: 'case.move', object_id: 'b', outcome: 'succeeded' },
      { seq: 3, action: 'case.end', object_id: null, outcome: 'succeeded' },
      { seq: 4, action: 'case.fail', object_id: null, outcome: 'rejected' },
    ]);
    expect(await verifyAuditChain(pool, schema)).toMatchObject({ ok: true, verified: 4 });
  });
});
