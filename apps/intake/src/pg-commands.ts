import { OutboxRelay, PgExecutor, pgTransactionRunner } from '@firstset/messaging';
import { AuditRecorder, CommandRunner, IdempotencyStore, PRISMA, SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { Db, poolOf } from './prisma';

/**
 * Commands as everywhere (transaction, audit, idempotency, outbox nudge), on node-postgres without
 * Prisma, over intake's one pool: the paths people feel (the form's autosave, creating a draft,
 * submitting) are plain SQL (ADR 0007, ADR 0033). Injected by this class.
 */
export abstract class PgCommands extends CommandRunner<PgExecutor> {}

export const pgCommandsProvider = {
  provide: PgCommands,
  useFactory: (db: Db, audit: AuditRecorder, relay: OutboxRelay, config: ServiceConfig) =>
    new CommandRunner(pgTransactionRunner(poolOf(db)), audit, () => relay.nudge(), new IdempotencyStore(config.dbSchema)),
  inject: [PRISMA, AuditRecorder, OutboxRelay, SERVICE_CONFIG],
};
