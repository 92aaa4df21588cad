import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dropSchema, migrate, MigrationError } from '../src';

const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const schema = `mig_${randomBytes(4).toString('hex')}`;
let dir: string;

function addMigration(name: string, sql: string) {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'migration.sql'), sql);
}

async function tables(): Promise<string[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema]);
  await c.end();
  return rows.map((r) => r.table_name);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'migrations-'));
});
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchema(url, schema);
});

describe('migrate', () => {
  it('applies migrations in name order into the service schema, once', async () => {
    addMigration('20260101000000_init', 'CREATE TABLE "a" (id int primary key);');
    addMigration('20260102000000_more', 'CREATE TABLE "b" (id int references "a"(id));');
    expect(await migrate({ connectionString: url, schema, migrationsDir: dir })).toEqual({
      applied: ['20260101000000_init', '20260102000000_more'],
      alreadyApplied: [],
    });
    expect(await tables()).toEqual(['_prisma_migrations', 'a', 'b']);
    const again = await migrate({ connectionString: url, schema, migrationsDir: dir });
    expect(again).toEqual({ applied: [], alreadyApplied: ['20260101000000_init', '20260102000000_more'] });
  });

  it('rolls back a failing migration whole and says which one failed', async () => {
    addMigration('20260101000000_init', 'CREATE TABLE "a" (id int); CREATE TABLE "a" (id int);');
    await expect(migrate({ connectionString: url, schema, migrationsDir: dir })).rejects.toThrow(/20260101000000_init failed/);
    expect(await tables()).toEqual(['_prisma_migrations']);
  });

  it('refuses a migration edited after it was applied', async () => {
    addMigration('20260101000000_init', 'CREATE TABLE "a" (id int);');
    await migrate({ connectionString: url, schema, migrationsDir: dir });
    addMigration('20260101000000_init', 'CREATE TABLE "a" (id bigint);');
    const err = await migrate({ connectionString: url, schema, migrationsDir: dir }).catch((e) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect(err.code).toBe('MIGRATION_CHECKSUM_MISMATCH');
  });

  it('refuses to run concurrently twice: the second waits and finds everything applied', async () => {
    addMigration('20260101000000_init', 'CREATE TABLE "a" (id int); SELECT pg_sleep(0.2);');
    const [x, y] = await Promise.all([
      migrate({ connectionString: url, schema, migrationsDir: dir }),
      migrate({ connectionString: url, schema, migrationsDir: dir }),
    ]);
    expect([...x.applied, ...y.applied]).toEqual(['20260101000000_init']);
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(migrate({ connectionString: url, schema: 'x"; DROP SCHEMA public; --', migrationsDir: dir })).rejects.toThrow(
      /invalid PostgreSQL schema name/,
    );
  });
});
