import type { Pool, PoolClient } from 'pg';
import type { SqlExecutor, TransactionRunner } from './sql';

/**
 * `SqlExecutor` over node-postgres: in tests, and on hot paths that skip Prisma (ADR 0007). Positional
 * `$1…` parameters are bound by PostgreSQL as they are; values are converted the way Prisma
 * sends them: `undefined` → NULL, bigint → text, plain objects and arrays → JSON text.
 */
export class PgExecutor implements SqlExecutor {
  constructor(readonly client: Pool | PoolClient) {}

  async $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> {
    const r = await this.client.query(sql, values.map(toParam));
    return r.rowCount ?? 0;
  }

  async $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T> {
    const r = await this.client.query(sql, values.map(toParam));
    return r.rows as T;
  }
}

function toParam(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'bigint') return v.toString();
  if (v === null || v instanceof Date || Buffer.isBuffer(v) || typeof v !== 'object') return v;
  return JSON.stringify(v);
}

/** BEGIN … COMMIT on one pooled connection; ROLLBACK when `fn` rejects. */
export function pgTransactionRunner(pool: Pool): TransactionRunner<PgExecutor> {
  return async <R>(fn: (tx: PgExecutor) => Promise<R>): Promise<R> => {
    const client: PoolClient = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(new PgExecutor(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw err;
    } finally {
      client.release(broken);
    }
  };
}
