import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { auditRecordsContract } from '@firstset/contracts';
import { complianceModule } from '@firstset/compliance/module';
import { expertManagementModule } from '@firstset/expert-management/module';
import { intakeModule } from '@firstset/intake/module';
import { preliminaryReviewModule } from '@firstset/preliminary-review/module';
import { publicityModule } from '@firstset/publicity/module';
import { PgExecutor } from '@firstset/messaging/testing';
import { AuditRecorder } from '@firstset/service-kit';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { Pool } from 'pg';
import { http, RunningGateway, startGateway } from './gateway-harness';

// Reading the audit log (ADR 0028): every service answers for its own records, the gateway
// merges them by time under a cursor, for the Department and auditors only.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
let gw: RunningGateway;
let services: RunningService[] = [];
let rpc: RpcCaller;
let pool: Pool;
const tokens: Record<string, string> = {};
const APP = randomUUID();
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 2, minute));
const WINDOW = `from=${encodeURIComponent(at(0).toISOString())}&to=${encodeURIComponent(at(59).toISOString())}`;
let officerId: string;

const accounts = [
  { username: 'dept', displayName: '工信厅张处长', role: 'department_officer', password: PASSWORD },
  { username: 'audit', displayName: '审计员李敏', role: 'auditor', password: PASSWORD },
  { username: 'baotou', displayName: '包头王科长', role: 'prefecture_officer', prefectureId: '150200', password: PASSWORD },
  { username: 'ent', displayName: '企业经办人', role: 'enterprise', enterpriseUscc: '91150200MA0N4KXX4C', password: PASSWORD },
  { username: 'expert', displayName: '专家', role: 'expert', expertId: randomUUID(), password: PASSWORD },
  { username: 'centre', displayName: '评价中心', role: 'institution_staff', institutionId: randomUUID(), password: PASSWORD },
];

const get = (path: string, who = 'audit') => http(gw.baseUrl, 'GET', path, { token: tokens[who] });
const recorder = (service: string, minute: number) => new AuditRecorder(schemaOf(env, service), () => at(minute));

beforeAll(async () => {
  services = await Promise.all([
    startServiceInProcess(env, 'intake', intakeModule),
    startServiceInProcess(env, 'preliminary-review', preliminaryReviewModule),
    startServiceInProcess(env, 'expert-management', expertManagementModule),
    startServiceInProcess(env, 'publicity', publicityModule),
    startServiceInProcess(env, 'compliance', complianceModule),
  ]);
  gw = await startGateway(env, accounts);
  rpc = await RpcCaller.connect(env);
  for (const a of accounts) tokens[a.username] = (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username: a.username, password: PASSWORD } })).body.accessToken;
  [{ id: officerId }] = await sql<{ id: string }>(env, `SELECT id::text AS id FROM "${schemaOf(env, 'gateway')}".accounts WHERE username = 'baotou'`);
  pool = new Pool({ connectionString: env.databaseUrl });
  const db = new PgExecutor(pool);
  const officer = { userId: officerId, role: 'prefecture_officer', displayName: '包头王科长', prefectureId: '150200' };
  const enterprise = { userId: randomUUID(), role: 'enterprise', enterpriseUscc: '91150200MA0N4KXX4C' };
  // One application's history across three services, and others' records around it.
  await recorder('intake', 1).record(db, { requestId: 'req-submit', actor: enterprise }, { action: 'application.submit', objectType: 'application', objectId: APP, outcome: 'succeeded' });
  await recorder('preliminary-review', 2).record(db, { requestId: 'req-return', actor: officer }, { action: 'review.return', objectType: 'application', objectId: APP, outcome: 'succeeded', detail: { from: 'UNDER_PRELIMINARY_REVIEW', to: 'RETURNED_FOR_CORRECTION' } });
  await recorder('intake', 3).record(db, { requestId: 'req-dl', actor: officer }, { action: 'material.download', objectType: 'material', objectId: randomUUID(), outcome: 'succeeded', detail: { applicationId: APP } });
  await recorder('publicity', 4).record(db, { requestId: 'req-other', actor: actors.department() }, { action: 'decision-list.publish', objectType: 'decision_list', objectId: randomUUID(), outcome: 'succeeded' });
  await recorder('compliance', 5).record(db, { requestId: 'req-refused', actor: officer }, { action: 'compliance-case.open', objectType: 'compliance_case', objectId: null, outcome: 'rejected' });
  // Ties at one instant in two services: the cursor must cross them exactly.
  for (const service of ['expert-management', 'preliminary-review']) {
    await recorder(service, 6).recordMany(db, [0, 1, 2].map((i) => ({ meta: { requestId: `req-tie-${service}-${i}`, actor: officer }, entry: { action: 'review.claim', objectType: 'review_case', objectId: `case-${i}`, outcome: 'succeeded' as const } })));
  }
});

afterAll(async () => {
  await pool?.end();
  await rpc?.close();
  await gw?.close();
  await Promise.all(services.map((s) => s.close()));
  await cleanupTestEnv(env);
});

describe('the audit log (ADR 0028)', () => {
  it('is the Department\'s and the auditor\'s alone: every other role 403, no token 401, and each service refuses on its own', async () => {
    for (const who of ['dept', 'audit']) expect((await get(`/audit/records?${WINDOW}`, who)).status).toBe(200);
    for (const who of ['baotou', 'ent', 'expert', 'centre']) {
      const res = await get('/audit/records', who);
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
      expect((await get('/audit/records.xlsx', who)).status).toBe(403);
    }
    expect((await http(gw.baseUrl, 'GET', '/audit/records')).status).toBe(401);
    // Not only the gateway: a signed request of a prefecture officer is refused by the service itself.
    await expect(rpc.request(auditRecordsContract('intake'), { limit: 10 }, actors.prefecture('150200'))).rejects.toMatchObject({ status: 403 });
  });

  it('finds a case\'s whole history across services by its application id, with the person, organisation and request', async () => {
    const res = await get(`/audit/records?objectId=${APP}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { service: string; action: string }) => `${r.service} ${r.action}`)).toEqual([
      'intake material.download',
      'preliminary-review review.return',
      'intake application.submit',
    ]);
    expect(res.body.items[1]).toMatchObject({
      actorId: officerId,
      actorName: '包头王科长',
      actorRole: 'prefecture_officer',
      organisation: 'prefecture:150200',
      requestId: 'req-return',
      outcome: 'succeeded',
      applicationId: APP,
      occurredAt: at(2).toISOString(),
    });
    expect(res.body.items[0].applicationId).toBe(APP);
    expect(res.body).toMatchObject({ nextCursor: null, retentionMonths: 6 });
  });

  it.each([
    ['actor=王科长', 9],
    ['actor=baotou', 9],
    ['actor=%25', 0],
    ['role=enterprise', 1],
    ['organisation=150200', 9],
    ['action=review.return', 1],
    ['action=review.', 7],
    ['objectType=review_case', 6],
    ['requestId=req-refused', 1],
    ['outcome=rejected', 1],
    [`from=${encodeURIComponent(at(2).toISOString())}&to=${encodeURIComponent(at(5).toISOString())}`, 3],
  ])('filters by %s', async (filter, count) => {
    const res = await get(`/audit/records?${filter.startsWith('from=') ? '' : `${WINDOW}&`}${filter}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(count);
  });

  it('pages across services by cursor, newest first, nothing lost or repeated at equal instants', async () => {
    const whole = (await get(`/audit/records?${WINDOW}&pageSize=100`)).body.items as Array<{ id: string; occurredAt: string }>;
    expect(whole).toHaveLength(11);
    expect(whole.map((r) => r.occurredAt)).toEqual([...whole.map((r) => r.occurredAt)].sort().reverse());
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/audit/records?${WINDOW}&pageSize=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      paged.push(...res.body.items.map((r: { id: string }) => r.id));
      cursor = res.body.nextCursor;
    } while (cursor && paged.length < 50);
    expect(paged).toEqual(whole.map((r) => r.id));
  });

  it.each([
    ['role=root', 'role'],
    ['outcome=maybe', 'outcome'],
    ['from=yesterday', 'from'],
    [`from=${encodeURIComponent(at(5).toISOString())}&to=${encodeURIComponent(at(1).toISOString())}`, 'to'],
    ['objectId=%27%20OR%201%3D1--', 'objectId'],
    ['organisation=a%20b', 'organisation'],
    ['action=DROP%20TABLE', 'action'],
    ['pageSize=1000', 'pageSize'],
    ['cursor=not*base64', 'cursor'],
    [`cursor=${Buffer.from('{"occurredAt":"x","service":"intake","id":"y"}').toString('base64url')}`, 'cursor'],
    [`cursor=${Buffer.from('[1]').toString('base64url')}`, 'cursor'],
    // What the gateway resolves itself is never sent on as is: ids are its to fill in.
    ['actorIds=u-1', 'actorIds'],
    ['actor=%00', 'actor'],
    [`actor=${'名'.repeat(101)}`, 'actor'],
  ])('refuses the hostile or malformed filter %s with 400 problem details', async (filter, field) => {
    const res = await get(`/audit/records?${filter}`);
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('exports the selection as XLSX, and the export is itself audited', async () => {
    const res = await fetch(`${gw.baseUrl}/audit/records.xlsx?objectId=${APP}`, { headers: { authorization: `Bearer ${tokens.audit}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('审计日志')!;
    expect(sheet.rowCount).toBe(4);
    const row = sheet.getRow(3).values as unknown[];
    expect(row).toEqual(expect.arrayContaining([at(2).toISOString(), '包头王科长', 'review.return', 'req-return', 'prefecture:150200']));
    const exported = await get(`/audit/records?action=audit.export`);
    expect(exported.body.items[0]).toMatchObject({ service: 'gateway', actorName: '审计员李敏', actorRole: 'auditor', objectType: 'audit_log', outcome: 'succeeded', detail: { records: 3, filters: { objectId: APP } } });
  });

  it('refuses an export larger than the cap with a clear message, and audits the refusal', async () => {
    const db = new PgExecutor(pool);
    const many = Array.from({ length: 5001 }, (_, i) => ({ meta: { requestId: `req-bulk-${i}`, actor: actors.department() }, entry: { action: 'notification.mark-read', objectType: 'notification', objectId: `n-${i}`, outcome: 'succeeded' as const } }));
    await recorder('intake', 30).recordMany(db, many);
    const res = await get('/audit/records.xlsx?action=notification.mark-read', 'dept');
    expect([res.status, res.body.code]).toEqual([422, 'AUDIT_EXPORT_TOO_LARGE']);
    expect(res.body.title).toMatch(/超过 5000 条.*narrow the filters/);
    const refused = await get('/audit/records?action=audit.export&outcome=rejected', 'dept');
    expect(refused.body.items[0]).toMatchObject({ actorName: '工信厅张处长', detail: { reason: 'too large' } });
  });
});
