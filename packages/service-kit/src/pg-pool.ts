import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { systemRequestId } from '@firstset/messaging';

/**
 * A service's PostgreSQL pool (under its Prisma client). A connection that drops (the database
 * restarting, a failover) must cost the requests using it, never the process: pg emits 'error' for
 * an idle connection on the pool and for a checked-out one on the client, and an 'error' event
 * with no listener ends the process. The chaos test (ADR 0036) found services dying that way.
 */
export function pgPool(connectionString: string, max = 10): Pool {
  const pool = new Pool({ connectionString, max });
  const logger = new Logger('PostgreSQL');
  const warn = (where: string) => (err: Error) =>
    logger.warn({ msg: 'database connection lost; it is replaced on next use', requestId: systemRequestId(), where, error: err.message });
  pool.on('error', warn('idle'));
  pool.on('connect', (client) => client.on('error', warn('in use')));
  return pool;
}
