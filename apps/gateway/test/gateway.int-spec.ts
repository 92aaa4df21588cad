import { cleanupTestEnv, newTestEnv, RunningService, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '@firstset/intake/module';
import { http, RunningGateway, startGateway } from './gateway-harness';

const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
let gw: RunningGateway;
let intake: RunningService;

const accounts = [
  { username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD },
  { username: 'ent', displayName: '企业', role: 'enterprise', enterpriseUscc: '91150200MA0N4KXX4C', password: PASSWORD },
  { username: 'baotou', displayName: '包头', role: 'prefecture_officer', prefectureId: '150200', password: PASSWORD },
  { username: 'expert', displayName: '专家', role: 'expert', expertId: '7b2e1d63-1c8f-4b54-8e66-3c904d2f1b02', password: PASSWORD },
  { username: 'centre', displayName: '评价中心', role: 'institution_staff', institutionId: '5c8e2f41-7a3b-4d6e-9f10-2b3c4d5e6f70', password: PASSWORD },
];

async function login(username: string, password = PASSWORD) {
  return http(gw.baseUrl, 'POST', '/auth/login', { body: { username, password } });
}

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  gw = await startGateway(env, accounts);
});

afterAll(async () => {
  await gw?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('gateway', () => {
  it('signs in with a built-in account and returns a short-lived token bound to the jurisdiction', async () => {
    const res = await login('baotou');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, actor: { role: 'prefecture_officer', prefectureId: '150200' } });
    const me = await http(gw.baseUrl, 'GET', '/auth/me', { token: res.body.accessToken });
    expect(me.body).toMatchObject({ role: 'prefecture_officer', prefectureId: '150200' });
  });

  it('refuses a wrong password with problem details, and locks after five failures', async () => {
    const wrong = await login('dept', 'nope-nope');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(wrong.body).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', instance: '/api/auth/login' });
    for (let i = 0; i < 4; i++) await login('dept', 'nope-nope');
    const locked = await login('dept');
    expect([locked.status, locked.body.code]).toEqual([423, 'ACCOUNT_LOCKED']);
  });

  it('answers every request without a valid token with 401, and a forged token too', async () => {
    expect((await http(gw.baseUrl, 'GET', '/applications')).status).toBe(401);
    const forged = await http(gw.baseUrl, 'GET', '/applications', { token: 'eyJhbGciOiJub25lIn0.eyJhY3RvciI6e319.' });
    expect([forged.status, forged.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('refuses a role the route does not allow, before any service sees it', async () => {
    const token = (await login('ent')).body.accessToken;
    const res = await http(gw.baseUrl, 'POST', '/batches', {
      token,
      body: { year: 2026, name: 'x', windowOpensAt: '2026-01-01T00:00:00Z', windowClosesAt: '2026-02-01T00:00:00Z', prefectureDeadline: '2026-03-01' },
    });
    expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('bad input gets 400 problem details with field errors', async () => {
    const token = (await login('ent')).body.accessToken;
    const res = await http(gw.baseUrl, 'POST', '/applications', { token, body: { batchId: 'x', productKind: 'ROCKET', extra: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['batchId', 'productKind']));
    const malformed = await http(gw.baseUrl, 'POST', '/applications', { token, raw: '{"batchId":' });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_JSON']);
    expect(malformed.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const badId = await http(gw.baseUrl, 'GET', '/applications/not-a-uuid', { token });
    expect(badId.status).toBe(400);
    const expert = (await login('expert')).body.accessToken;
    const score = await http(gw.baseUrl, 'POST', '/reviews/3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b/score', {
      token: expert,
      body: { criteria: [{ criterionId: 'innovation', score: 101, comment: '' }], recommendation: 'maybe', opinion: '', applicationId: 'smuggled' },
    });
    expect(score.status).toBe(400);
    expect(score.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['criteria.0.score', 'criteria.0.comment', 'recommendation', 'opinion', 'applicationId']),
    );
    // M9.1: the report's body is refused at its fields, the path's id never taken from the body.
    const staff = (await login('centre')).body.accessToken;
    const report = await http(gw.baseUrl, 'PUT', '/reviews/3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b/report', {
      token: staff,
      body: { recommendation: 'on_site_needed', reasons: 5, expectedVersion: -1, applicationId: 'smuggled' },
    });
    expect(report.status).toBe(400);
    expect(report.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['recommendation', 'reasons', 'expectedVersion', 'applicationId']));
    expect((await http(gw.baseUrl, 'POST', '/reviews/3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b/report/sign-off', { token: expert, body: { expectedVersion: 1 } })).status).toBe(403);
    const none = await http(gw.baseUrl, 'GET', '/no-such-route', { token });
    expect([none.status, none.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });

  it('words each refused field in Chinese and English at its dotted path, with its rule', async () => {
    const token = (await login('ent')).body.accessToken;
    const created = await http(gw.baseUrl, 'POST', '/applications', {
      token,
      body: { batchId: 'x', productKind: 'ROCKET', productName: '', series: 'x'.repeat(101), model: 'M', extra: 1 },
    });
    expect([created.status, created.body.title]).toEqual([400, '请求内容有误 / The request is invalid']);
    expect(created.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'batchId', message: '须为有效的编号 / must be a valid identifier (UUID)', rule: 'isUuid' },
        { field: 'productKind', message: expect.stringMatching(/^不是可选的值 \/ must be one of: FIRST_SET_EQUIPMENT, /), rule: 'isIn' },
        { field: 'productName', message: '不能为空 / must not be empty', rule: 'isNotEmpty' },
        { field: 'series', message: '不能超过 100 个字符 / at most 100 characters', rule: 'maxLength' },
        { field: 'extra', message: '不允许提交此字段 / is not allowed (should not exist)', rule: 'whitelistValidation' },
      ]),
    );
    // Nested objects and list items: the path names the item, a property smuggled into one is refused.
    const draft = await http(gw.baseUrl, 'PATCH', '/applications/3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b', {
      token,
      body: {
        expectedRevision: -1,
        performanceIndicators: [{ name: '额定功率', value: '5 MW' }, { name: '', value: 'x'.repeat(101), admin: true }],
        firstSale: { date: '2026/01/01', customer: '某某公司' },
        ipList: ['专利'],
      },
    });
    expect(draft.status).toBe(400);
    expect(draft.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'expectedRevision', message: '不能小于 0 / must be at least 0', rule: 'min' },
        { field: 'performanceIndicators.1.name', message: '不能为空 / must not be empty', rule: 'isNotEmpty' },
        { field: 'performanceIndicators.1.value', message: '不能超过 100 个字符 / at most 100 characters', rule: 'maxLength' },
        { field: 'performanceIndicators.1.admin', message: '不允许提交此字段 / is not allowed (should not exist)', rule: 'whitelistValidation' },
        { field: 'firstSale.date', message: '须为有效的日期（年-月-日，1900–2999 年） / must be a real calendar date, YYYY-MM-DD, years 1900–2999', rule: 'isLocalDate' },
        { field: 'ipList.0', message: '须为一组字段或列表 / must be an object or a list', rule: 'nestedValidation' },
      ]),
    );
    expect(draft.body.errors.map((e: { field: string }) => e.field)).not.toContain('performanceIndicators.0.name');
  });

  it('passes on the owning service\'s refusal of a command in the same words (validated over NATS by intake)', async () => {
    const token = (await login('ent')).body.accessToken;
    // The one-request submission is validated by intake only, not at the gateway.
    const res = await http(gw.baseUrl, 'POST', '/applications/submissions', {
      token,
      body: { batchId: 'x', productName: 'x'.repeat(201), sales: [{ year: 1999, units: 1, revenueWanYuan: 1 }], isAdmin: true },
    });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'batchId', message: '须为有效的编号 / must be a valid identifier (UUID)', rule: 'isUuid' },
        { field: 'productName', message: '不能超过 200 个字符 / at most 200 characters', rule: 'maxLength' },
        { field: 'sales.0.year', message: '不能小于 2000 / must be at least 2000', rule: 'min' },
        { field: 'isAdmin', message: '不允许提交此字段 / is not allowed (should not exist)', rule: 'whitelistValidation' },
      ]),
    );
  });

  it('forwards to the owning service and maps its refusal to problem details with the request id', async () => {
    const token = (await login('ent')).body.accessToken;
    const res = await http(gw.baseUrl, 'GET', '/applications/3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b', {
      token,
      headers: { 'x-request-id': 'req-test-123456' },
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', requestId: 'req-test-123456' });
    expect(res.headers.get('x-request-id')).toBe('req-test-123456');
  });

  it('serves the OpenAPI document with request schemas from the validation DTOs and response schemas from the contracts\' reply types', async () => {
    const res = await http(gw.baseUrl, 'GET', '/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.paths).toHaveProperty('/api/applications/{id}/submit');
    expect(res.body.components.schemas.CreateApplicationV1.properties).toHaveProperty('productKind');
    // A path-id route's body is its contract without the id.
    expect(Object.keys(res.body.components.schemas.AssignExpertBody.properties).sort()).toEqual(['expertId']);
    // M8.1: the rubric body's criteria point at the criterion score schema.
    expect(res.body.components.schemas.RubricScoreBody.properties.criteria.items.$ref).toBe('#/components/schemas/CriterionScoreV1');
    // Nested arrays point at their item schema, and every reference resolves.
    expect(res.body.components.schemas.CalendarYearBody.properties.entries.items.$ref).toBe('#/components/schemas/CalendarEntryV1');
    // Responses: the contract's reply, generated from its TypeScript type; a 4xx is problem details.
    const get = res.body.paths['/api/applications/{id}'].get.responses;
    expect(get['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/ApplicationDetailV1');
    expect(res.body.components.schemas.ApplicationDetailV1.required).toEqual(expect.arrayContaining(['creditCheck', 'revision', 'draft']));
    expect(get['4XX'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/ProblemDetailsV1');
    expect(res.body.paths['/api/applications'].post.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/ApplicationViewV1');
    const refs = [...JSON.stringify(res.body).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.filter((name) => !(name in res.body.components.schemas))).toEqual([]);
  });

  it('reports its own readiness and the services it can reach', async () => {
    const ready = await http(gw.baseUrl, 'GET', '/health/ready');
    expect(ready.body).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' }, nats: { status: 'up' } } });
    const services = await http(gw.baseUrl, 'GET', '/health/services');
    expect(services.status).toBe(503); // only intake runs in this test
    expect(services.body.services.intake.status).toBe('ok');
    expect(services.body.services.publicity.status).toBe('error');
  });
});
