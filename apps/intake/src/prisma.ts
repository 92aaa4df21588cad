import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { pgPool, ServiceConfig } from '@firstset/service-kit';
import { Prisma, PrismaClient } from './generated/prisma/client';

export type Tx = Prisma.TransactionClient;
export type Db = InstanceType<typeof PrismaClient>;

const pools = new WeakMap<Db, Pool>();

/**
 * Intake's Prisma client on its own schema (chosen at run time: tests use their own), over a pg
 * pool that the deadline-rush path also uses directly, without Prisma (ADR 0007): one pool, one
 * connection limit.
 */
export function createPrisma(config: ServiceConfig): Db {
  const pool = pgPool(config.databaseUrl);
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { schema: config.dbSchema, disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/** The pg pool under a client made by `createPrisma`. */
export function poolOf(db: Db): Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('poolOf: not a client made by createPrisma');
  return pool;
}
