import { PrismaPg } from '@prisma/adapter-pg';
import { pgPool, ServiceConfig } from '@firstset/service-kit';
import { Prisma, PrismaClient } from './generated/prisma/client';

export type Tx = Prisma.TransactionClient;
export type Db = InstanceType<typeof PrismaClient>;

/** Preliminary review's Prisma client on its own schema (chosen at run time: tests use their own). */
export function createPrisma(config: ServiceConfig): Db {
  return new PrismaClient({
    adapter: new PrismaPg(pgPool(config.databaseUrl), { schema: config.dbSchema, disposeExternalPool: true }),
  });
}
