import { SqlExecutor, TransactionRunner } from '@firstset/messaging';

/** What the kit needs of a service's generated PrismaClient (each service generates its own). */
export interface PrismaLike<Tx extends SqlExecutor> extends SqlExecutor {
  $transaction<R>(fn: (tx: Tx) => Promise<R>, options?: { timeout?: number; maxWait?: number }): Promise<R>;
  $disconnect(): Promise<void>;
}

/** Interactive Prisma transactions as the messaging package's TransactionRunner. */
export function prismaTransactionRunner<Tx extends SqlExecutor>(prisma: PrismaLike<Tx>): TransactionRunner<Tx> {
  return (fn) => prisma.$transaction(fn, { timeout: 15_000, maxWait: 5_000 });
}
