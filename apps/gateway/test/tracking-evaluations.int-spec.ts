import { complianceModule } from '@firstset/compliance/module';
import { RecognitionIssued } from '@firstset/contracts';
import { cleanupTestEnv, eventually, newTestEnv, publishEvent, recognitionIssuedEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { http, RunningGateway, startGateway } from './gateway-harness';

// Tracking evaluation over HTTP (M12.2; ADR 0026): the prefecture of the area requests and
// concludes, the enterprise reports, another prefecture reads nothing, the Department reads all.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const USCC = '91150200MA0N4KXX4C';
let gw: RunningGateway;
let compliance: RunningService;
let rpc: RpcCaller;
let baotou: string;
let hohhot: string;
let ent: string;
let dept: string;
let recognitionId: string;

beforeAll(async () => {
  compliance = await startServiceInProcess(env, 'compliance', complianceModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-12-03T04:00:00Z'));
  gw = await startGateway(env, [
    { username: 'baotou', displayName: '包头', role: 'prefecture_officer', prefectureId: '150200', password: PASSWORD },
    { username: 'hohhot', displayName: '呼和浩特', role: 'prefecture_officer', prefectureId: '150100', password: PASSWORD },
    { username: 'north', displayName: '北方重装', role: 'enterprise', enterpriseUscc: USCC, password: PASSWORD },
    { username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD },
  ]);
  const login = async (username: string) => (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username, password: PASSWORD } })).body.accessToken as string;
  [baotou, hohhot, ent, dept] = [await login('baotou'), await login('hohhot'), await login('north'), await login('dept')];
  const event = recognitionIssuedEvent({ enterprise: { uscc: USCC, name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' } });
  recognitionId = event.recognitionId;
  await publishEvent(env, RecognitionIssued, event);
  await eventually(async () => (await sql(env, `SELECT 1 FROM "${schemaOf(env, 'compliance')}".recognitions WHERE id = $1`, [recognitionId])).length === 1);
});

afterAll(async () => {
  await rpc?.close();
  await gw?.close();
  await compliance?.close();
  await cleanupTestEnv(env);
});

describe('tracking evaluation over HTTP', () => {
  it('M12.2 refuses malformed requests with problem details, the wrong role with 403 and another prefecture with 404', async () => {
    const bad = await http(gw.baseUrl, 'POST', '/tracking-evaluations', { token: baotou, body: { recognitionId, year: 2026, dueOn: '12/20/2026', note: '' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['dueOn', 'note']);
    const soon = await http(gw.baseUrl, 'POST', '/tracking-evaluations', { token: baotou, body: { recognitionId, year: 2026, dueOn: '2026-12-05', note: '请报送' } });
    expect([soon.status, soon.body.code]).toEqual([422, 'TRACKING_DUE_TOO_SOON']);
    expect(soon.headers.get('content-type')).toContain('application/problem+json');
    expect((await http(gw.baseUrl, 'POST', '/tracking-evaluations', { token: ent, body: { recognitionId, year: 2026, dueOn: '2026-12-20', note: '请报送' } })).status).toBe(403);
    expect((await http(gw.baseUrl, 'POST', '/tracking-evaluations', { token: hohhot, body: { recognitionId, year: 2026, dueOn: '2026-12-20', note: '请报送' } })).status).toBe(404);
    expect((await http(gw.baseUrl, 'GET', '/tracking-evaluations/recognitions', { token: hohhot })).body.total).toBe(0);
    expect((await http(gw.baseUrl, 'GET', '/tracking-evaluations/recognitions', { token: dept })).status).toBe(403);
  });

  it('M12.2 walks a request, the report and the conclusion; the scoping holds per prefecture', async () => {
    const listed = await http(gw.baseUrl, 'GET', '/tracking-evaluations/recognitions?year=2026', { token: baotou });
    expect(listed.body.items.map((r: { recognitionId: string }) => r.recognitionId)).toEqual([recognitionId]);
    const requested = await http(gw.baseUrl, 'POST', '/tracking-evaluations', { token: baotou, body: { recognitionId, year: 2026, dueOn: '2026-12-20', note: '请报送认定以来的销售与使用情况' } });
    expect([requested.status, requested.body.status]).toEqual([201, 'requested']);
    const id = requested.body.id as string;
    expect((await http(gw.baseUrl, 'GET', `/tracking-evaluations/${id}`, { token: hohhot })).status).toBe(404);
    expect((await http(gw.baseUrl, 'GET', '/tracking-evaluations?prefectureId=150200', { token: hohhot })).body.total).toBe(0);
    expect((await http(gw.baseUrl, 'GET', '/tracking-evaluations/not-a-uuid', { token: baotou })).status).toBe(400);
    const badReport = await http(gw.baseUrl, 'POST', `/tracking-evaluations/${id}/report`, { token: ent, body: { unitsSold: 'many', salesRevenueYuan: 1, customers: [], performance: '良好', problems: '无' } });
    expect([badReport.status, badReport.body.errors[0].field]).toEqual([400, 'unitsSold']);
    const report = await http(gw.baseUrl, 'POST', `/tracking-evaluations/${id}/report`, {
      token: ent,
      body: { unitsSold: 3, salesRevenueYuan: 9_600_000, customers: ['北方联合电力有限责任公司'], performance: '运行良好', problems: '无' },
    });
    expect([report.status, report.body.status]).toEqual([200, 'reported']);
    expect((await http(gw.baseUrl, 'POST', `/tracking-evaluations/${id}/conclusion`, { token: hohhot, body: { conclusion: 'good', findings: '良好' } })).status).toBe(404);
    const concluded = await http(gw.baseUrl, 'POST', `/tracking-evaluations/${id}/conclusion`, { token: baotou, body: { conclusion: 'issues_found', findings: '售后响应偏慢' } });
    expect([concluded.status, concluded.body.conclusion]).toEqual([200, 'issues_found']);
    const across = await http(gw.baseUrl, 'GET', '/tracking-evaluations?year=2026&conclusion=issues_found', { token: dept });
    expect(across.body.items.map((e: { id: string; prefectureId: string }) => [e.id, e.prefectureId])).toEqual([[id, '150200']]);
    const mine = await http(gw.baseUrl, 'GET', '/tracking-evaluations', { token: ent });
    expect(mine.body.items[0]).toMatchObject({ id, status: 'concluded', findings: null });
  });
});
