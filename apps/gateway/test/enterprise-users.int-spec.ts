import { cleanupTestEnv, eventually, newTestEnv, schemaOf, sql } from '@firstset/testing';
import { http, RunningGateway, startGateway } from './gateway-harness';

// Several users per enterprise (issue 4 item 2): the administrator manages its enterprise's users.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const ENT = '91150200MA0N4KXX4C';
const OTHER = '91150100MA0P7RYY69';
let gw: RunningGateway;
const tokens: Record<string, string> = {};

const login = (username: string, password = PASSWORD) => http(gw.baseUrl, 'POST', '/auth/login', { body: { username, password } });
const audited = async (action: string) =>
  (await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM "${schemaOf(env, 'gateway')}".audit_records WHERE action = $1`, [action]))[0].n;

beforeAll(async () => {
  gw = await startGateway(env, [
    { username: 'boss', displayName: '管理员', role: 'enterprise', enterpriseUscc: ENT, enterpriseAdmin: true, password: PASSWORD },
    { username: 'clerk', displayName: '经办人', role: 'enterprise', enterpriseUscc: ENT, password: PASSWORD },
    { username: 'rival', displayName: '他企管理员', role: 'enterprise', enterpriseUscc: OTHER, enterpriseAdmin: true, password: PASSWORD },
    { username: 'officer', displayName: '包头', role: 'prefecture_officer', prefectureId: '150200', password: PASSWORD },
  ]);
  for (const u of ['boss', 'clerk', 'rival', 'officer']) tokens[u] = (await login(u)).body.accessToken;
});

afterAll(async () => {
  await gw?.close();
  await cleanupTestEnv(env);
});

describe('users of an enterprise', () => {
  it('the administrator adds a staff user who signs in for the same enterprise; staff and others cannot add users', async () => {
    const created = await http(gw.baseUrl, 'POST', '/enterprise/users', {
      token: tokens.boss,
      body: { username: 'new.staff', displayName: '新经办人', password: 'Staff2026pass' },
    });
    expect([created.status, created.body.admin, created.body.disabled]).toEqual([201, false, false]);
    expect(await audited('enterprise.user.create')).toBe(1);
    const staff = await login('new.staff', 'Staff2026pass');
    expect(staff.body.actor).toMatchObject({ role: 'enterprise', enterpriseUscc: ENT });

    const list = await http(gw.baseUrl, 'GET', '/enterprise/users', { token: tokens.clerk });
    expect(list.body.map((u: { username: string }) => u.username)).toEqual(['boss', 'clerk', 'new.staff']);
    expect(list.body[0]).not.toHaveProperty('passwordHash');

    const byClerk = await http(gw.baseUrl, 'POST', '/enterprise/users', { token: tokens.clerk, body: { username: 'x.y', displayName: 'x', password: 'Another2026pass' } });
    expect([byClerk.status, byClerk.body.code]).toEqual([403, 'ENTERPRISE_ADMIN_ONLY']);
    const byOfficer = await http(gw.baseUrl, 'GET', '/enterprise/users', { token: tokens.officer });
    expect([byOfficer.status, byOfficer.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('refuses a taken username, a weak password and unknown fields with problem details, creating nothing', async () => {
    const before = await audited('enterprise.user.create');
    const cases = [
      { body: { username: 'clerk', displayName: 'x', password: 'Another2026pass' }, status: 409, code: 'USERNAME_TAKEN' },
      { body: { username: 'weak.one', displayName: 'x', password: 'short1' }, status: 400, code: 'VALIDATION_FAILED' },
      { body: { username: 'weak.two', displayName: 'x', password: 'onlyletterspassword' }, status: 400, code: 'VALIDATION_FAILED' },
      { body: { username: '../admin', displayName: 'x', password: 'Another2026pass' }, status: 400, code: 'VALIDATION_FAILED' },
      { body: { username: 'sneaky', displayName: 'x', password: 'Another2026pass', role: 'department_officer' }, status: 400, code: 'VALIDATION_FAILED' },
      { body: { username: 'sneaky2', displayName: 'x', password: 'Another2026pass', enterpriseUscc: OTHER }, status: 400, code: 'VALIDATION_FAILED' },
    ];
    for (const c of cases) {
      const res = await http(gw.baseUrl, 'POST', '/enterprise/users', { token: tokens.boss, body: c.body });
      expect([res.status, res.body.code]).toEqual([c.status, c.code]);
    }
    expect(await audited('enterprise.user.create')).toBe(before);
  });

  it('the administrator disables and enables a user of its own enterprise only; a disabled user cannot sign in', async () => {
    const users = (await http(gw.baseUrl, 'GET', '/enterprise/users', { token: tokens.boss })).body as Array<{ id: string; username: string }>;
    const clerk = users.find((u) => u.username === 'clerk')!;
    const boss = users.find((u) => u.username === 'boss')!;

    const byRival = await http(gw.baseUrl, 'POST', `/enterprise/users/${clerk.id}/disable`, { token: tokens.rival });
    expect([byRival.status, byRival.body.code]).toEqual([404, 'NOT_FOUND']);
    const self = await http(gw.baseUrl, 'POST', `/enterprise/users/${boss.id}/disable`, { token: tokens.boss });
    expect([self.status, self.body.code]).toEqual([422, 'CANNOT_DISABLE_SELF']);

    const disabled = await http(gw.baseUrl, 'POST', `/enterprise/users/${clerk.id}/disable`, { token: tokens.boss });
    expect([disabled.status, disabled.body.disabled]).toEqual([200, true]);
    expect((await login('clerk')).status).toBe(401);
    const enabled = await http(gw.baseUrl, 'POST', `/enterprise/users/${clerk.id}/enable`, { token: tokens.boss });
    expect([enabled.status, enabled.body.disabled]).toEqual([200, false]);
    expect((await login('clerk')).status).toBe(200);
    expect(await audited('enterprise.user.disable')).toBe(1);
    expect(await audited('enterprise.user.enable')).toBe(1);
  });

  it('a disabled user\'s tokens stop working at once, on this replica and (after its reload) on another', async () => {
    const other = await startGateway(env, [], { TOKEN_REVOCATION_POLL_MS: '100' });
    try {
      const staff = await http(gw.baseUrl, 'POST', '/enterprise/users', {
        token: tokens.boss,
        body: { username: 'short.lived', displayName: '临时经办人', password: 'Staff2026pass' },
      });
      const token = (await login('short.lived', 'Staff2026pass')).body.accessToken as string;
      expect((await http(other.baseUrl, 'GET', '/auth/me', { token })).status).toBe(200);

      expect((await http(gw.baseUrl, 'POST', `/enterprise/users/${staff.body.id}/disable`, { token: tokens.boss })).status).toBe(200);
      const here = await http(gw.baseUrl, 'GET', '/enterprise/users', { token });
      expect([here.status, here.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      await eventually(async () => (await http(other.baseUrl, 'GET', '/auth/me', { token })).status, (st) => st === 401, { what: 'the other replica to refuse the token' });

      // Enabling the account again does not bring the old token back; a new sign-in works.
      await http(gw.baseUrl, 'POST', `/enterprise/users/${staff.body.id}/enable`, { token: tokens.boss });
      expect((await http(gw.baseUrl, 'GET', '/auth/me', { token })).status).toBe(401);
      const fresh = (await login('short.lived', 'Staff2026pass')).body.accessToken as string;
      expect((await http(gw.baseUrl, 'GET', '/auth/me', { token: fresh })).status).toBe(200);
      expect((await http(other.baseUrl, 'GET', '/auth/me', { token: fresh })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('signing out ends every token of the user issued until then; signing in again works at once', async () => {
    const first = (await login('boss')).body.accessToken as string;
    const second = (await login('boss')).body.accessToken as string;
    const out = await http(gw.baseUrl, 'POST', '/auth/logout', { token: first });
    expect(out.status).toBe(204);
    for (const t of [first, second]) expect((await http(gw.baseUrl, 'GET', '/auth/me', { token: t })).status).toBe(401);
    expect(await audited('auth.logout')).toBe(1);
    const again = (await login('boss')).body.accessToken as string;
    expect((await http(gw.baseUrl, 'GET', '/auth/me', { token: again })).body).toMatchObject({ role: 'enterprise', enterpriseUscc: ENT });
    tokens.boss = again;
    // Without a token there is nothing to sign out of.
    expect((await http(gw.baseUrl, 'POST', '/auth/logout', {})).status).toBe(401);
  });
});

