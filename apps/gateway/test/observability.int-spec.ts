import { createServer } from 'node:net';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { SpanKind } from '@opentelemetry/api';
import { intakeModule } from '@firstset/intake/module';
import { startTracing, type Tracing } from '@firstset/service-kit';
import { cleanupTestEnv, newTestEnv, RunningService, startServiceInProcess } from '@firstset/testing';
import { http, RunningGateway, startGateway } from './gateway-harness';

/**
 * ADR 0037 end to end in one process: the browser's traceparent continued by the gateway's span,
 * the signed NATS request, intake's handler, its outbox row and the relay's publish to JetStream,
 * all under one trace id; the metrics scraped from the health port (never from the public one).
 */
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let gw: RunningGateway;
let intake: RunningService;
let nc: NatsConnection;
let healthPort: number;

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

beforeAll(async () => {
  tracing = startTracing('firstset-test', { exporter })!;
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  healthPort = await freePort();
  gw = await startGateway(env, [{ username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD }], { HEALTH_PORT: String(healthPort) });
  nc = await connect({ servers: env.natsUrl });
});

afterAll(async () => {
  await nc?.drain();
  await gw?.close();
  await intake?.close();
  await tracing?.shutdown();
  await cleanupTestEnv(env);
});

it('one trace from the browser through the gateway, intake and its outbox to the event on JetStream', async () => {
  const token = (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username: 'dept', password: PASSWORD } })).body.accessToken;
  const traceId = 'a3ce929d0e0e47364bf92f3577b34da6';
  const browserSpan = '00f067aa0ba902b7';
  const res = await fetch(`${gw.baseUrl}/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', traceparent: `00-${traceId}-${browserSpan}-01` },
    body: JSON.stringify({ year: 2031, name: '2031 年度第一批', windowOpensAt: '2031-01-01T00:00:00Z', windowClosesAt: '2031-02-01T00:00:00Z', prefectureDeadline: '2031-03-01' }),
  });
  expect(res.status).toBe(201);

  // The event as JetStream stores it carries the trace on to its consumers.
  const jsm = await jetstreamManager(nc);
  const subject = `${env.namespace}.intake.batch.opened.v1`;
  const stored = await waitFor(async () => jsm.streams.getMessage(await jsm.streams.find(subject), { last_by_subj: subject }).then((m) => m ?? undefined, () => undefined));
  expect(stored.header.get('traceparent')).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

  const spans = await waitFor(async () => {
    const mine = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    return mine.some((s) => s.name === 'publish intake.batch.opened.v1') ? mine : undefined;
  });
  const one = (name: string, kind: SpanKind) => {
    const s = spans.find((x) => x.name === name && x.kind === kind);
    if (!s) throw new Error(`no ${name} (${kind}) among ${spans.map((x) => `${x.name}/${x.kind}`).join(', ')}`);
    return s;
  };
  const httpSpan = one('HTTP POST /api/batches', SpanKind.SERVER);
  const client = one('rpc intake.batch.open.v1', SpanKind.CLIENT);
  const server = one('rpc intake.batch.open.v1', SpanKind.SERVER);
  const publish = one('publish intake.batch.opened.v1', SpanKind.PRODUCER);
  expect(httpSpan.parentSpanContext?.spanId).toBe(browserSpan);
  expect(client.parentSpanContext?.spanId).toBe(httpSpan.spanContext().spanId);
  expect(server.parentSpanContext?.spanId).toBe(client.spanContext().spanId);
  expect(publish.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
  expect(stored.header.get('traceparent')).toBe(`00-${traceId}-${publish.spanContext().spanId}-01`);
});

it('serves the metrics on the health port, moved by that traffic, and not on the public API', async () => {
  const text = await (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
  expect(text).toMatch(/gateway_http_request_duration_seconds_count\{method="POST",route="\/api\/batches",status="2xx"\} [1-9]/);
  expect(text).toMatch(/messaging_rpc_client_duration_seconds_count\{subject="intake.batch.open.v1",outcome="ok"\} [1-9]/);
  expect(text).toMatch(/messaging_rpc_server_duration_seconds_count\{service="intake",subject="intake.batch.open.v1",outcome="ok"\} [1-9]/);
  expect(text).toMatch(/messaging_outbox_published_total\{service="intake"\} [1-9]/);
  for (const path of ['/metrics', '/health/../metrics', '/api/../metrics']) {
    const pub = await fetch(`${gw.baseUrl}${path}`);
    expect(pub.status).not.toBe(200);
    expect(await pub.text()).not.toContain('messaging_');
  }
  const root = await fetch(gw.baseUrl.replace(/\/api$/, '/metrics'));
  expect(await root.text()).not.toContain('# TYPE');
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
