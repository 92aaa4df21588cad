import { complianceModule } from '@firstset/compliance/module';
import { RecognitionIssued } from '@firstset/contracts';
import { cleanupTestEnv, eventually, newTestEnv, publishEvent, recognitionIssuedEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { http, RunningGateway, startGateway } from './gateway-harness';

// Compliance cases over HTTP (ADR 0026; M10.2): the Department opens, notifies and decides, the
// enterprise reads its own case and states it, the public reads the sanctions in force.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const USCC = '91150200MA0N4KXX4C';
let gw: RunningGateway;
let compliance: RunningService;
let rpc: RpcCaller;
let dept: string;
let ent: string;
let other: string;
let recognitionId: string;

beforeAll(async () => {
  compliance = await startServiceInProcess(env, 'compliance', complianceModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-12-03T04:00:00Z'));
  gw = await startGateway(env, [
    { username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD },
    { username: 'north', displayName: '北方重装', role: 'enterprise', enterpriseUscc: USCC, password: PASSWORD },
    { username: 'other', displayName: '另一企业', role: 'enterprise', enterpriseUscc: '91150100MA0P7RYY69', password: PASSWORD },
  ]);
  const login = async (username: string) => (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username, password: PASSWORD } })).body.accessToken as string;
  [dept, ent, other] = [await login('dept'), await login('north'), await login('other')];
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

describe('compliance cases over HTTP', () => {
  it('M10.2 refuses a malformed case with problem details and a party’s attempt to open one', async () => {
    const bad = await http(gw.baseUrl, 'POST', '/compliance-cases', { token: dept, body: { intendedMeasure: 'applicant_ban', subjectId: recognitionId, facts: '' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['facts', 'intendedMeasure']);
    expect((await http(gw.baseUrl, 'POST', '/compliance-cases', { token: ent, body: { intendedMeasure: 'recognition_revocation', subjectId: recognitionId, facts: 'x' } })).status).toBe(403);
    expect((await http(gw.baseUrl, 'GET', '/sanctions', { token: ent })).status).toBe(403);
  });

  it('M10.2 walks a revocation through notice, statement and decision; the public list shows it', async () => {
    const opened = await http(gw.baseUrl, 'POST', '/compliance-cases', { token: dept, body: { intendedMeasure: 'recognition_revocation', subjectId: recognitionId, facts: '销售合同系伪造' } });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    expect((await http(gw.baseUrl, 'GET', `/compliance-cases/${id}`, { token: ent })).status).toBe(404);
    const notified = await http(gw.baseUrl, 'POST', `/compliance-cases/${id}/notice`, { token: dept, body: { expectedVersion: opened.body.version, statementDeadline: '2026-12-10' } });
    expect([notified.status, notified.body.status]).toEqual([200, 'notified']);
    const mine = await http(gw.baseUrl, 'GET', '/compliance-cases', { token: ent });
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await http(gw.baseUrl, 'GET', '/compliance-cases', { token: other })).body.total).toBe(0);
    expect((await http(gw.baseUrl, 'POST', `/compliance-cases/${id}/statement`, { token: other, body: { statement: '冒名' } })).status).toBe(404);
    const stated = await http(gw.baseUrl, 'POST', `/compliance-cases/${id}/statement`, { token: ent, body: { waived: true } });
    expect([stated.status, stated.body.statementWaived]).toEqual([200, true]);
    const decided = await http(gw.baseUrl, 'POST', `/compliance-cases/${id}/decision`, { token: dept, body: { expectedVersion: stated.body.version, outcome: 'sanction', reasons: '材料造假属实' } });
    expect([decided.status, decided.body.sanctionIds.length]).toEqual([200, 2]);
    const registry = await http(gw.baseUrl, 'GET', '/sanctions?status=in_force&measure=applicant_ban', { token: dept });
    expect(registry.body.items).toHaveLength(1);
    expect(registry.body.items[0]).toMatchObject({ subjectId: USCC, until: '2029-12-03' });
    const lifted = await http(gw.baseUrl, 'POST', `/sanctions/${registry.body.items[0].id}/changes`, { token: dept, body: { expectedVersion: 1, change: 'lifted', reason: '复议撤销前先行解除' } });
    expect([lifted.status, lifted.body.status]).toEqual([200, 'lifted']);
    const shown = await http(gw.baseUrl, 'GET', '/public/sanctions');
    expect(shown.status).toBe(200);
    expect(shown.body.map((s: { measure: string }) => s.measure)).toEqual(['recognition_revocation']);
  });
});
