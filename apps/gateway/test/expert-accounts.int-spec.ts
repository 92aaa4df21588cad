import { randomUUID } from 'node:crypto';
import { cleanupTestEnv, newTestEnv, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { expertManagementModule } from '@firstset/expert-management/module';
import { http, RunningGateway, startGateway } from './gateway-harness';

// Issue 17 item 1: the institution issues a sign-in account for an expert of its own pool, through
// the gateway (accounts) and expert management (the pool), never for another institution's expert.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const ids = { centre: randomUUID(), other: randomUUID(), mine: randomUUID(), theirs: randomUUID(), zhao: randomUUID(), li: randomUUID() };
let gw: RunningGateway;
let pool: RunningService;

const login = (username: string, password = PASSWORD) => http(gw.baseUrl, 'POST', '/auth/login', { body: { username, password } });
/** The expert accounts the institution's requests created (the seeded one left out). */
const accounts = async (all = false) =>
  sql<{ username: string; role: string; expert_id: string | null }>(env, `SELECT username, role, expert_id FROM "${schemaOf(env, 'gateway')}".accounts WHERE role = 'expert' AND ($1 OR username <> 'zhao.qiang') ORDER BY username`, [all]);

beforeAll(async () => {
  pool = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  const s = schemaOf(env, 'expert-management');
  await sql(env, `INSERT INTO "${s}".institutions (id, name, uscc) VALUES ($1, '内蒙古自治区工业技术评价中心', '12150000MB1234562H'), ($2, '另一家评价机构', '12150000MB7654321X')`, [ids.centre, ids.other]);
  await sql(env, `INSERT INTO "${s}".experts (id, name, institution_id, field) VALUES ($1, '王明', $3, '矿山机械'), ($2, '孙丽', $4, '新材料'), ($5, '赵强', $3, '电力装备'), ($6, '李华', $3, '新材料')`, [ids.mine, ids.theirs, ids.centre, ids.other, ids.zhao, ids.li]);
  gw = await startGateway(env, [
    { username: 'centre', displayName: '评价中心', role: 'institution_staff', institutionId: ids.centre, password: PASSWORD },
    { username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD },
    // As if an earlier issue had created the account and its binding had not reached the pool.
    { username: 'zhao.qiang', displayName: '赵强', role: 'expert', expertId: ids.zhao, institutionId: ids.centre, password: PASSWORD, mustChangePassword: true },
  ]);
});

afterAll(async () => {
  await gw?.close();
  await pool?.close();
  await cleanupTestEnv(env);
});

describe('M8.1 expert accounts issued by the institution', () => {
  it('M8.1 refuses another institution\'s expert (404), a weak password (400) and other roles (403), creating no account', async () => {
    const centre = (await login('centre')).body.accessToken;
    const theirs = await http(gw.baseUrl, 'POST', `/expert-pool/experts/${ids.theirs}/account`, { token: centre, body: { username: 'sun.li', password: 'Initial#2026' } });
    expect(theirs.status).toBe(404);
    const weak = await http(gw.baseUrl, 'POST', `/expert-pool/experts/${ids.mine}/account`, { token: centre, body: { username: 'wang.ming', password: 'password123' } });
    expect([weak.status, weak.body.errors?.[0]?.field]).toEqual([400, 'password']);
    const dept = (await login('dept')).body.accessToken;
    expect((await http(gw.baseUrl, 'POST', `/expert-pool/experts/${ids.mine}/account`, { token: dept, body: { username: 'wang.ming', password: 'Initial#2026' } })).status).toBe(403);
    expect(await accounts()).toEqual([]);
  });

  it('M8.1 issues an account bound to the expert, to be changed at the first sign-in; a second one is refused', async () => {
    const centre = (await login('centre')).body.accessToken;
    const issued = await http(gw.baseUrl, 'POST', `/expert-pool/experts/${ids.mine}/account`, { token: centre, body: { username: 'wang.ming', password: 'Initial#2026' } });
    expect([issued.status, issued.body.accountUsername, issued.body.id]).toEqual([201, 'wang.ming', ids.mine]);
    expect(await accounts()).toEqual([{ username: 'wang.ming', role: 'expert', expert_id: ids.mine }]);
    const first = await login('wang.ming', 'Initial#2026');
    expect([first.status, first.body.pending]).toEqual([200, ['password_change']]);
    const again = await http(gw.baseUrl, 'POST', `/expert-pool/experts/${ids.mine}/account`, { token: centre, body: { username: 'wang.ming2', password: 'Initial#2026' } });
    expect([again.status, again.body.code]).toEqual([409, 'ACCOUNT_ALREADY_ISSUED']);
    expect((await accounts()).map((a) => a.username)).toEqual(['wang.ming']);
  });

  it('M8.1 an account already made for the same expert is bound again, not created twice; another expert\'s name is refused', async () => {
    const centre = (await login('centre')).body.accessToken;
    const taken = await http(gw.baseUrl, 'POST', `/expert-pool/experts/${ids.li}/account`, { token: centre, body: { username: 'zhao.qiang', password: 'Initial#2026' } });
    expect([taken.status, taken.body.code]).toEqual([409, 'USERNAME_TAKEN']);
    const bound = await http(gw.baseUrl, 'POST', `/expert-pool/experts/${ids.zhao}/account`, { token: centre, body: { username: 'zhao.qiang', password: 'Initial#2026' } });
    expect([bound.status, bound.body.accountUsername]).toEqual([201, 'zhao.qiang']);
    expect((await accounts(true)).map((a) => a.username)).toEqual(['wang.ming', 'zhao.qiang']);
  });
});
