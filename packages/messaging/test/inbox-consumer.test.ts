import { randomUUID } from 'node:crypto';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { headers as natsHeaders } from '@nats-io/transport-node';
import {
  Consumes,
  ConsumesBatch,
  ensureStreams,
  EventConsumers,
  JetStreamServer,
  type BatchEventHandler,
  type EventHandler,
  HEADER,
  Namespace,
  type EventConsumerOptions,
  type MessageMeta,
  type TransactionRunner,
} from '../src';
import type { PgExecutor } from '../src/testing';
import {
  ApplicationSubmittedV1,
  submittedPayload,
  type ApplicationSubmittedV1Dto,
} from './support/contracts';
import { logs, sleep, TestEnv, waitFor } from './support/env';

const SUBJECT = ApplicationSubmittedV1.subject;

type Options = Omit<EventConsumerOptions<ApplicationSubmittedV1Dto, PgExecutor>, 'handler' | 'batchHandler'>;

/** A module with one consumer controller, declared as the apps declare theirs. */
function consumerModule(
  options: Options,
  handler: EventHandler<ApplicationSubmittedV1Dto, PgExecutor>,
  batchHandler?: BatchEventHandler<ApplicationSubmittedV1Dto, PgExecutor>,
) {
  @Controller()
  class SubmittedConsumer {
    @Consumes(ApplicationSubmittedV1, options)
    apply(payload: ApplicationSubmittedV1Dto, tx: PgExecutor, meta: MessageMeta): Promise<void> {
      return handler(payload, tx, meta);
    }
  }
  @Controller()
  class SubmittedBatchConsumer {
    @ConsumesBatch(ApplicationSubmittedV1, options)
    apply(events: Array<{ payload: ApplicationSubmittedV1Dto; meta: MessageMeta }>, tx: PgExecutor): Promise<void> {
      return batchHandler!(events, tx);
    }
  }
  @Module({ controllers: [batchHandler ? SubmittedBatchConsumer : SubmittedConsumer] })
  class ConsumerModule {}
  return ConsumerModule;
}

/** One test's world: stream, effect table, and helpers to publish raw messages and read state. */
class World {
  readonly consumers: EventConsumers<PgExecutor>[] = [];
  readonly apps: INestMicroservice[] = [];
  handlerCalls = 0;

  private constructor(readonly env: TestEnv) {}

  static async create(duplicateWindowMs?: number): Promise<World> {
    const env = await TestEnv.create();
    await env.pool.query(
      `CREATE TABLE ${env.table('effects')} (id bigserial PRIMARY KEY, application_id text NOT NULL, event_id uuid)`,
    );
    await ensureStreams(env.jsm, new Namespace(env.namespace), [
      { name: 'INTAKE_EVENTS', subjects: [SUBJECT], duplicateWindowMs },
    ]);
    return new World(env);
  }

  /** The handler of a real service: its effect is a row written with the inbox's transaction. */
  effect(delayFirstMs = 0): EventConsumerOptions<ApplicationSubmittedV1Dto, PgExecutor>['handler'] {
    return async (payload, tx, meta) => {
      this.handlerCalls += 1;
      if (delayFirstMs && this.handlerCalls === 1) await sleep(delayFirstMs);
      if (payload.applicationId.startsWith('poison'))
        throw new Error(`cannot apply ${payload.applicationId}`);
      await tx.$executeRawUnsafe(
        `INSERT INTO ${this.env.table('effects')} (application_id, event_id) VALUES ($1, $2::uuid)`,
        payload.applicationId,
        meta.eventId,
      );
    };
  }

  /**
   * A consumer as services declare them: a controller with `@Consumes` (or `@ConsumesBatch` when the
   * test gives a batch handler) served by the JetStream transport, in a Nest microservice of its own.
   */
  async startConsumer(
    options: Partial<EventConsumerOptions<ApplicationSubmittedV1Dto, PgExecutor>> & {
      runner?: TransactionRunner<PgExecutor>;
    },
  ): Promise<EventConsumers<PgExecutor>> {
    const client = await this.env.connect('notify');
    const config = this.env.config({
      serviceName: 'notify',
      transactionRunner: options.runner ?? this.env.runner,
      consumers: { ackWaitMs: 1000, retryDelayMs: 50, maxDeliver: 3 },
    });
    const consumers = new EventConsumers<PgExecutor>(config, client);
    const { handler = this.effect(), batchHandler, runner: _runner, durable = 'notify-submitted', ...rest } = options;
    const app = await NestFactory.createMicroservice(consumerModule({ durable, ...rest }, handler, batchHandler), {
      strategy: new JetStreamServer(consumers),
      logger: logs,
    });
    await app.listen();
    this.apps.push(app);
    this.consumers.push(consumers);
    return consumers;
  }

  async publishRaw(
    data: string | Uint8Array,
    h: { msgId?: string; eventId?: string; requestId?: string } = {},
  ): Promise<void> {
    const headers = natsHeaders();
    headers.set(HEADER.requestId, h.requestId ?? randomUUID());
    if (h.eventId) headers.set(HEADER.eventId, h.eventId);
    await this.env.adminClient.js.publish(
      `${this.env.namespace}.${SUBJECT}`,
      typeof data === 'string' ? new TextEncoder().encode(data) : data,
      { headers, ...(h.msgId ? { msgID: h.msgId } : {}) },
    );
  }

  /** Waits until the durable has delivered every stored message and nothing awaits an ack. */
  async settled(durable = 'notify-submitted'): Promise<void> {
    const stream = this.env.stream('INTAKE_EVENTS');
    await waitFor(async () => {
      const [si, ci] = await Promise.all([
        this.env.jsm.streams.info(stream),
        this.env.jsm.consumers.info(stream, durable),
      ]);
      return ci.num_pending === 0 && ci.num_ack_pending === 0 && ci.ack_floor.stream_seq >= si.state.last_seq;
    }, `${durable} to settle`);
  }

  async effects(): Promise<Array<{ application_id: string; event_id: string }>> {
    return (
      await this.env.pool.query(
        `SELECT application_id, event_id FROM ${this.env.table('effects')} ORDER BY id`,
      )
    ).rows;
  }

  async inboxCount(): Promise<number> {
    return Number(
      (await this.env.pool.query(`SELECT count(*) FROM ${this.env.table('inbox_events')}`)).rows[0].count,
    );
  }

  async close(): Promise<void> {
    for (const app of this.apps) await app.close();
    for (const c of this.consumers) await c.stop();
    await this.env.close();
  }
}

describe('event consumers: durable, explicit ack, idempotent inbox, dead letters', () => {
  let w: World;
  afterEach(async () => {
    await w?.close();
  });

  it('applies an event delivered twice with the same event id once (different Nats-Msg-Id defeats JetStream de-duplication)', async () => {
    w = await World.create();
    await w.startConsumer({});
    const eventId = randomUUID();
    const body = JSON.stringify(submittedPayload('app-dup'));
    await w.publishRaw(body, { msgId: randomUUID(), eventId });
    await w.publishRaw(body, { msgId: randomUUID(), eventId });
    await w.settled();

    expect((await w.env.streamMessages('INTAKE_EVENTS')).length).toBe(2);
    expect(await w.effects()).toEqual([{ application_id: 'app-dup', event_id: eventId }]);
    expect(w.handlerCalls).toBe(1);
    expect(await w.inboxCount()).toBe(1);
  });

  it('applies an event republished after the duplicate window once (same Nats-Msg-Id, stored twice)', async () => {
    w = await World.create(100);
    await w.startConsumer({});
    const eventId = randomUUID();
    const body = JSON.stringify(submittedPayload('app-window'));
    await w.publishRaw(body, { msgId: eventId });
    await sleep(400); // past the 100 ms window: JetStream stores the replay again
    await w.publishRaw(body, { msgId: eventId });
    await w.settled();

    expect((await w.env.streamMessages('INTAKE_EVENTS')).length).toBe(2);
    expect((await w.effects()).length).toBe(1);
  });

  it('applies an event once when the commit succeeded but the ack was lost, and it is redelivered', async () => {
    w = await World.create();
    let lostOnce = false;
    // The transaction commits, then the caller sees a failure (connection reset after COMMIT):
    // the consumer naks, JetStream redelivers, the inbox row is already there.
    const flaky: TransactionRunner<PgExecutor> = async (fn) => {
      const result = await w.env.runner(fn);
      if (!lostOnce) {
        lostOnce = true;
        throw new Error('connection reset after COMMIT');
      }
      return result;
    };
    await w.startConsumer({ runner: flaky });
    await w.publishRaw(JSON.stringify(submittedPayload('app-lost-ack')), {
      msgId: randomUUID(),
      eventId: randomUUID(),
    });
    await w.settled();

    const ci = await w.env.jsm.consumers.info(w.env.stream('INTAKE_EVENTS'), 'notify-submitted');
    expect(ci.delivered.consumer_seq).toBe(2); // delivered twice
    expect(w.handlerCalls).toBe(1);
    expect((await w.effects()).length).toBe(1);
  });

  it('applies an event once when the handler outlives the ack wait and two instances share the durable', async () => {
    w = await World.create();
    const handler = w.effect(2500); // ack wait is 1 s: JetStream redelivers while the first is busy
    await w.startConsumer({ handler });
    await w.startConsumer({ handler });
    await w.publishRaw(JSON.stringify(submittedPayload('app-slow')), {
      msgId: randomUUID(),
      eventId: randomUUID(),
    });
    await waitFor(async () => (await w.effects()).length > 0, 'the slow effect');
    await w.settled();

    const ci = await w.env.jsm.consumers.info(w.env.stream('INTAKE_EVENTS'), 'notify-submitted');
    expect(ci.delivered.consumer_seq).toBeGreaterThanOrEqual(2); // it was redelivered
    expect((await w.effects()).length).toBe(1);
    expect(await w.inboxCount()).toBe(1);
  });

  it('dead-letters invalid messages with a reason and goes on with the next valid one', async () => {
    w = await World.create();
    await w.startConsumer({});
    const badJsonRequest = randomUUID();
    await w.publishRaw('{"applicationId": "unterminated', {
      msgId: randomUUID(),
      eventId: randomUUID(),
      requestId: badJsonRequest,
    });
    await w.publishRaw(JSON.stringify({ ...submittedPayload('app-bad'), batchYear: 'soon', hacked: true }), {
      msgId: randomUUID(),
      eventId: randomUUID(),
    });
    await w.publishRaw(JSON.stringify(submittedPayload('app-no-id'))); // neither Nats-Msg-Id nor x-event-id
    const validId = randomUUID();
    await w.publishRaw(JSON.stringify(submittedPayload('app-good')), { msgId: validId, eventId: validId });
    await w.settled();

    expect(await w.effects()).toEqual([{ application_id: 'app-good', event_id: validId }]);
    const dead = await waitFor(async () => {
      const msgs = await w.env.streamMessages('DLQ');
      return msgs.length === 3 ? msgs : undefined;
    }, 'three dead letters');
    expect(dead.map((m) => m.header.get(HEADER.dlqReason))).toEqual([
      'INVALID_JSON',
      'INVALID_PAYLOAD',
      'MISSING_EVENT_ID',
    ]);
    for (const m of dead) {
      expect(m.subject).toBe(`${w.env.namespace}.dlq.notify.${SUBJECT}`);
      expect(m.header.get(HEADER.dlqSubject)).toBe(SUBJECT);
      expect(m.header.get(HEADER.dlqConsumer)).toBe('notify-submitted');
      expect(m.header.get(HEADER.dlqDetail)).not.toBe('');
    }
    expect(new TextDecoder().decode(dead[0].data)).toBe('{"applicationId": "unterminated');
    expect(dead[0].header.get(HEADER.requestId)).toBe(badJsonRequest);
    expect(dead[1].header.get(HEADER.dlqDetail)).toMatch(/batchYear/);
    expect(dead[1].header.get(HEADER.dlqDetail)).toMatch(/hacked/);
    // one log line per dead letter, with the request id
    const lines = logs
      .find('event dead-lettered')
      .filter((l) => String(l.dlqSubject).startsWith(w.env.namespace));
    expect(lines).toHaveLength(3);
    expect(lines[0].requestId).toBe(badJsonRequest);
  });

  it('retries a failing handler with nak and dead-letters it after maxDeliver, without blocking later events', async () => {
    w = await World.create();
    await w.startConsumer({});
    await w.publishRaw(JSON.stringify(submittedPayload('poison-1')), {
      msgId: randomUUID(),
      eventId: randomUUID(),
    });
    await w.publishRaw(JSON.stringify(submittedPayload('app-after')), {
      msgId: randomUUID(),
      eventId: randomUUID(),
    });
    await w.settled();

    expect((await w.effects()).map((e) => e.application_id)).toEqual(['app-after']);
    expect(await w.inboxCount()).toBe(1); // the failed attempts rolled their inbox row back
    const dead = await w.env.streamMessages('DLQ');
    expect(dead).toHaveLength(1);
    expect(dead[0].header.get(HEADER.dlqReason)).toBe('HANDLER_FAILED');
    expect(dead[0].header.get(HEADER.dlqDetail)).toBe('cannot apply poison-1');
    expect(dead[0].header.get(HEADER.dlqDeliveries)).toBe('3');
    expect(w.handlerCalls).toBe(3 + 1);
  });

  it('handles a backlog in shared transactions, in order, each event once', async () => {
    w = await World.create();
    const ids = Array.from({ length: 30 }, (_, i) => `app-${String(i).padStart(2, '0')}`);
    const dupId = randomUUID();
    for (const [i, id] of ids.entries()) {
      await w.publishRaw(JSON.stringify(submittedPayload(id)), {
        msgId: randomUUID(),
        eventId: i === 5 || i === 6 ? dupId : randomUUID(), // the same event twice in one batch
      });
    }
    let transactions = 0;
    const counting: TransactionRunner<PgExecutor> = (fn) => {
      transactions += 1;
      return w.env.runner(fn);
    };
    await w.startConsumer({ runner: counting });
    await w.settled();

    expect((await w.effects()).map((e) => e.application_id)).toEqual(ids.filter((_, i) => i !== 6)); // 6 repeats 5's event id
    expect(await w.inboxCount()).toBe(29);
    expect(transactions).toBeLessThan(10); // 30 events, a few transactions
  });

  it('gives a backlog to the batch handler when there is one, in order, new events only', async () => {
    w = await World.create();
    const ids = Array.from({ length: 12 }, (_, i) => `bulk-${String(i).padStart(2, '0')}`);
    const seen = randomUUID();
    await w.publishRaw(JSON.stringify(submittedPayload('bulk-seen')), { msgId: randomUUID(), eventId: seen });
    await w.startConsumer({});
    await w.settled();
    await Promise.all(w.consumers.map((c) => c.stop()));
    w.consumers.length = 0;
    const singleBefore = w.handlerCalls;
    await w.publishRaw(JSON.stringify(submittedPayload('bulk-seen')), { msgId: randomUUID(), eventId: seen }); // already applied
    for (const id of ids) await w.publishRaw(JSON.stringify(submittedPayload(id)), { msgId: randomUUID(), eventId: randomUUID() });
    const sizes: number[] = [];
    await w.startConsumer({
      batchHandler: async (events, tx) => {
        sizes.push(events.length);
        for (const { payload, meta } of events) {
          await tx.$executeRawUnsafe(`INSERT INTO ${w.env.table('effects')} (application_id, event_id) VALUES ($1, $2::uuid)`, payload.applicationId, meta.eventId);
        }
      },
    });
    await w.settled();

    expect((await w.effects()).map((e) => e.application_id)).toEqual(['bulk-seen', ...ids]);
    // A pull that brings one message alone goes to the single-event handler (processBatch): under
    // load that happens now and then, so count both; most arrive in batches.
    expect(sizes.reduce((a, b) => a + b, 0) + (w.handlerCalls - singleBefore)).toBe(12);
    expect(sizes.length).toBeLessThan(12);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(6);
  });

  it('retries a batch that fails one by one: the poison event alone is dead-lettered, the others applied once', async () => {
    w = await World.create();
    const ids = ['app-a', 'app-b', 'poison-c', 'app-d', 'app-e'];
    for (const id of ids) await w.publishRaw(JSON.stringify(submittedPayload(id)), { msgId: randomUUID(), eventId: randomUUID() });
    await w.startConsumer({});
    await w.settled();

    expect((await w.effects()).map((e) => e.application_id)).toEqual(['app-a', 'app-b', 'app-d', 'app-e']);
    expect(await w.inboxCount()).toBe(4);
    expect((await w.env.streamMessages('DLQ')).map((m) => m.header.get(HEADER.dlqReason))).toEqual(['HANDLER_FAILED']);
  });

  it('hands the handler the request id, actor and event id from the headers', async () => {
    w = await World.create();
    const seen: MessageMeta[] = [];
    await w.startConsumer({
      handler: async (_p, _tx, meta) => {
        seen.push(meta);
      },
    });
    const headers = natsHeaders();
    headers.set(HEADER.requestId, 'req-42');
    headers.set(
      HEADER.actor,
      JSON.stringify({ userId: 'u-9', role: 'prefecture_officer', prefectureId: '150100' }),
    );
    const eventId = randomUUID();
    headers.set(HEADER.eventId, eventId);
    headers.set(HEADER.occurredAt, '2026-03-01T08:00:00.000Z');
    await w.env.adminClient.js.publish(
      `${w.env.namespace}.${SUBJECT}`,
      JSON.stringify(submittedPayload('app-meta')),
      {
        headers,
        msgID: eventId,
      },
    );
    await w.settled();
    expect(seen).toEqual([
      {
        requestId: 'req-42',
        actor: { userId: 'u-9', role: 'prefecture_officer', prefectureId: '150100' },
        eventId,
        occurredAt: '2026-03-01T08:00:00.000Z',
      },
    ]);
  });

  afterAll(() => {
    expect(logs.withoutRequestId()).toEqual([]);
  });
});
