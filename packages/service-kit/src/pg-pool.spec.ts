import { Pool } from 'pg';
import { pgPool } from './pg-pool';

const URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

describe('pgPool: a dropped database connection costs its request, not the process (issue 22.2, ADR 0036)', () => {
  const admin = new Pool({ connectionString: URL, max: 1 });
  afterAll(() => admin.end());

  const terminate = (pid: number) => admin.query('SELECT pg_terminate_backend($1)', [pid]);
  const emitted: Error[] = [];
  // Without the pool's listeners, an error emitted here would end the test process (and fail it).
  process.on('uncaughtException', (err) => emitted.push(err));

  it('survives a checked-out connection being terminated, and serves the next query on a new one', async () => {
    const pool = pgPool(URL, 2);
    try {
      const client = await pool.connect();
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await terminate(rows[0]!.pid);
      // The server's FATAL arrives while the client sits checked out, between queries.
      await new Promise((r) => setTimeout(r, 300));
      await expect(client.query('SELECT 1')).rejects.toThrow();
      client.release(true);
      expect((await pool.query('SELECT 2 AS n')).rows).toEqual([{ n: 2 }]);
    } finally {
      await pool.end();
    }
    expect(emitted).toEqual([]);
  });

  it('survives an idle pooled connection being terminated', async () => {
    const pool = pgPool(URL, 2);
    try {
      const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await terminate(rows[0]!.pid);
      await new Promise((r) => setTimeout(r, 300));
      expect((await pool.query('SELECT 3 AS n')).rows).toEqual([{ n: 3 }]);
      expect(pool.totalCount).toBeLessThanOrEqual(2);
    } finally {
      await pool.end();
    }
    expect(emitted).toEqual([]);
  });

  it('would end the process with a bare pool: the listeners are what the test proves', async () => {
    const bare = new Pool({ connectionString: URL, max: 1 });
    try {
      const client = await bare.connect();
      const seen = new Promise<Error>((resolve) => client.once('error', resolve));
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await terminate(rows[0]!.pid);
      // A checked-out client of a bare pool has no listener but this test's: pg emits the error on it.
      expect((await seen).message).toMatch(/terminat/i);
      client.release(true);
    } finally {
      await bare.end();
    }
  });
});
