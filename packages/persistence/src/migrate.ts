import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { readMigrations } from './migrations-folder';
import { quoteIdent } from './schema-name';

export interface MigrateOptions {
  connectionString: string;
  /** The service's PostgreSQL schema, e.g. `intake` (or `t1a2b_intake` in a test run). */
  schema: string;
  migrationsDir: string;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  constructor(
    readonly code: 'MIGRATION_CHECKSUM_MISMATCH' | 'MIGRATION_UNKNOWN' | 'MIGRATION_FAILED',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Applies the service's Prisma migrations without the Prisma CLI (its native engine cannot be
 * downloaded here; see docs/adr/0003-prisma-offline.md). Same bookkeeping table and checksums as
 * `prisma migrate deploy`, so either tool can take over a database. Each migration runs in its own
 * transaction with the service schema first on the search_path; an advisory lock serialises
 * concurrent runs (several replicas starting at once).
 */
export async function migrate(opts: MigrateOptions): Promise<MigrateResult> {
  const schema = quoteIdent(opts.schema);
  const files = readMigrations(opts.migrationsDir);
  const client = new Client({ connectionString: opts.connectionString });
  await client.connect();
  const result: MigrateResult = { applied: [], alreadyApplied: [] };
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [`migrate:${opts.schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}."_prisma_migrations" (
      id VARCHAR(36) PRIMARY KEY NOT NULL,
      checksum VARCHAR(64) NOT NULL,
      finished_at TIMESTAMPTZ,
      migration_name VARCHAR(255) NOT NULL,
      logs TEXT,
      rolled_back_at TIMESTAMPTZ,
      started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM ${schema}."_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const known = new Set(files.map((f) => f.name));
    for (const name of done.keys()) {
      if (!known.has(name)) {
        throw new MigrationError('MIGRATION_UNKNOWN', `schema ${opts.schema} has migration ${name} that is not in ${opts.migrationsDir}`);
      }
    }
    for (const file of files) {
      const prior = done.get(file.name);
      if (prior !== undefined) {
        if (prior !== file.checksum) {
          throw new MigrationError(
            'MIGRATION_CHECKSUM_MISMATCH',
            `migration ${file.name} was edited after it was applied to ${opts.schema}; add a new migration instead`,
          );
        }
        result.alreadyApplied.push(file.name);
        continue;
      }
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL search_path TO ${schema}`);
        await client.query(file.sql);
        await client.query(
          `INSERT INTO ${schema}."_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new MigrationError('MIGRATION_FAILED', `migration ${file.name} failed on ${opts.schema}: ${(err as Error).message}`);
      }
      opts.log?.(`applied ${file.name} to ${opts.schema}`);
      result.applied.push(file.name);
    }
    return result;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`migrate:${opts.schema}`]).catch(() => undefined);
    await client.end();
  }
}

export async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
