import { randomUUID } from 'node:crypto';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import {
  Answers,
  ensureStreams,
  EventConsumers,
  generateActorKeys,
  HEADER,
  metricsRegistry,
  Namespace,
  NatsRpcServer,
  Outbox,
  OutboxRelay,
  ServiceClient,
  setTracing,
  type MessageMeta,
} from '../src';
import type { PgExecutor } from '../src/testing';
import { ApplicationSubmittedV1, submittedPayload, SubmitApplicationV1, type SubmitApplicationV1Dto } from './support/contracts';
import { logs, NATS_URL, sleep, TestEnv, waitFor } from './support/env';

/**
 * One request followed from the caller through the service's RPC handler, its outbox row, the
 * relay's publish to JetStream and another service's consumer (ADR 0037), with the real SDK's
 * in-memory exporter, and the metrics that traffic moves.
 */
const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
const contextManager = new AsyncLocalStorageContextManager().enable();

let env: TestEnv;
let outbox: Outbox;
let relay: OutboxRelay;
let consumers: EventConsumers<PgExecutor>;
let client: ServiceClient;
let app: INestMicroservice;
const keys = generateActorKeys();
/** What the consumer saw: the active span's trace id while its handler ran. */
const consumed = new Map<string, { traceId: string | undefined; deliveries: number }>();
let failOnce = new Set<string>();
let hold: { id: string; until: Promise<void> } | undefined;

@Controller()
class SubmitController {
  @Answers(SubmitApplicationV1)
  async submit(payload: SubmitApplicationV1Dto, meta: MessageMeta) {
    await env.runner((tx) => outbox.append(tx, ApplicationSubmittedV1, submittedPayload(payload.applicationId), meta));
    relay.nudge();
    return { applicationId: payload.applicationId };
  }
}

@Module({ controllers: [SubmitController] })
class IntakeModule {}

async function metric(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const m = metricsRegistry.getSingleMetric(name);
  if (!m) return undefined;
  const { values } = await m.get();
  const hit = values.find((v) => Object.entries(labels).every(([k, want]) => String((v.labels as Record<string, unknown>)[k]) === want));
  return hit?.value;
}

beforeAll(async () => {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  setTracing(true);
  env = await TestEnv.create();
  await ensureStreams(env.jsm, new Namespace(env.namespace), [{ name: 'INTAKE_EVENTS', subjects: [ApplicationSubmittedV1.subject] }]);
  outbox = new Outbox(env.config());
  relay = new OutboxRelay(env.config({ relay: { intervalMs: 50, batchSize: 10, maxBackoffMs: 400 } }), await env.connect());
  relay.start();
  consumers = new EventConsumers<PgExecutor>(
    env.config({ serviceName: 'notify', consumers: { ackWaitMs: 1000, retryDelayMs: 50, maxDeliver: 3 } }),
    await env.connect('notify'),
  );
  consumers.register(ApplicationSubmittedV1, {
    durable: 'notify-submitted',
    handler: async (payload, _tx, meta) => {
      const seen = consumed.get(payload.applicationId);
      consumed.set(payload.applicationId, { traceId: trace.getActiveSpan()?.spanContext().traceId, deliveries: (seen?.deliveries ?? 0) + 1 });
      if (hold?.id === payload.applicationId) await hold.until;
      if (failOnce.delete(payload.applicationId)) throw new Error(`first delivery of ${meta.eventId} fails`);
    },
  });
  await consumers.start();
  app = await NestFactory.createMicroservice(IntakeModule, {
    strategy: new NatsRpcServer({ serviceName: 'intake', natsUrl: [NATS_URL], ns: new Namespace(env.namespace), actorVerifyKey: keys.verifyKey }),
    logger: logs,
  });
  await app.listen();
  client = new ServiceClient({ name: 'gateway', natsUrl: [NATS_URL], ns: new Namespace(env.namespace), actorSigningKey: keys.signingKey, timeoutMs: 5000 });
});

afterAll(async () => {
  setTracing(false);
  await client.close();
  await app.close();
  await consumers.stop();
  await relay.stop();
  await env.close();
  await provider.shutdown();
  contextManager.disable();
  trace.disable();
  context.disable();
  propagation.disable();
});

const meta = (): MessageMeta => ({ requestId: randomUUID(), actor: { userId: 'u-1', role: 'enterprise' } });

it('one trace id from the caller through RPC, the outbox, JetStream and the consumer, each span the child of the one before', async () => {
  exporter.reset();
  const applicationId = `traced-${randomUUID()}`;
  const root = trace.getTracer('test').startSpan('HTTP POST /api/applications', { kind: SpanKind.SERVER });
  await context.with(trace.setSpan(context.active(), root), () =>
    client.request(SubmitApplicationV1, { applicationId, category: 'equipment' }, meta()),
  );
  root.end();
  const traceId = root.spanContext().traceId;
  const got = await waitFor(async () => consumed.get(applicationId), 'the event consumed');
  expect(got.traceId).toBe(traceId);

  const spans = await waitFor(async () => {
    const s = exporter.getFinishedSpans().filter((x) => x.spanContext().traceId === traceId);
    return s.some((x) => x.name.startsWith('process ')) ? s : undefined;
  }, 'the consumer span exported');
  const byName = (name: string) => {
    const s = spans.find((x) => x.name === name);
    if (!s) throw new Error(`no span ${name} in ${spans.map((x) => x.name).join(', ')}`);
    return s;
  };
  const rpcClient = byName(`rpc ${SubmitApplicationV1.subject}`);
  const rpcServer = spans.find((x) => x.name === `rpc ${SubmitApplicationV1.subject}` && x.kind === SpanKind.SERVER)!;
  const publish = byName(`publish ${ApplicationSubmittedV1.subject}`);
  const processed = byName(`process ${ApplicationSubmittedV1.subject}`);
  expect(spans.find((x) => x.name === rpcClient.name && x.kind === SpanKind.CLIENT)?.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
  const clientSpan = spans.find((x) => x.name === rpcClient.name && x.kind === SpanKind.CLIENT)!;
  expect(rpcServer.parentSpanContext?.spanId).toBe(clientSpan.spanContext().spanId);
  expect(publish.parentSpanContext?.spanId).toBe(rpcServer.spanContext().spanId);
  expect(processed.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
  expect(processed.kind).toBe(SpanKind.CONSUMER);
  expect(processed.attributes['messaging.consumer.group.name']).toBe('notify-submitted');
});

it('stores the trace context with the outbox row, so a relay in another process continues it', async () => {
  const applicationId = `row-${randomUUID()}`;
  const root = trace.getTracer('test').startSpan('job');
  await context.with(trace.setSpan(context.active(), root), () =>
    env.runner((tx) => outbox.append(tx, ApplicationSubmittedV1, submittedPayload(applicationId), meta())),
  );
  root.end();
  const { rows } = await env.pool.query(`SELECT headers FROM ${env.table('outbox_events')} WHERE payload->>'applicationId' = $1`, [applicationId]);
  expect(rows[0].headers.traceparent).toMatch(new RegExp(`^00-${root.spanContext().traceId}-${root.spanContext().spanId}-01$`));
});

it('a hostile or malformed traceparent from the bus is ignored: the consumer starts a trace of its own', async () => {
  const applicationId = `hostile-${randomUUID()}`;
  const h = natsHeaders();
  h.set(HEADER.requestId, randomUUID());
  h.set(HEADER.eventId, randomUUID());
  h.set('traceparent', '00-00000000000000000000000000000000-0000000000000000-01'); // all-zero ids are invalid
  h.set('tracestate', 'x'.repeat(600));
  await env.adminClient.js.publish(`${env.namespace}.${ApplicationSubmittedV1.subject}`, JSON.stringify(submittedPayload(applicationId)), { headers: h });
  const got = await waitFor(async () => consumed.get(applicationId), 'the event consumed');
  expect(got.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(got.traceId).not.toBe('0'.repeat(32));
});

it('with tracing off nothing is stored or sent: no traceparent on the row', async () => {
  setTracing(false);
  try {
    const applicationId = `untraced-${randomUUID()}`;
    const root = trace.getTracer('test').startSpan('job');
    await context.with(trace.setSpan(context.active(), root), () =>
      env.runner((tx) => outbox.append(tx, ApplicationSubmittedV1, submittedPayload(applicationId), meta())),
    );
    root.end();
    const { rows } = await env.pool.query(`SELECT headers FROM ${env.table('outbox_events')} WHERE payload->>'applicationId' = $1`, [applicationId]);
    expect(rows[0].headers).not.toHaveProperty('traceparent');
    await waitFor(async () => consumed.get(applicationId), 'the event consumed');
  } finally {
    setTracing(true);
  }
});

it('the metrics move with real traffic: RPC latency, published events, redeliveries, dead letters, pending, outbox lag', async () => {
  const subject = SubmitApplicationV1.subject;
  const serverBefore = (await metric('messaging_rpc_server_duration_seconds', { service: 'intake', subject, outcome: 'ok', le: '+Inf' })) ?? 0;
  const clientBefore = (await metric('messaging_rpc_client_duration_seconds', { subject, outcome: 'ok', le: '+Inf' })) ?? 0;
  const publishedBefore = (await metric('messaging_outbox_published_total', { service: 'intake' })) ?? 0;
  const redeliveredBefore = (await metric('messaging_event_redeliveries_total', { service: 'notify', durable: 'notify-submitted' })) ?? 0;
  const deadBefore = (await metric('messaging_dead_letters_total', { service: 'notify', durable: 'notify-submitted', reason: 'INVALID_JSON' })) ?? 0;

  const flaky = `flaky-${randomUUID()}`;
  failOnce = new Set([flaky]);
  for (const id of [flaky, `m-${randomUUID()}`, `m-${randomUUID()}`]) {
    await client.request(SubmitApplicationV1, { applicationId: id, category: 'material' }, meta());
  }
  await waitFor(async () => (consumed.get(flaky)?.deliveries ?? 0) >= 2, 'the failed event redelivered');
  const h = natsHeaders();
  h.set(HEADER.requestId, randomUUID());
  h.set(HEADER.eventId, randomUUID());
  await env.adminClient.js.publish(`${env.namespace}.${ApplicationSubmittedV1.subject}`, '{not json', { headers: h });

  await waitFor(async () => ((await metric('messaging_dead_letters_total', { service: 'notify', durable: 'notify-submitted', reason: 'INVALID_JSON' })) ?? 0) > deadBefore, 'the dead letter counted');
  expect(await metric('messaging_rpc_server_duration_seconds', { service: 'intake', subject, outcome: 'ok', le: '+Inf' })).toBe(serverBefore + 3);
  expect(await metric('messaging_rpc_client_duration_seconds', { subject, outcome: 'ok', le: '+Inf' })).toBe(clientBefore + 3);
  expect(await metric('messaging_outbox_published_total', { service: 'intake' })).toBeGreaterThanOrEqual(publishedBefore + 3);
  expect(await metric('messaging_event_redeliveries_total', { service: 'notify', durable: 'notify-submitted' })).toBeGreaterThan(redeliveredBefore);

  // Backlog: a handler holding one event keeps it (and what arrives behind it) unacknowledged.
  const holdId = `hold-${randomUUID()}`;
  let release!: () => void;
  hold = { id: holdId, until: new Promise<void>((r) => (release = r)) };
  try {
    await client.request(SubmitApplicationV1, { applicationId: holdId, category: 'material' }, meta());
    await waitFor(async () => consumed.get(holdId), 'the held event in the handler');
    await client.request(SubmitApplicationV1, { applicationId: `behind-${randomUUID()}`, category: 'material' }, meta());

    // Outbox lag: a relay polling once a minute leaves a row appended without a nudge waiting.
    await relay.stop();
    const slow = new OutboxRelay(env.config({ relay: { intervalMs: 60_000, batchSize: 10, maxBackoffMs: 400 } }), await env.connect());
    slow.start();
    await sleep(300); // its first batch (at start) has run
    await env.runner((tx) => outbox.append(tx, ApplicationSubmittedV1, submittedPayload(`lag-${randomUUID()}`), meta()));
    await sleep(1100);
    const text = await metricsRegistry.metrics();
    await slow.stop();
    relay.start();
    expect(text).toMatch(/messaging_outbox_unpublished_events\{service="intake"\} 1\n/);
    const age = Number(/messaging_outbox_oldest_unpublished_age_seconds\{service="intake"\} ([0-9.e+-]+)/.exec(text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(1);
    expect(age).toBeLessThan(60);
    const ackPending = Number(/messaging_consumer_ack_pending_messages\{service="notify",durable="notify-submitted"\} ([0-9]+)/.exec(text)?.[1]);
    expect(ackPending).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/messaging_consumer_pending_messages\{service="notify",durable="notify-submitted"\} [0-9]+/);
    expect(text).toMatch(/# TYPE messaging_rpc_server_duration_seconds histogram/);
  } finally {
    release();
  }
  // Once released, the backlog drains and the outbox empties: the gauges follow.
  await waitFor(async () => {
    const text = await metricsRegistry.metrics();
    return /messaging_outbox_unpublished_events\{service="intake"\} 0\n/.test(text) &&
      /messaging_consumer_ack_pending_messages\{service="notify",durable="notify-submitted"\} 0\n/.test(text);
  }, 'the gauges back to zero');
});
