import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { MESSAGING_CONFIG, type MessagingConfig, type RelaySettings } from './config';
import { HEADER, headerText, recordToHeaders } from './headers';
import { line, systemRequestId } from './log';
import { NatsClient } from './nats-client';
import type { MessagingTables, SqlExecutor, TransactionRunner } from './sql';
import { errorMessage } from './errors';
import { eventsPublished, onScrape, outboxOldestAge, outboxPending, publishFailures } from './metrics';
import { endSpan, SpanKind, startSpan, traceContextOfRecord, traceHeaders, tracingEnabled } from './tracing';
import { trace } from '@opentelemetry/api';

interface OutboxRow {
  id: string;
  subject: string;
  payload: string;
  headers: string;
  occurred_at: string;
}

export interface RelayBatchResult {
  published: number;
  failed: number;
}

/**
 * Publishes committed outbox rows to JetStream, oldest first, with `Nats-Msg-Id` = event id, and
 * marks them published. Rows are claimed with `FOR UPDATE SKIP LOCKED` in small batches, so
 * several instances of a service can each run a relay. A crash between publish and mark only
 * causes a republish, which JetStream drops as a duplicate inside the window and consumers' inboxes
 * drop after it.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private readonly settings: RelaySettings;
  private readonly tables: MessagingTables;
  private readonly runner: TransactionRunner<SqlExecutor>;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private again = false;
  private failures = 0;
  private unscrape: (() => void) | undefined;

  constructor(
    @Inject(MESSAGING_CONFIG) private readonly config: MessagingConfig,
    private readonly nats: NatsClient,
  ) {
    this.settings = config.relay;
    this.tables = config.tables!;
    this.runner = config.transactionRunner!;
  }

  onApplicationBootstrap(): void {
    if (this.settings.enabled) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (!this.config.tables || !this.config.transactionRunner) {
      throw new Error('OutboxRelay needs dbSchema and transactionRunner in the messaging options');
    }
    if (this.running) return;
    this.running = true;
    this.unscrape = onScrape('outbox', () => this.observeLag());
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in flight (its transaction commits or rolls back). */
  async stop(): Promise<void> {
    this.running = false;
    this.unscrape?.();
    this.unscrape = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.loop;
  }

  /** Publish now rather than at the next poll; call after committing a transaction that appended. */
  nudge(): void {
    if (!this.running) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * Claims up to `batchSize` unpublished rows and publishes them in order, pipelined across
   * applications: the events of one application (or batch, when they name no application) go one
   * after another, each sent once the previous one is acknowledged, and a failed one holds back the
   * rest of its chain until the retry, so consumers never see a later event of an application before
   * an earlier one. Different applications' events are all sent before any ack is awaited. A failed
   * publish is recorded (attempts, last_error) and retried with backoff.
   */
  async publishBatch(requestId = systemRequestId()): Promise<RelayBatchResult> {
    const { outbox } = this.tables;
    return this.runner(async (tx) => {
      const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
        `SELECT "id"::text AS id, "subject", "payload"::text AS payload, "headers"::text AS headers,
                to_char("occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at
           FROM ${outbox}
          WHERE "published_at" IS NULL
          ORDER BY "occurred_at", "id"
          LIMIT ${this.settings.batchSize}
          FOR UPDATE SKIP LOCKED`,
      );
      const stored = rows.map((row) => parseHeaders(row.headers));
      const publish = async (i: number) => {
        const row = rows[i];
        const record = { ...stored[i], [HEADER.eventId]: row.id, [HEADER.occurredAt]: row.occurred_at };
        // A producer span, child of the request that appended the row; the consumer's is its child.
        const span = tracingEnabled()
          ? startSpan(`publish ${row.subject}`, SpanKind.PRODUCER, traceContextOfRecord(stored[i]), {
              'messaging.system': 'nats',
              'messaging.destination.name': row.subject,
              'messaging.message.id': row.id,
            })
          : undefined;
        if (span) Object.assign(record, traceHeaders(trace.setSpan(traceContextOfRecord(stored[i]), span)));
        try {
          const ack = await this.nats.js.publish(this.nats.ns.subject(row.subject), new TextEncoder().encode(row.payload), {
            msgID: row.id,
            headers: recordToHeaders(record),
            timeout: this.settings.publishTimeoutMs,
          });
          endSpan(span);
          return ack;
        } catch (err) {
          endSpan(span, err);
          throw err;
        }
      };
      // undefined: not attempted, held back behind a failed event of the same chain.
      const outcomes: Array<PromiseSettledResult<Awaited<ReturnType<typeof publish>>> | undefined> = new Array(rows.length);
      await Promise.all(
        chainsOf(rows).map(async (chain) => {
          for (const i of chain) {
            try {
              outcomes[i] = { status: 'fulfilled', value: await publish(i) };
            } catch (reason) {
              outcomes[i] = { status: 'rejected', reason };
              return;
            }
          }
        }),
      );
      const done = rows.filter((_, i) => outcomes[i]?.status === 'fulfilled').map((r) => r.id);
      if (done.length > 0) {
        await tx.$executeRawUnsafe(
          `UPDATE ${outbox} SET "published_at" = clock_timestamp(), "attempts" = "attempts" + 1, "last_error" = NULL
            WHERE "id" IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`,
          JSON.stringify(done),
        );
      }
      let failed = 0;
      if (done.length > 0) eventsPublished.inc({ service: this.config.serviceName }, done.length);
      for (const [i, outcome] of outcomes.entries()) {
        if (!outcome) continue;
        const row = rows[i];
        const rowRequestId = stored[i][HEADER.requestId] ?? requestId;
        if (outcome.status === 'fulfilled') {
          this.logger.debug(
            line(rowRequestId, 'event published', {
              eventId: row.id,
              subject: row.subject,
              stream: outcome.value.stream,
              seq: outcome.value.seq,
              duplicate: outcome.value.duplicate,
            }),
          );
          continue;
        }
        failed += 1;
        publishFailures.inc({ service: this.config.serviceName });
        await tx.$executeRawUnsafe(
          `UPDATE ${outbox} SET "attempts" = "attempts" + 1, "last_error" = $2 WHERE "id" = $1::uuid`,
          row.id,
          headerText(errorMessage(outcome.reason), 2000),
        );
        this.logger.warn(
          line(rowRequestId, 'event publish failed; will retry', {
            eventId: row.id,
            subject: row.subject,
            error: errorMessage(outcome.reason),
          }),
        );
      }
      return { published: done.length, failed };
    });
  }

  /** Outbox lag for the metrics: how many rows wait and how old the oldest is (uses the unpublished index). */
  private async observeLag(): Promise<void> {
    const rows = await this.runner((tx) =>
      tx.$queryRawUnsafe<Array<{ n: number; age: number }>>(
        `SELECT count(*)::int AS n,
                COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min("occurred_at")), 0)::float8 AS age
           FROM ${this.tables.outbox} WHERE "published_at" IS NULL`,
      ),
    );
    const labels = { service: this.config.serviceName };
    outboxPending.set(labels, Number(rows[0]?.n ?? 0));
    outboxOldestAge.set(labels, Math.max(0, Number(rows[0]?.age ?? 0)));
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.loop = this.run().finally(() => {
        this.loop = undefined;
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async run(): Promise<void> {
    const requestId = systemRequestId();
    let failed = false;
    try {
      do {
        this.again = false;
        const r = await this.publishBatch(requestId);
        if (r.failed > 0) failed = true;
        else if (r.published === this.settings.batchSize) this.again = true;
      } while (this.again && this.running && !failed);
    } catch (err) {
      failed = true;
      this.logger.error(line(requestId, 'outbox relay batch failed', { error: errorMessage(err) }));
    }
    this.failures = failed ? this.failures + 1 : 0;
    this.schedule(failed ? this.backoffMs() : this.again ? 0 : this.settings.intervalMs);
  }

  private backoffMs(): number {
    const base = Math.max(this.settings.intervalMs, 100) * 2 ** Math.min(this.failures, 16);
    const capped = Math.min(base, this.settings.maxBackoffMs);
    return Math.round(capped / 2 + Math.random() * (capped / 2));
  }
}

function parseHeaders(text: string): Record<string, string> {
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object') return {};
    return Object.fromEntries(
      Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/**
 * The batch's rows in chains that must be published in order: one per application (or per batch
 * for events that name no application); events naming neither are each a chain of their own.
 */
export function chainsOf(rows: Array<{ id: string; payload: string }>): number[][] {
  const chains = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = orderingKey(row.payload) ?? `event:${row.id}`;
    const chain = chains.get(key);
    if (chain) chain.push(i);
    else chains.set(key, [i]);
  });
  return [...chains.values()];
}

function orderingKey(payload: string): string | undefined {
  try {
    const p = JSON.parse(payload) as { applicationId?: unknown; batchId?: unknown } | null;
    if (typeof p?.applicationId === 'string') return `application:${p.applicationId}`;
    if (typeof p?.batchId === 'string') return `batch:${p.batchId}`;
  } catch {
    /* not JSON: no ordering constraint */
  }
  return undefined;
}
