import { cleanupTestEnv, newTestEnv } from '@firstset/testing';
import { http, RunningGateway, startGateway } from './gateway-harness';

const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
let gw: RunningGateway;

beforeAll(async () => {
  gw = await startGateway(
    env,
    [
      { username: 'a', displayName: 'A', role: 'auditor', password: PASSWORD },
      { username: 'b', displayName: 'B', role: 'auditor', password: PASSWORD },
    ],
    { RATE_LIMIT_PER_MINUTE: '5', LOGIN_RATE_LIMIT_PER_MINUTE: '3' },
  );
});

afterAll(async () => {
  await gw?.close();
  await cleanupTestEnv(env);
});

const login = (username: string) => http(gw.baseUrl, 'POST', '/auth/login', { body: { username, password: PASSWORD } });

describe('rate limits', () => {
  it('limits sign-in attempts per client address, with problem details and Retry-After', async () => {
    const a = await login('a');
    const b = await login('b');
    await login('nobody');
    const fourth = await login('a');
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([fourth.status, fourth.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(fourth.headers.get('content-type')).toMatch(/problem\+json/);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);

    // Signed-in calls count per user: A's sixth is refused while B still gets through.
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await http(gw.baseUrl, 'GET', '/auth/me', { token: a.body.accessToken })).status);
    expect(results).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await http(gw.baseUrl, 'GET', '/auth/me', { token: b.body.accessToken })).status).toBe(200);
  });
});
