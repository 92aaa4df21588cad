import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { messagingTables, systemRequestId, type SqlExecutor } from '@firstset/messaging';
import { Clock } from './clock';
import type { ServiceConfig } from './config';
import { PRISMA, SERVICE_CONFIG } from './tokens';

/**
 * How long the bookkeeping rows of messaging and retries are kept (ADR 0036; docs/operations.md):
 * - a published outbox row: only for diagnosis, the event lives on in JetStream (7 days);
 * - an inbox row: longer than any event stream keeps a message, so a redelivery or a replayed
 *   stream still finds it and is dropped (180 days against the streams' 90; 0 = for ever);
 * - an idempotency record: longer than any client retries a command (30 days).
 * An unpublished outbox row is never pruned, whatever its age.
 */
export interface RetentionWindows {
  outboxMs: number;
  inboxMs: number;
  idempotencyMs: number;
  /** How often the prune runs (default hourly). */
  intervalMs: number;
}

const DAY_MS = 86_400_000;
export const DEFAULT_RETENTION: RetentionWindows = {
  outboxMs: 7 * DAY_MS,
  inboxMs: 180 * DAY_MS,
  idempotencyMs: 30 * DAY_MS,
  intervalMs: 3_600_000,
};

/** Rows deleted per statement: short transactions, no long lock on a busy table. */
const BATCH = 5000;

export interface PruneResult {
  outbox: number;
  inbox: number;
  idempotency: number;
}

interface PruneTarget {
  key: keyof PruneResult;
  table: string;
  /** The rows past the window (`$1` = the cutoff). */
  where: string;
  windowMs: number;
}

/** Deletes what is past its window, in batches; safe to run on every instance at once. */
export class Pruner {
  private targets: PruneTarget[] | undefined;

  constructor(
    private readonly db: SqlExecutor,
    private readonly schema: string,
    private readonly windows: RetentionWindows,
  ) {}

  async run(now: Date): Promise<PruneResult> {
    const result: PruneResult = { outbox: 0, inbox: 0, idempotency: 0 };
    for (const t of await this.existingTargets()) {
      if (t.windowMs === 0) continue;
      const cutoff = new Date(now.getTime() - t.windowMs).toISOString();
      for (;;) {
        const n = await this.db.$executeRawUnsafe(
          `DELETE FROM ${t.table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${t.table} WHERE ${t.where} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED))`,
          cutoff,
        );
        result[t.key] += n;
        if (n < BATCH) break;
      }
    }
    return result;
  }

  /** Only the tables this service has (the gateway keeps no outbox, for one). */
  private async existingTargets(): Promise<PruneTarget[]> {
    if (this.targets) return this.targets;
    const { outbox, inbox } = messagingTables(this.schema);
    const idempotency = `"${this.schema}"."idempotency_records"`;
    const all: PruneTarget[] = [
      { key: 'outbox', table: outbox, where: `published_at IS NOT NULL AND published_at < $1::timestamptz`, windowMs: this.windows.outboxMs },
      { key: 'inbox', table: inbox, where: `processed_at < $1::timestamptz`, windowMs: this.windows.inboxMs },
      { key: 'idempotency', table: idempotency, where: `created_at < $1::timestamptz`, windowMs: this.windows.idempotencyMs },
    ];
    const found = await this.db.$queryRawUnsafe<Array<{ present: boolean[] }>>(
      `SELECT ARRAY[to_regclass($1) IS NOT NULL, to_regclass($2) IS NOT NULL, to_regclass($3) IS NOT NULL] AS present`,
      outbox,
      inbox,
      idempotency,
    );
    this.targets = all.filter((_, i) => found[0]!.present[i]);
    return this.targets;
  }
}

/** Runs the prune on a schedule in every service (first run a few minutes after start). */
@Injectable()
export class Housekeeping implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Housekeeping');
  private readonly pruner: Pruner;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(PRISMA) db: SqlExecutor,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly clock: Clock,
  ) {
    this.pruner = new Pruner(db, config.dbSchema, config.retention);
  }

  onApplicationBootstrap(): void {
    // Jittered, so that instances started together do not prune together.
    this.schedule(Math.min(this.config.retention.intervalMs, 60_000 + Math.random() * 240_000));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One prune now; what the schedule runs. */
  async runOnce(): Promise<PruneResult> {
    const requestId = systemRequestId();
    const result = await this.pruner.run(this.clock.now());
    if (result.outbox + result.inbox + result.idempotency > 0) this.logger.log({ msg: 'housekeeping pruned', requestId, ...result });
    return result;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((err: unknown) => this.logger.warn({ msg: 'housekeeping failed; next run as scheduled', requestId: systemRequestId(), error: String(err) }))
        .finally(() => {
          if (this.timer) this.schedule(this.config.retention.intervalMs);
        });
    }, delayMs);
    this.timer.unref?.();
  }
}
