import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complianceModule } from '@firstset/compliance/module';
import { RecognitionIssued } from '@firstset/contracts';
import { testFiles } from '@firstset/object-storage/dist/test-files';
import { cleanupTestEnv, eventually, newTestEnv, publishEvent, recognitionIssuedEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { http, RunningGateway, startGateway } from './gateway-harness';
import { sendBody } from './upload-client';

// Tracking evaluation over HTTP (M12.2; ADR 0026): the prefecture of the area requests and
// concludes, the enterprise reports, another prefecture reads nothing, the Department reads all.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const USCC = '91150200MA0N4KXX4C';
const OTHER_USCC = '91150100MA0P7RYY69';
let storeDir: string;
let gw: RunningGateway;
let compliance: RunningService;
let rpc: RpcCaller;
let baotou: string;
let hohhot: string;
let ent: string;
let dept: string;
let auditor: string;
let otherEnt: string;
let recognitionId: string;

/** A recognition of Baotou's enterprise compliance learned of from publicity. */
async function issued(): Promise<string> {
  const event = recognitionIssuedEvent({ enterprise: { uscc: USCC, name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' } });
  await publishEvent(env, RecognitionIssued, event);
  await eventually(async () => (await sql(env, `SELECT 1 FROM "${schemaOf(env, 'compliance')}".recognitions WHERE id = $1`, [event.recognitionId])).length === 1);
  return event.recognitionId;
}

beforeAll(async () => {
  storeDir = await mkdtemp(join(tmpdir(), 'gw-tracking-'));
  process.env.OBJECT_STORE_DIR = storeDir;
  compliance = await startServiceInProcess(env, 'compliance', complianceModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-12-03T04:00:00Z'));
  gw = await startGateway(env, [
    { username: 'baotou', displayName: '包头', role: 'prefecture_officer', prefectureId: '150200', password: PASSWORD },
    { username: 'hohhot', displayName: '呼和浩特', role: 'prefecture_officer', prefectureId: '150100', password: PASSWORD },
    { username: 'north', displayName: '北方重装', role: 'enterprise', enterpriseUscc: USCC, password: PASSWORD },
    { username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD },
    { username: 'audit', displayName: '审计', role: 'auditor', password: PASSWORD },
    { username: 'saihan', displayName: '赛罕新材', role: 'enterprise', enterpriseUscc: OTHER_USCC, password: PASSWORD },
  ]);
  const login = async (username: string) => (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username, password: PASSWORD } })).body.accessToken as string;
  [baotou, hohhot, ent, dept] = [await login('baotou'), await login('hohhot'), await login('north'), await login('dept')];
  [auditor, otherEnt] = [await login('audit'), await login('saihan')];
  recognitionId = await issued();
});

afterAll(async () => {
  await rpc?.close();
  await gw?.close();
  await compliance?.close();
  await rm(storeDir, { recursive: true, force: true });
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

  it('M12.2 the enterprise uploads files to its requested report (type by content, 20 MiB, at most 5) and may remove them before reporting; hostile uploads leave nothing', async () => {
    const requested = await http(gw.baseUrl, 'POST', '/tracking-evaluations', { token: baotou, body: { recognitionId: await issued(), year: 2026, dueOn: '2026-12-20', note: '请附销售合同' } });
    const id = requested.body.id as string;
    const path = `/tracking-evaluations/${id}/attachments`;
    const name = (fileName: string) => ({ 'x-file-name': encodeURIComponent(fileName) });
    const rows = async () => (await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM "${schemaOf(env, 'compliance')}".tracking_attachments WHERE evaluation_id = $1`, [id]))[0].n;
    const pdf = await sendBody(gw.baseUrl, path, ent, testFiles.pdf(), name('销售合同.pdf'));
    expect([pdf.status, pdf.body.attachments]).toEqual([201, [{ fileName: '销售合同.pdf', mediaType: 'pdf', size: testFiles.pdf().length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), uploadedAt: expect.any(String) }]]);
    // The type is decided by content and named by it: a JPEG called .pdf gets .jpg appended.
    const jpeg = await sendBody(gw.baseUrl, path, ent, testFiles.jpeg(), name('现场照片.pdf'));
    expect([jpeg.status, jpeg.body.attachments[1].fileName, jpeg.body.attachments[1].mediaType]).toEqual([201, '现场照片.pdf.jpg', 'jpg']);
    // Hostile: a program named .pdf (415), a PDF with a script (422), a body over 20 MiB (413), no file name (400),
    // another enterprise (404), the prefecture (403), no token (401).
    const exe = await sendBody(gw.baseUrl, path, ent, testFiles.exe(), name('报告.pdf'));
    expect([exe.status, exe.body.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    expect((await sendBody(gw.baseUrl, path, ent, testFiles.pdfWithJs(), name('报告.pdf'))).status).toBe(422);
    const big = await sendBody(gw.baseUrl, path, ent, Buffer.concat([testFiles.png(), Buffer.alloc(20 * 1024 * 1024)]), name('大图.png'), true);
    expect([big.status, big.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect((await sendBody(gw.baseUrl, path, ent, testFiles.png())).status).toBe(400);
    const foreign = await sendBody(gw.baseUrl, path, otherEnt, testFiles.png(), name('图.png'));
    expect([foreign.status, foreign.body.code]).toEqual([404, 'TRACKING_EVALUATION_NOT_FOUND']);
    expect((await sendBody(gw.baseUrl, path, baotou, testFiles.png(), name('图.png'))).status).toBe(403);
    expect((await sendBody(gw.baseUrl, path, '', testFiles.png(), name('图.png'))).status).toBe(401);
    expect((await sendBody(gw.baseUrl, '/tracking-evaluations/not-a-uuid/attachments', ent, testFiles.png(), name('图.png'))).status).toBe(400);
    expect(await rows()).toBe(2);
    // At most 5: three more fill it, the sixth is refused before a byte is read.
    for (let i = 0; i < 3; i++) expect((await sendBody(gw.baseUrl, path, ent, Buffer.concat([testFiles.png(), Buffer.from(`#${i}`)]), name(`图${i}.png`))).status).toBe(201);
    const sixth = await sendBody(gw.baseUrl, path, ent, testFiles.pdf(), name('第六个.pdf'));
    expect([sixth.status, sixth.body.code]).toEqual([422, 'TRACKING_ATTACHMENTS_FULL']);
    // Removed before reporting (another enterprise cannot; a malformed hash is 404), then the report closes the files.
    const jpegSha = jpeg.body.attachments[1].sha256 as string;
    expect((await http(gw.baseUrl, 'DELETE', `/tracking-evaluations/${id}/files/${jpegSha}`, { token: otherEnt })).status).toBe(404);
    expect((await http(gw.baseUrl, 'DELETE', `/tracking-evaluations/${id}/files/not-a-hash`, { token: ent })).status).toBe(404);
    const removed = await http(gw.baseUrl, 'DELETE', `/tracking-evaluations/${id}/files/${jpegSha}`, { token: ent });
    expect([removed.status, removed.body.attachments.length]).toEqual([200, 4]);
    const report = await http(gw.baseUrl, 'POST', `/tracking-evaluations/${id}/report`, {
      token: ent,
      body: { unitsSold: 2, salesRevenueYuan: 6_400_000, customers: ['北方联合电力有限责任公司'], performance: '运行良好，见附件', problems: '无' },
    });
    expect([report.status, report.body.attachments.length]).toEqual([200, 4]);
    const late = await sendBody(gw.baseUrl, path, ent, testFiles.jpeg(), name('补充.jpg'));
    expect([late.status, late.body.code]).toEqual([409, 'TRACKING_EVALUATION_STATUS']);
    expect(await rows()).toBe(4);
  });

  it('M12.2 the prefecture of the area, the enterprise, the Department and the auditor download a report\'s file, audited; others and bad paths are refused', async () => {
    const requested = await http(gw.baseUrl, 'POST', '/tracking-evaluations', { token: baotou, body: { recognitionId: await issued(), year: 2026, dueOn: '2026-12-20', note: '请报送' } });
    const id = requested.body.id as string;
    const up = await sendBody(gw.baseUrl, `/tracking-evaluations/${id}/attachments`, ent, testFiles.pdf(), { 'x-file-name': encodeURIComponent('用户使用报告.pdf') });
    const sha = up.body.attachments[0].sha256 as string;
    const fileUrl = `${gw.baseUrl}/tracking-evaluations/${id}/files/${sha}`;
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    for (const token of [baotou, ent, dept, auditor]) {
      const got = await fetch(fileUrl, { headers: auth(token) });
      expect([got.status, got.headers.get('content-type'), got.headers.get('x-content-type-options'), got.headers.get('cache-control')]).toEqual([200, 'application/pdf', 'nosniff', 'private, no-store']);
      expect(got.headers.get('content-disposition')).toContain(encodeURIComponent('用户使用报告.pdf'));
      expect(Buffer.from(await got.arrayBuffer()).equals(testFiles.pdf())).toBe(true);
    }
    for (const token of [hohhot, otherEnt]) {
      const refused = await fetch(fileUrl, { headers: auth(token) });
      expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([404, 'TRACKING_EVALUATION_NOT_FOUND']);
    }
    expect((await fetch(fileUrl)).status).toBe(401);
    const unknown = await fetch(`${gw.baseUrl}/tracking-evaluations/${id}/files/${'0'.repeat(64)}`, { headers: auth(dept) });
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'TRACKING_FILE_NOT_FOUND']);
    expect((await fetch(`${gw.baseUrl}/tracking-evaluations/${id}/files/..%2F..%2Fetc%2Fpasswd`, { headers: auth(dept) })).status).toBe(404);
    expect((await fetch(`${gw.baseUrl}/tracking-evaluations/${randomUUID()}/files/${sha}`, { headers: auth(dept) })).status).toBe(404);
    expect((await fetch(`${gw.baseUrl}/tracking-evaluations/not-a-uuid/files/${sha}`, { headers: auth(dept) })).status).toBe(400);
    const audit = await sql<{ outcome: string }>(env, `SELECT outcome FROM "${schemaOf(env, 'compliance')}".audit_records WHERE action = 'tracking-evaluation.file-download' AND object_id = $1`, [id]);
    expect(audit.map((a) => a.outcome).sort()).toEqual(['rejected', 'rejected', 'rejected', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
  });
});
