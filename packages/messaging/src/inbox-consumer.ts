import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { MESSAGING_CONFIG, type ConsumerSettings, type MessagingConfig } from './config';
import type { MessageContract } from './contract';
import { errorMessage } from './errors';
import { publishDeadLetter } from './dead-letters';
import { ensureDurable } from './durable-consumer';
import { isUuid, metaFromHeaders, type MessageMeta } from './headers';
import { line, systemRequestId } from './log';
import { NatsClient } from './nats-client';
import type { MessagingTables, SqlExecutor, TransactionRunner } from './sql';
import { consumerAckPending, consumerPending, deadLetters, onScrape, redeliveries } from './metrics';
import { endSpan, SpanKind, startSpan, traceContextOf, tracingEnabled, withSpan } from './tracing';
import type { Span } from '@opentelemetry/api';
import { decodeJson, validatePayload } from './validation';

export type EventHandler<T, Tx extends SqlExecutor = SqlExecutor> = (
  payload: T,
  tx: Tx,
  meta: MessageMeta,
) => Promise<void>;

export type BatchEventHandler<T, Tx extends SqlExecutor = SqlExecutor> = (
  events: Array<{ payload: T; meta: MessageMeta }>,
  tx: Tx,
) => Promise<void>;

export interface EventConsumerOptions<T, Tx extends SqlExecutor = SqlExecutor> {
  /** Durable consumer name, also the inbox `consumer` column: `<service>-<purpose>`, e.g. `intake-bans`. */
  durable: string;
  handler: EventHandler<T, Tx>;
  /**
   * Optional: the same effect for several new events at once (e.g. one multi-row insert), used when
   * a batch shares a transaction. It must do exactly what `handler` does for each, in order.
   */
  batchHandler?: BatchEventHandler<T, Tx>;
  /** Logical stream holding the subject; looked up by subject when omitted. */
  stream?: string;
  maxDeliver?: number;
  ackWaitMs?: number;
  retryDelayMs?: number;
}

export type DeadLetterReason = 'INVALID_JSON' | 'INVALID_PAYLOAD' | 'MISSING_EVENT_ID' | 'HANDLER_FAILED';

interface Registration {
  contract: MessageContract<unknown>;
  options: EventConsumerOptions<unknown, SqlExecutor>;
  settings: ConsumerSettings;
  state?: { messages?: ConsumerMessages; loop?: Promise<void>; retry?: NodeJS.Timeout; stream?: string };
}

const DURABLE = /^[A-Za-z0-9_-]{1,64}$/;
const PULL_EXPIRES_MS = 5000;
const STREAM_RETRY_MS = 5000;

/**
 * Durable JetStream consumers behind an idempotent inbox. Per message: validate (invalid →
 * dead-letter and term); then in one transaction insert (consumer, event id) into inbox_events and,
 * only if the row is new, run the handler with the same transaction; commit; ack. Messages that
 * arrive while a transaction runs share the next one (see `pump`). A failing
 * handler is nak'ed with a growing delay and dead-lettered after `maxDeliver` deliveries.
 */
@Injectable()
export class EventConsumers<Tx extends SqlExecutor = SqlExecutor>
  implements OnModuleDestroy
{
  private readonly logger = new Logger('EventConsumers');
  private readonly registrations = new Map<string, Registration>();
  private started = false;
  private stopping = false;
  private unscrape: (() => void) | undefined;

  constructor(
    @Inject(MESSAGING_CONFIG) private readonly config: MessagingConfig<Tx>,
    private readonly nats: NatsClient,
  ) {}

  register<T>(contract: MessageContract<T>, options: EventConsumerOptions<T, Tx>): void {
    if (contract.kind !== 'event') throw new Error(`${contract.subject} is a ${contract.kind}, not an event`);
    if (!DURABLE.test(options.durable)) throw new Error(`durable "${options.durable}" must match ${DURABLE}`);
    if (this.registrations.has(options.durable))
      throw new Error(`durable ${options.durable} is registered twice`);
    if (!this.config.transactionRunner || !this.config.tables) {
      throw new Error('EventConsumers need dbSchema and transactionRunner in the messaging options');
    }
    const reg: Registration = {
      contract: contract as MessageContract<unknown>,
      options: options as unknown as EventConsumerOptions<unknown, SqlExecutor>,
      settings: {
        ...this.config.consumers,
        ...(options.maxDeliver !== undefined && { maxDeliver: options.maxDeliver }),
        ...(options.ackWaitMs !== undefined && { ackWaitMs: options.ackWaitMs }),
        ...(options.retryDelayMs !== undefined && { retryDelayMs: options.retryDelayMs }),
      },
    };
    this.registrations.set(options.durable, reg);
    if (this.started) void this.startOne(reg);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Ensures every registered durable consumer exists and starts pulling. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.unscrape = onScrape('consumer', () => this.observePending());
    await Promise.all([...this.registrations.values()].map((r) => this.startOne(r)));
  }

  /** Stops pulling and waits for the message in hand; unacked messages are redelivered later. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    this.unscrape?.();
    this.unscrape = undefined;
    const loops: Promise<void>[] = [];
    for (const reg of this.registrations.values()) {
      if (reg.state?.retry) clearTimeout(reg.state.retry);
      if (reg.state?.messages) await reg.state.messages.close().catch(() => undefined);
      if (reg.state?.loop) loops.push(reg.state.loop);
      reg.state = undefined;
    }
    await Promise.all(loops);
  }

  private async startOne(reg: Registration): Promise<void> {
    const requestId = systemRequestId();
    const { durable } = reg.options;
    const filter = this.nats.ns.subject(reg.contract.subject);
    reg.state = {};
    try {
      const stream = reg.options.stream
        ? this.nats.ns.stream(reg.options.stream)
        : await this.nats.jsm.streams.find(filter);
      await ensureDurable(this.nats.jsm, stream, durable, filter, reg.settings);
      const consumer = await this.nats.js.consumers.get(stream, durable);
      // Short pulls: after a node dies or a consumer leader moves, a lost pull request is noticed by
      // missed heartbeats (half of `expires`, twice) and the client's retries back off up to
      // `expires`; 30 s (the default) left a consumer idle that long in a cluster (ADR 0036).
      const messages = await consumer.consume({ max_messages: reg.settings.batchSize, expires: PULL_EXPIRES_MS });
      if (this.stopping) {
        await messages.close().catch(() => undefined);
        return;
      }
      reg.state = { messages, stream };
      reg.state.loop = this.pump(reg, messages);
      this.logger.log(
        line(requestId, 'event consumer started', { durable, stream, subject: reg.contract.subject }),
      );
    } catch (err) {
      if (this.stopping) return;
      this.logger.warn(
        line(requestId, 'event consumer not started; retrying', {
          durable,
          subject: reg.contract.subject,
          error: errorMessage(err),
        }),
      );
      const retry = setTimeout(() => void this.startOne(reg), STREAM_RETRY_MS);
      retry.unref?.();
      reg.state = { retry };
    }
  }

  /**
   * Reads messages as the server delivers them and hands them to one worker, which takes every
   * message waiting (up to `batchSize`) at a time: under load several events share a transaction
   * and a commit; when idle each is handled as soon as it arrives. Reading pauses while a few
   * batches are waiting, so unacked messages never pile up towards the ack wait.
   */
  private async pump(reg: Registration, messages: ConsumerMessages): Promise<void> {
    const waiting: JsMsg[] = [];
    const limit = reg.settings.batchSize;
    let wakeWorker: (() => void) | undefined;
    let wakeReader: (() => void) | undefined;
    let ended = false;
    const worker = (async () => {
      for (;;) {
        if (waiting.length === 0) {
          if (ended) return;
          await new Promise<void>((r) => (wakeWorker = r));
          wakeWorker = undefined;
          continue;
        }
        const batch = waiting.splice(0, limit);
        wakeReader?.();
        await this.processBatch(reg, batch);
      }
    })();
    try {
      for await (const m of messages) {
        if (m.info.redelivered) redeliveries.inc({ service: this.config.serviceName, durable: reg.options.durable });
        waiting.push(m);
        wakeWorker?.();
        if (waiting.length >= 4 * limit) {
          await new Promise<void>((r) => (wakeReader = r));
          wakeReader = undefined;
        }
      }
    } catch (err) {
      this.logger.error(
        line(systemRequestId(), 'event consumer stopped', {
          durable: reg.options.durable,
          error: errorMessage(err),
        }),
      );
    }
    ended = true;
    wakeWorker?.();
    await worker;
    if (this.started && !this.stopping && reg.state?.messages === messages) {
      const retry = setTimeout(() => void this.startOne(reg), STREAM_RETRY_MS);
      retry.unref?.();
      reg.state = { retry };
    }
  }

  /**
   * Several messages in one transaction: one multi-row inbox insert, the handler for each new
   * event in delivery order, one commit, then the acks. Should anything fail, every message of the
   * batch is handled again on its own, so one bad event only ever delays the others.
   */
  private async processBatch(reg: Registration, batch: JsMsg[]): Promise<void> {
    if (batch.length === 1) return this.process(reg, batch[0]);
    const ready: Array<{ m: JsMsg; meta: MessageMeta; eventId: string; value: unknown; span?: Span }> = [];
    for (const m of batch) {
      const meta = metaFromHeaders(m.headers);
      const decoded = decodeJson(m.data);
      if (!decoded.ok || !isUuid(meta.eventId)) {
        await this.process(reg, m); // dead-letters it with the reason
        continue;
      }
      const checked = await validatePayload(reg.contract.schema, decoded.value);
      if (!checked.ok) {
        await this.process(reg, m);
        continue;
      }
      ready.push({ m, meta, eventId: meta.eventId, value: checked.value, span: this.consumeSpan(reg, m) });
    }
    if (ready.length === 0) return;
    const tables = this.config.tables as MessagingTables;
    const runner = this.config.transactionRunner as unknown as TransactionRunner<SqlExecutor>;
    const { durable } = reg.options;
    try {
      await runner(async (tx) => {
        const rows = await tx.$queryRawUnsafe<Array<{ event_id: string }>>(
          `INSERT INTO ${tables.inbox} ("consumer", "event_id", "subject")
           SELECT $1, e, s FROM jsonb_to_recordset($2::jsonb) AS t(e uuid, s text)
           ON CONFLICT DO NOTHING RETURNING "event_id"::text AS event_id`,
          durable,
          JSON.stringify(ready.map((r) => ({ e: r.eventId, s: this.nats.ns.logical(r.m.subject) }))),
        );
        const fresh = new Set(rows.map((r) => r.event_id));
        // The same event twice in one batch (a redelivery) runs once: the first takes the id.
        const todo = ready.filter((r) => fresh.delete(r.eventId.toLowerCase()));
        if (reg.options.batchHandler) {
          if (todo.length) await reg.options.batchHandler(todo.map((r) => ({ payload: r.value, meta: r.meta })), tx);
        } else {
          for (const r of todo) await withSpan(r.span, () => reg.options.handler(r.value, tx, r.meta));
        }
      });
    } catch (err) {
      this.logger.warn(
        line(systemRequestId(), 'event batch failed; handling its events one by one', {
          durable,
          events: ready.length,
          error: errorMessage(err),
        }),
      );
      for (const r of ready) endSpan(r.span, err);
      for (const r of ready) await this.process(reg, r.m);
      return;
    }
    // Plain acks, unconfirmed: a lost one only brings the event back, and the inbox drops it.
    for (const r of ready) {
      r.m.ack();
      endSpan(r.span);
    }
  }

  /** A consumer span continuing the trace the publisher put in the headers (none when tracing is off). */
  private consumeSpan(reg: Registration, m: JsMsg): Span | undefined {
    if (!tracingEnabled()) return undefined;
    const subject = this.nats.ns.logical(m.subject);
    return startSpan(`process ${subject}`, SpanKind.CONSUMER, traceContextOf(m.headers), {
      'messaging.system': 'nats',
      'messaging.destination.name': subject,
      'messaging.consumer.group.name': reg.options.durable,
      'messaging.message.delivery_count': m.info.deliveryCount,
    });
  }

  private async process(reg: Registration, m: JsMsg): Promise<void> {
    const span = this.consumeSpan(reg, m);
    if (!span) return this.processOne(reg, m);
    try {
      await withSpan(span, () => this.processOne(reg, m));
    } finally {
      endSpan(span);
    }
  }

  /** num_pending and num_ack_pending of every bound durable, for the metrics. */
  private async observePending(): Promise<void> {
    await Promise.all(
      [...this.registrations.values()].map(async (reg) => {
        const stream = reg.state?.stream;
        if (!stream) return;
        // One consumer's lost info (its stream moving, a leader election) leaves the others' values fresh.
        const info = await this.nats.jsm.consumers.info(stream, reg.options.durable).catch(() => undefined);
        if (!info) return;
        const labels = { service: this.config.serviceName, durable: reg.options.durable };
        consumerPending.set(labels, info.num_pending);
        consumerAckPending.set(labels, info.num_ack_pending);
      }),
    );
  }

  private async processOne(reg: Registration, m: JsMsg): Promise<void> {
    const meta = metaFromHeaders(m.headers);
    const subject = this.nats.ns.logical(m.subject);
    const { durable } = reg.options;
    try {
      const decoded = decodeJson(m.data);
      if (!decoded.ok) return await this.deadLetter(reg, m, meta, 'INVALID_JSON', decoded.error);
      if (!isUuid(meta.eventId)) {
        return await this.deadLetter(
          reg,
          m,
          meta,
          'MISSING_EVENT_ID',
          'x-event-id / Nats-Msg-Id is not a uuid',
        );
      }
      const checked = await validatePayload(reg.contract.schema, decoded.value);
      if (!checked.ok) {
        const detail = checked.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
        return await this.deadLetter(reg, m, meta, 'INVALID_PAYLOAD', detail);
      }
      const eventId = meta.eventId;
      const tables = this.config.tables as MessagingTables;
      const runner = this.config.transactionRunner as unknown as TransactionRunner<SqlExecutor>;
      let handled = false;
      try {
        handled = await runner(async (tx) => {
          const inserted = await tx.$executeRawUnsafe(
            `INSERT INTO ${tables.inbox} ("consumer", "event_id", "subject") VALUES ($1, $2::uuid, $3)
             ON CONFLICT DO NOTHING`,
            durable,
            eventId,
            subject,
          );
          if (inserted === 0) return false;
          await reg.options.handler(checked.value, tx, meta);
          return true;
        });
      } catch (err) {
        const deliveries = m.info.deliveryCount;
        if (deliveries >= reg.settings.maxDeliver) {
          return await this.deadLetter(reg, m, meta, 'HANDLER_FAILED', errorMessage(err));
        }
        const delay = Math.min(
          reg.settings.retryDelayMs * 2 ** (deliveries - 1),
          reg.settings.maxRetryDelayMs,
        );
        m.nak(delay);
        this.logger.warn(
          line(meta.requestId, 'event handler failed; redelivery scheduled', {
            durable,
            subject,
            eventId,
            deliveries,
            delayMs: delay,
            error: errorMessage(err),
          }),
        );
        return;
      }
      await this.ack(m, meta, durable);
      this.logger.debug(
        line(meta.requestId, handled ? 'event handled' : 'event already processed; skipped', {
          durable,
          subject,
          eventId,
        }),
      );
    } catch (err) {
      // Only reachable through a bug or a lost connection: leave the message for redelivery.
      this.logger.error(
        line(meta.requestId, 'event processing failed', { durable, subject, error: errorMessage(err) }),
      );
      try {
        m.nak(reg.settings.retryDelayMs);
      } catch {
        /* connection gone: ack wait expires and the server redelivers */
      }
    }
  }

  private async ack(m: JsMsg, meta: MessageMeta, durable: string): Promise<void> {
    try {
      await m.ackAck({ timeout: 5000 });
    } catch (err) {
      // The effect is committed; a redelivery will find the inbox row and only ack.
      this.logger.warn(
        line(meta.requestId, 'ack not confirmed', {
          durable,
          eventId: meta.eventId,
          error: errorMessage(err),
        }),
      );
    }
  }

  /** Copies the message to `dlq.<service>.<subject>` with why, then terms it. */
  private async deadLetter(
    reg: Registration,
    m: JsMsg,
    meta: MessageMeta,
    reason: DeadLetterReason,
    detail: string,
  ): Promise<void> {
    const logical = this.nats.ns.logical(m.subject);
    let dlqSubject: string;
    try {
      dlqSubject = await publishDeadLetter(this.nats.js, this.nats.ns, m, meta, {
        service: this.config.serviceName,
        durable: reg.options.durable,
        reason,
        detail,
      });
    } catch (err) {
      this.logger.error(
        line(meta.requestId, 'dead-letter publish failed; message kept for redelivery', {
          durable: reg.options.durable,
          subject: logical,
          reason,
          error: errorMessage(err),
        }),
      );
      m.nak(reg.settings.retryDelayMs);
      return;
    }
    // No reason argument: NATS < 2.10 only recognises a bare "+TERM" and ignores "+TERM <reason>",
    // which would leave the message to be redelivered forever. The reason is in the DLQ headers.
    m.term();
    deadLetters.inc({ service: this.config.serviceName, durable: reg.options.durable, reason });
    this.logger.warn(
      line(meta.requestId, 'event dead-lettered', {
        durable: reg.options.durable,
        subject: logical,
        eventId: meta.eventId,
        reason,
        detail,
        dlqSubject,
      }),
    );
  }

  /** Internal state for tests and diagnostics: the wire stream each durable is bound to. */
  boundStream(durable: string): string | undefined {
    return this.registrations.get(durable)?.state?.stream;
  }
}
