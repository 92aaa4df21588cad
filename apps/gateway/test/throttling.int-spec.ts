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
    const wait = Number(fourth.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    // When to try again, in the body too, for the page to say so in the user's language.
    expect(fourth.body).toMatchObject({ title: '请求过于频繁 / Too many requests', retryAfterSeconds: wait, detail: `请在 ${wait} 秒后重试 / Try again in ${wait} s` });

    // Signed-in calls count per user: A's sixth is refused while B still gets through.
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await http(gw.baseUrl, 'GET', '/auth/me', { token: a.body.accessToken })).status);
    expect(results).toEqual([200, 200, 200, 200, 200, 429]);
    const sixth = await http(gw.baseUrl, 'GET', '/auth/me', { token: a.body.accessToken });
    expect([sixth.status, sixth.body.retryAfterSeconds > 0, Number(sixth.headers.get('retry-after'))]).toEqual([429, true, sixth.body.retryAfterSeconds]);
    expect((await http(gw.baseUrl, 'GET', '/auth/me', { token: b.body.accessToken })).status).toBe(200);
  });
});
