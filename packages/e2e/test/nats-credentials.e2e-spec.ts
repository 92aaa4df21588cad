import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { AuthNatsServer, cleanupTestEnv, eventually, http, newTestEnv, REPO_ROOT, startAuthNatsServer } from '@firstset/testing';
import { Platform, SERVICES, startPlatform } from './platform';

/**
 * The platform on a nats-server with the generated authorization (ADR 0013): every process signs
 * in as its own user and does its work (RPC, stream ensures, durable consumers, outbox relay)
 * without one permission violation; this test's own connections are the unrestricted harness.
 */
const env = newTestEnv();
const demo = JSON.parse(readFileSync(join(REPO_ROOT, 'scripts', 'demo-data.json'), 'utf8'));
let server: AuthNatsServer;
let platform: Platform;

beforeAll(async () => {
  server = await startAuthNatsServer({ namespace: env.namespace, clockControl: true, harnessUser: 'harness' });
  env.natsUrl = server.url;
  env.natsPasswords = Object.fromEntries(Object.entries(server.passwords).filter(([u]) => u !== 'harness'));
  platform = await startPlatform(env);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await cleanupTestEnv(env).catch(() => undefined);
  await server?.stop();
});

it('serves, relays an event to its consumers, and trips no permission on the way', async () => {
  // Every service answered the gateway's health request (startPlatform waits for it).
  const login = await http(platform.baseUrl, 'POST', '/auth/login', { body: { username: 'dept.admin', password: demo.password } });
  expect(login.status).toBe(200);
  const token = login.body.accessToken as string;

  // Intake's relay publishes BatchOpened; preliminary-review's durable consumer takes it.
  const batch = await http(platform.baseUrl, 'POST', '/batches', {
    token,
    body: { year: 2031, name: '凭据测试批次 / credentials test batch', windowOpensAt: '2031-01-01T00:00:00+08:00', windowClosesAt: '2031-12-31T00:00:00+08:00', prefectureDeadline: '2032-01-15' },
  });
  expect(batch.status).toBe(201);
  const nc = await connect({ servers: server.url });
  try {
    const jsm = await jetstreamManager(nc);
    const consumer = await eventually(
      () => jsm.consumers.info(`${env.namespace}_INTAKE_EVENTS`, 'preliminary-review-batches').catch(() => undefined),
      (c) => !!c && c.num_pending === 0 && c.delivered.stream_seq >= 1 && c.num_ack_pending === 0,
      { what: 'preliminary-review acknowledged BatchOpened', timeoutMs: 20_000 },
    );
    expect(consumer!.config.filter_subject).toBe(`${env.namespace}.intake.batch.opened.v1`);
  } finally {
    await nc.close();
  }

  const violations = server.log().split('\n').filter((l) => /Violation|Authorization Error/i.test(l));
  expect(violations).toEqual([]);
  expect(SERVICES.every((s) => platform.processes.get(s)?.exitCode === null)).toBe(true);
});
