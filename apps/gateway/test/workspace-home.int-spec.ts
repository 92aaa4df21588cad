import { intakeModule } from '@firstset/intake/module';
import { cleanupTestEnv, newTestEnv, RunningService, startServiceInProcess } from '@firstset/testing';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { WORKLOAD_TIMEOUT_MS } from '../src/routes/workspace.controller';
import { http, RunningGateway, startGateway } from './gateway-harness';

// The workspace home (ADR 0030): the gateway asks the services that hold the caller's work in
// parallel and composes their answers; a service that is down or does not answer in time yields
// its section marked unavailable, and the page still answers.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
let gw: RunningGateway;
let intake: RunningService;
let silent: NatsConnection;
const tokens: Record<string, string> = {};
const day = 86_400_000;

beforeAll(async () => {
  // Intake answers; publicity is held by a subscriber that never replies; preliminary review is not running.
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  silent = await connect({ servers: env.natsUrl });
  silent.subscribe(`${env.namespace}.publicity.workload.get.v1`, { queue: 'publicity', callback: () => undefined });
  gw = await startGateway(env, [
    { username: 'north', displayName: '北方重装', role: 'enterprise', enterpriseUscc: '91150200MA0N4KXX4C', password: PASSWORD },
    { username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD },
    { username: 'baotou', displayName: '包头', role: 'prefecture_officer', prefectureId: '150200', password: PASSWORD },
  ]);
  for (const u of ['north', 'dept', 'baotou']) tokens[u] = (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username: u, password: PASSWORD } })).body.accessToken as string;
  const year = new Date().getFullYear();
  const opened = await http(gw.baseUrl, 'POST', '/batches', {
    token: tokens.dept,
    body: {
      year,
      name: `${year}年度首台（套）认定`,
      windowOpensAt: new Date(Date.now() - day).toISOString(),
      windowClosesAt: new Date(Date.now() + 30 * day).toISOString(),
      prefectureDeadline: new Date(Date.now() + 50 * day).toISOString().slice(0, 10),
    },
  });
  expect(opened.status).toBe(201);
});

afterAll(async () => {
  await silent?.close();
  await gw?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('GET /api/workspace/home', () => {
  it('composes the enterprise\'s work from intake', async () => {
    const home = await http(gw.baseUrl, 'GET', '/workspace/home', { token: tokens.north });
    expect(home.status).toBe(200);
    expect(home.body).toEqual({
      sections: [
        {
          service: 'intake',
          available: true,
          items: [
            { key: 'enterprise.drafts', count: 0, nextDeadline: null },
            { key: 'enterprise.returned', count: 0, nextDeadline: null },
            { key: 'enterprise.unreadNotices', count: 0, nextDeadline: null },
          ],
        },
      ],
    });
  });

  it('marks a service that does not answer in time unavailable and still answers with the others\' sections', async () => {
    const started = Date.now();
    const home = await http(gw.baseUrl, 'GET', '/workspace/home', { token: tokens.dept });
    const ms = Date.now() - started;
    expect(home.status).toBe(200);
    expect(home.body.sections).toEqual([
      { service: 'intake', available: true, items: [{ key: 'department.openBatches', count: 1, nextDeadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }] },
      { service: 'publicity', available: false, items: [] },
      // Compliance is not running here: unavailable at once, beside the silent one.
      { service: 'compliance', available: false, items: [] },
    ]);
    // Waited for the silent service no longer than its timeout (the services are asked in parallel).
    expect(ms).toBeGreaterThanOrEqual(WORKLOAD_TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(WORKLOAD_TIMEOUT_MS + 2_000);
  });

  it('marks a service that is not running unavailable at once', async () => {
    const started = Date.now();
    const home = await http(gw.baseUrl, 'GET', '/workspace/home', { token: tokens.baotou });
    expect(home.status).toBe(200);
    expect(home.body).toEqual({ sections: [{ service: 'preliminary-review', available: false, items: [] }] });
    expect(Date.now() - started).toBeLessThan(WORKLOAD_TIMEOUT_MS + 2_000);
  });

  it('refuses a request without a valid token (401) with problem details', async () => {
    const anonymous = await http(gw.baseUrl, 'GET', '/workspace/home');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    expect((await http(gw.baseUrl, 'GET', '/workspace/home', { token: 'not-a-token' })).status).toBe(401);
  });
});
