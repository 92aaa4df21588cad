import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupTestEnv, completeFormFields, CURRENT_PLEDGE_VERSION, newTestEnv, requiredSlots, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { contentKey, FilesystemObjectStorage } from '@firstset/object-storage';
import { testFiles } from '@firstset/object-storage/dist/test-files';
import { Readable } from 'node:stream';
import { ObjectSweeper } from './object-sweeper';
import { intakeModule } from '@firstset/intake/module';
import { publicityModule } from '@firstset/publicity/module';
import { complianceModule } from '@firstset/compliance/module';
import { expertManagementModule } from '@firstset/expert-management/module';
import { http, RunningGateway, startGateway } from '../../test/gateway-harness';
import { sendBody } from '../../test/upload-client';

// Integration test of the upload path: the gateway in process over HTTP, intake in process, real
// PostgreSQL and NATS, a fresh filesystem object store.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const ENT = '91150200MA0N4KXX4C';
const OTHER = '91150100MA0P7RYY69';
let gw: RunningGateway;
let intake: RunningService;
let publicity: RunningService;
let compliance: RunningService;
/** Asked by the object sweep too: site evidence is stored in the same object store (M8.2). */
let pool: RunningService;
let storeDir: string;
const tokens: Record<string, string> = {};
const day = 86400_000;

const accounts = [
  { username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD },
  { username: 'ent', displayName: '企业', role: 'enterprise', enterpriseUscc: ENT, password: PASSWORD },
  { username: 'other', displayName: '他企', role: 'enterprise', enterpriseUscc: OTHER, password: PASSWORD },
  { username: 'baotou', displayName: '包头', role: 'prefecture_officer', prefectureId: '150200', password: PASSWORD },
  { username: 'hohhot', displayName: '呼和浩特', role: 'prefecture_officer', prefectureId: '150100', password: PASSWORD },
  { username: 'expert', displayName: '专家', role: 'expert', expertId: '7b2e1d63-1c8f-4b54-8e66-3c904d2f1b02', password: PASSWORD },
];

const send = (path: string, token: string, body: Buffer, headers: Record<string, string | number> = {}, chunked = false, method = 'POST') =>
  sendBody(gw.baseUrl, path, token, body, headers, chunked, method);

const upload = (appId: string, slot: string, content: Buffer, name = '营业执照.pdf', token = tokens.ent) =>
  send(`/applications/${appId}/materials/${slot}`, token, content, { 'x-file-name': encodeURIComponent(name) });

async function download(appId: string, materialId: string, token: string) {
  const res = await fetch(`${gw.baseUrl}/applications/${appId}/materials/${materialId}/content`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const storedObjects = async () => {
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])));
    return nested.flat();
  };
  return walk(join(storeDir, 'objects'));
};
const staging = async () => readdir(join(storeDir, '.staging')).catch(() => []);
const materials = async () => (await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM "${schemaOf(env, 'intake')}".materials`))[0].n;

async function newApplication(batchId: string, token = tokens.ent): Promise<string> {
  const res = await http(gw.baseUrl, 'POST', '/applications', {
    token,
    body: { batchId, productKind: 'FIRST_SET_EQUIPMENT', productName: '矿用车', series: 'ZK', model: `M-${Math.random().toString(36).slice(2, 8)}`, rdCompletedOn: '2026-06-01' },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Every declaration answered and a PDF in every slot that applies (M2, M5, M6, M7.4): ready to submit. */
async function complete(appId: string, except: string[] = []): Promise<Array<{ slotId: string; materialId: string }>> {
  const { revision } = (await http(gw.baseUrl, 'GET', `/applications/${appId}`, { token: tokens.ent })).body;
  expect((await http(gw.baseUrl, 'PATCH', `/applications/${appId}`, { token: tokens.ent, body: { expectedRevision: revision, ...completeFormFields() } })).status).toBe(200);
  const refs = [];
  for (const slotId of requiredSlots().filter((s) => !except.includes(s))) {
    const up = await upload(appId, slotId, testFiles.pdf(`1 0 obj << /Type /Catalog /Title (${slotId}) >> endobj`), '材料.pdf');
    expect(up.status).toBe(201);
    refs.push({ slotId, materialId: up.body.id });
  }
  return refs;
}
const submit = (appId: string) => http(gw.baseUrl, 'POST', `/applications/${appId}/submit`, { token: tokens.ent, body: { pledgeVersion: CURRENT_PLEDGE_VERSION } });

let batchId: string;
beforeAll(async () => {
  storeDir = await mkdtemp(join(tmpdir(), 'gw-objects-'));
  process.env.OBJECT_STORE_DIR = storeDir;
  const settings = {
    materialMaxFileBytes: 64 * 1024,
    materialMaxApplicationBytes: 100 * 1024,
    materialTypes: ['pdf', 'ofd', 'jpg', 'png', 'docx', 'xlsx'],
    hashSm3: true,
  };
  intake = await startServiceInProcess(env, 'intake', (c) => intakeModule(c, settings));
  pool = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  publicity = await startServiceInProcess(env, 'publicity', publicityModule); // the sweep asks it about objection files
  compliance = await startServiceInProcess(env, 'compliance', complianceModule); // and about tracking reports' files (M12.2)
  gw = await startGateway(env, accounts);
  for (const a of accounts) tokens[a.username] = (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username: a.username, password: PASSWORD } })).body.accessToken;
  const year = new Date().getFullYear();
  const batch = await http(gw.baseUrl, 'POST', '/batches', {
    token: tokens.dept,
    body: { year, name: `${year}年度`, windowOpensAt: new Date(Date.now() - day).toISOString(), windowClosesAt: new Date(Date.now() + 30 * day).toISOString(), prefectureDeadline: new Date(Date.now() + 60 * day).toISOString().slice(0, 10) },
  });
  batchId = batch.body.id;
  for (const [t, code] of [['ent', '150204'], ['other', '150102']]) {
    await http(gw.baseUrl, 'PUT', '/enterprise/profile', { token: tokens[t], body: { name: '某装备有限公司', registeredAddress: '内蒙古', addressDivisionCode: code } });
  }
});

afterAll(async () => {
  await gw?.close();
  await intake?.close();
  await pool?.close();
  await publicity?.close();
  await compliance?.close();
  await cleanupTestEnv(env);
  await rm(storeDir, { recursive: true, force: true });
  delete process.env.OBJECT_STORE_DIR;
});

describe('materials over HTTP (M7.4)', () => {
  it('M7.4 streams a file into the store, records SHA-256 and SM3, keeps the Chinese name, and fills the slot in the check', async () => {
    const appId = await newApplication(batchId);
    const pdf = testFiles.pdf();
    const res = await upload(appId, 'businessLicence', pdf, '营业执照（副本）.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      slotId: 'businessLicence', fileName: '营业执照（副本）.pdf', mediaType: 'pdf', size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'), sm3: createHash('sm3').update(pdf).digest('hex'),
    });
    const check = await http(gw.baseUrl, 'GET', `/applications/${appId}/check`, { token: tokens.ent });
    const missing = check.body.problems.filter((p: { code: string }) => p.code === 'M7.4_MATERIAL_MISSING').map((p: { slotId: string }) => p.slotId);
    expect(missing).not.toContain('businessLicence');
    expect(missing).toContain('creditReport');
    expect(await staging()).toEqual([]);
  });

  it('M11.1 authorizes and audits every download of a draft: the enterprise alone; its prefecture, the Department and everyone else get 404 until it is submitted', async () => {
    const appId = await newApplication(batchId);
    const jpeg = testFiles.jpeg();
    const m = (await upload(appId, 'userReports', jpeg, '用户报告.jpg')).body;
    const d = await download(appId, m.id, tokens.ent);
    expect(d.status).toBe(200);
    expect(d.bytes.equals(jpeg)).toBe(true);
    expect(d.headers.get('content-type')).toBe('image/jpeg');
    expect(d.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('用户报告.jpg')}`);
    for (const who of ['baotou', 'dept', 'other', 'hohhot', 'expert']) expect([who, (await download(appId, m.id, tokens[who])).status]).toEqual([who, 404]);
    const audit = await sql<{ outcome: string; n: number }>(env, `SELECT outcome, count(*)::int AS n FROM "${schemaOf(env, 'intake')}".audit_records WHERE action = 'material.download' AND object_id = $1 GROUP BY outcome ORDER BY outcome`, [m.id]);
    expect(audit).toEqual([{ outcome: 'rejected', n: 5 }, { outcome: 'succeeded', n: 1 }]);
    expect((await http(gw.baseUrl, 'GET', `/applications/${appId}/materials`, { token: tokens.baotou })).status).toBe(404);
    expect((await http(gw.baseUrl, 'GET', `/applications/${appId}/materials`, { token: tokens.ent })).body).toHaveLength(1);
  });

  it('stores identical content once, however many applications attach it', async () => {
    const png = testFiles.png();
    const before = (await storedObjects()).length;
    const a = await upload(await newApplication(batchId), 'otherSupportingMaterial', png, 'a.png');
    const b = await upload(await newApplication(batchId), 'otherSupportingMaterial', png, 'b.png');
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await storedObjects()).length).toBe(before + 1);
  });

  it('refuses by content: an executable named .pdf, a macro document, a PDF with JavaScript, an escaped launch action or JavaScript in a compressed object stream; nothing is left behind', async () => {
    const appId = await newApplication(batchId);
    const objects = (await storedObjects()).length;
    const recorded = await materials();
    const exe = await upload(appId, 'businessLicence', testFiles.exe(), 'licence.pdf');
    expect([exe.status, exe.body.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    expect((await upload(appId, 'businessLicence', testFiles.docm(), 'a.docx')).body.code).toBe('UNSUPPORTED_FILE_TYPE');
    const js = await upload(appId, 'businessLicence', testFiles.pdfWithJs());
    expect([js.status, js.body.code]).toEqual([422, 'ACTIVE_CONTENT']);
    expect((await upload(appId, 'businessLicence', testFiles.pdfWithEscapedLaunch())).body.code).toBe('ACTIVE_CONTENT');
    const hidden = await upload(appId, 'businessLicence', testFiles.pdfWithHiddenJs());
    expect([hidden.status, hidden.body.code, hidden.body.detail]).toEqual([422, 'ACTIVE_CONTENT', expect.stringContaining('JavaScript')]);
    expect((await upload(appId, 'businessLicence', Buffer.alloc(0))).body.code).toBe('EMPTY_FILE');
    expect(await materials()).toBe(recorded);
    expect((await http(gw.baseUrl, 'GET', `/applications/${appId}/materials`, { token: tokens.ent })).body).toEqual([]);
    expect((await storedObjects()).length).toBe(objects);
    expect(await staging()).toEqual([]);
  });

  it('M7.4 cleans file names (path parts and control characters removed, the detected type\'s extension) and refuses names with nothing left with 400', async () => {
    const appId = await newApplication(batchId);
    const cleaned: Array<[string, string]> = [['../../etc/passwd', 'passwd.pdf'], ['..\\..\\boot.ini', 'boot.ini.pdf'], ['a\nb.pdf', 'ab.pdf'], ['nul\u0000.PDF', 'nul.PDF']];
    for (const [name, stored] of cleaned) {
      const res = await upload(appId, 'salesContracts', testFiles.pdf(`1 0 obj << /Title (${stored}) >> endobj`), name);
      expect([name, res.status, res.body.fileName]).toEqual([name, 201, stored]);
    }
    for (const name of ['..', '/', '\u202e\u0000', '']) {
      const res = await upload(appId, 'businessLicence', testFiles.pdf(), name);
      expect([name, res.status, res.body.code]).toEqual([name, 400, 'INVALID_FILE_NAME']);
    }
    const malformed = await send(`/applications/${appId}/materials/businessLicence`, tokens.ent, testFiles.pdf(), { 'x-file-name': '%E4%B8' });
    expect(malformed.body.code).toBe('INVALID_FILE_NAME');
  });

  it('enforces the per-file and per-application limits, declared or streamed, and a truncated upload leaves nothing', async () => {
    const appId = await newApplication(batchId);
    const big = Buffer.concat([testFiles.pdf(), Buffer.alloc(70 * 1024, 0x20)]);
    const declared = await upload(appId, 'salesContracts', big);
    expect([declared.status, declared.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const streamed = await send(`/applications/${appId}/materials/salesContracts`, tokens.ent, big, { 'x-file-name': 'a.pdf', 'transfer-encoding': 'chunked' }, true);
    expect([streamed.status, streamed.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const part = Buffer.concat([testFiles.pdf(), Buffer.alloc(50 * 1024, 0x20)]);
    expect((await upload(appId, 'salesContracts', part, '合同1.pdf')).status).toBe(201);
    const second = Buffer.concat([testFiles.pdf(), Buffer.alloc(50 * 1024, 0x21)]);
    const total = await upload(appId, 'salesContracts', second, '合同2.pdf');
    expect([total.status, total.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(gw.baseUrl).port), '127.0.0.1', () => {
        socket.write(`POST /api/applications/${appId}/materials/salesInvoices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokens.ent}\r\n` +
          `Content-Type: application/octet-stream\r\nX-File-Name: a.pdf\r\nContent-Length: 4000\r\n\r\n`);
        socket.write(testFiles.pdf());
        setTimeout(() => socket.destroy(), 300);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    await new Promise((r) => setTimeout(r, 300));
    const listed = (await http(gw.baseUrl, 'GET', `/applications/${appId}/materials`, { token: tokens.ent })).body;
    expect(listed.map((m: { fileName: string }) => m.fileName)).toEqual(['合同1.pdf']);
    expect(await staging()).toEqual([]);
  });

  it('refuses a slot not on the checklist, another enterprise\'s application and a submitted one', async () => {
    const appId = await newApplication(batchId);
    const slot = await upload(appId, 'cccCertificate', testFiles.pdf());
    expect([slot.status, slot.body.code]).toEqual([422, 'MATERIAL_SLOT_NOT_ON_CHECKLIST']);
    expect((await upload(appId, 'no-such-slot', testFiles.pdf())).status).toBe(400);
    expect((await upload(appId, 'businessLicence', testFiles.pdf(), 'x.pdf', tokens.other)).status).toBe(404);
    await complete(appId);
    expect((await submit(appId)).status).toBe(200);
    const late = await upload(appId, 'businessLicence', testFiles.pdf());
    expect([late.status, late.body.code]).toEqual([409, 'APPLICATION_NOT_EDITABLE']);
  });
});

describe('sweeping what interrupted uploads leave', () => {
  it('removes a stored object no material refers to once it is a day old, and keeps referenced or recent ones', async () => {
    const appId = await newApplication(batchId);
    const up = await upload(appId, 'testReport', testFiles.pdf('1 0 obj << /Type /Catalog /Title (referenced) >> endobj'));
    expect(up.status).toBe(201);
    const store = new FilesystemObjectStorage(storeDir);
    const orphan = Buffer.from('left behind by a gateway that stopped before intake recorded it');
    const recent = Buffer.from('stored a minute ago, its upload still finishing');
    const keyOf = (b: Buffer) => contentKey(createHash('sha256').update(b).digest('hex'));
    await store.put(keyOf(orphan), Readable.from([orphan]));
    await store.put(keyOf(recent), Readable.from([recent]));
    const old = new Date(Date.now() - 2 * 86400_000);
    for (const key of [keyOf(orphan), `sha256/${up.body.sha256.slice(0, 2)}/${up.body.sha256}`]) await utimes(join(storeDir, 'objects', key), old, old);

    const removed = await gw.app.get(ObjectSweeper).sweep();
    expect(removed).toEqual([keyOf(orphan)]);
    expect(await store.head(keyOf(orphan))).toBeNull();
    expect(await store.head(keyOf(recent))).not.toBeNull();
    expect((await download(appId, up.body.id, tokens.ent)).status).toBe(200);
  });
});

describe('intake routes over HTTP', () => {
  it('autosaves with the revision, refuses a smuggled id or a stale revision, checks, withdraws and lists versions', async () => {
    const appId = await newApplication(batchId);
    const saved = await http(gw.baseUrl, 'PATCH', `/applications/${appId}`, { token: tokens.ent, body: { expectedRevision: 0, catalogueEntryCode: 'EF04' } });
    expect([saved.status, saved.body.revision]).toEqual([200, 1]);
    const smuggled = await http(gw.baseUrl, 'PATCH', `/applications/${appId}`, { token: tokens.ent, body: { expectedRevision: 1, applicationId: appId } });
    expect([smuggled.status, smuggled.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const stale = await http(gw.baseUrl, 'PATCH', `/applications/${appId}`, { token: tokens.ent, body: { expectedRevision: 0, productName: 'x' } });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_REVISION']);
    const incomplete = await http(gw.baseUrl, 'GET', `/applications/${appId}/check`, { token: tokens.ent });
    expect([incomplete.status, incomplete.body.canSubmit]).toEqual([200, false]);
    await complete(appId);
    const check = await http(gw.baseUrl, 'GET', `/applications/${appId}/check`, { token: tokens.ent });
    expect([check.status, check.body.canSubmit]).toEqual([200, true]);
    const unsigned = await http(gw.baseUrl, 'POST', `/applications/${appId}/submit`, { token: tokens.ent, body: {} });
    expect([unsigned.status, unsigned.body.code, [...new Set(unsigned.body.errors.map((e: { field: string }) => e.field))]]).toEqual([400, 'VALIDATION_FAILED', ['pledgeVersion']]);
    expect((await submit(appId)).status).toBe(200);
    const versions = await http(gw.baseUrl, 'GET', `/applications/${appId}/versions`, { token: tokens.baotou });
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1]);
    const withdrawn = await http(gw.baseUrl, 'POST', `/applications/${appId}/withdraw`, { token: tokens.ent, body: { reason: '撤回' } });
    expect([withdrawn.status, withdrawn.body.state]).toEqual([200, 'WITHDRAWN']);
    expect((await http(gw.baseUrl, 'GET', '/notifications', { token: tokens.ent })).body).toMatchObject({ unread: 0 });
  });

  it('M7.2 takes a complete application in one request with files uploaded before; hostile bodies get problem details and leave nothing', async () => {
    const draftId = await newApplication(batchId);
    const others = await complete(draftId, ['testReport']);
    const up = await upload(draftId, 'testReport', testFiles.pdf(), '检测报告.pdf');
    expect(up.status).toBe(201);
    const form = {
      batchId,
      productKind: 'FIRST_SET_EQUIPMENT',
      productName: '矿用车',
      series: 'ZK',
      model: `ONE-${Math.random().toString(36).slice(2, 8)}`,
      rdCompletedOn: '2026-06-01',
      ...completeFormFields(),
      materials: [...others, { slotId: 'testReport', materialId: up.body.id }],
      pledgeVersion: CURRENT_PLEDGE_VERSION,
    };
    const applications = async () => (await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM "${schemaOf(env, 'intake')}".applications`))[0].n;
    const before = await applications();
    const hostile = [
      { raw: '{"batchId": ', status: 400, code: 'MALFORMED_JSON' },
      { raw: JSON.stringify({ ...form, innovationPoints: ['x'.repeat(1_100_000)] }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
      { body: { ...form, sales: 'many' }, status: 400, code: 'VALIDATION_FAILED', field: 'sales' },
      { body: { ...form, isAdmin: true }, status: 400, code: 'VALIDATION_FAILED', field: 'isAdmin' },
      { body: { ...form, materials: [{ slotId: '../x', materialId: up.body.id }] }, status: 400, code: 'VALIDATION_FAILED', field: 'materials.0.slotId' },
      { body: form, token: tokens.other, status: 404, code: 'NOT_FOUND' }, // another enterprise naming this one's file
      { body: form, token: tokens.baotou, status: 403, code: 'FORBIDDEN_ROLE' },
      { body: form, token: 'forged', status: 401, code: 'UNAUTHENTICATED' },
    ];
    for (const h of hostile) {
      const res = await http(gw.baseUrl, 'POST', '/applications/submissions', { token: h.token ?? tokens.ent, ...(h.raw ? { raw: h.raw } : { body: h.body }) });
      expect([res.status, res.body.code]).toEqual([h.status, h.code]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      if (h.field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(h.field);
    }
    expect(await applications()).toBe(before);

    const headers = { 'idempotency-key': `one-request-${form.model}` };
    const first = await http(gw.baseUrl, 'POST', '/applications/submissions', { token: tokens.ent, body: form, headers });
    expect([first.status, first.body.state, first.body.version]).toEqual([201, 'SUBMITTED', 1]);
    expect(first.body.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await http(gw.baseUrl, 'POST', '/applications/submissions', { token: tokens.ent, body: form, headers });
    expect([again.status, again.body]).toEqual([201, first.body]);
    expect(await applications()).toBe(before + 1);
    const files = await http(gw.baseUrl, 'GET', `/applications/${first.body.id}/materials`, { token: tokens.baotou });
    expect(files.body.map((m: { slotId: string; sha256: string }) => [m.slotId, m.sha256])).toContainEqual(['testReport', up.body.sha256]);
    expect(files.body).toHaveLength(requiredSlots().length);
  });

  it('M7.1 only the Department extends or closes a window, and a reason is required', async () => {
    const noReason = await http(gw.baseUrl, 'POST', `/batches/${batchId}/close-window`, { token: tokens.dept, body: {} });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const ent = await http(gw.baseUrl, 'POST', `/batches/${batchId}/extend-window`, { token: tokens.ent, body: { windowClosesAt: new Date(Date.now() + 90 * day).toISOString(), reason: 'x' } });
    expect(ent.status).toBe(403);
  });

  it('keeps the enterprise profile behind its revision', async () => {
    const read = await http(gw.baseUrl, 'GET', '/enterprise/profile', { token: tokens.ent });
    const saved = await http(gw.baseUrl, 'PATCH', '/enterprise/profile', { token: tokens.ent, body: { expectedRevision: read.body.profileRevision, rdTeam: { headcount: 12 } } });
    expect([saved.status, saved.body.profile.rdTeam.headcount]).toEqual([200, 12]);
  });
});

describe('resumable upload of a large file (M7.4)', () => {
  it('M7.4 resumes an interrupted upload at the offset the server reports, and finishes like a single upload', async () => {
    const appId = await newApplication(batchId);
    const file = testFiles.pdf(`%${'A'.repeat(40 * 1024)}\n1 0 obj << /Type /Catalog >> endobj`);
    const created = await send(`/applications/${appId}/materials/testReport/uploads`, tokens.ent, Buffer.alloc(0), {
      'x-file-name': encodeURIComponent('检测报告.pdf'), 'upload-length': file.length,
    });
    expect(created.status).toBe(201);
    const id = created.body.uploadId;
    const patch = (offset: number, chunk: Buffer, token = tokens.ent) =>
      send(`/uploads/${id}`, token, chunk, { 'upload-offset': offset, 'content-type': 'application/offset+octet-stream' }, false, 'PATCH');
    const first = await patch(0, file.subarray(0, 10_000));
    expect([first.status, first.headers['upload-offset']]).toEqual([204, '10000']);
    const wrong = await patch(5, file.subarray(5, 100));
    expect([wrong.status, wrong.body.code]).toEqual([409, 'UPLOAD_OFFSET_MISMATCH']);
    expect((await patch(10_000, file.subarray(10_000, 11_000), tokens.other)).status).toBe(404);
    // The connection drops in the middle of the second chunk: what arrived is kept.
    await new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(gw.baseUrl).port), '127.0.0.1', () => {
        socket.write(`PATCH /api/uploads/${id} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokens.ent}\r\n` +
          `Content-Type: application/offset+octet-stream\r\nUpload-Offset: 10000\r\nContent-Length: 20000\r\n\r\n`);
        socket.write(file.subarray(10_000, 15_000));
        setTimeout(() => socket.destroy(), 300);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    await new Promise((r) => setTimeout(r, 300));
    const head = await send(`/uploads/${id}`, tokens.ent, Buffer.alloc(0), {}, false, 'HEAD');
    const offset = Number(head.headers['upload-offset']);
    expect(offset).toBe(15_000);
    const last = await patch(offset, file.subarray(offset));
    expect(last.status).toBe(201);
    expect(last.body).toMatchObject({ slotId: 'testReport', fileName: '检测报告.pdf', size: file.length, sha256: createHash('sha256').update(file).digest('hex') });
    expect((await send(`/uploads/${id}`, tokens.ent, Buffer.alloc(0), {}, false, 'HEAD')).status).toBe(404);
    expect(await staging()).toEqual([]);
  });

  it('refuses a session larger than the limit or without a length', async () => {
    const appId = await newApplication(batchId);
    const big = await send(`/applications/${appId}/materials/testReport/uploads`, tokens.ent, Buffer.alloc(0), { 'x-file-name': 'a.pdf', 'upload-length': 10 ** 9 });
    expect([big.status, big.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const none = await send(`/applications/${appId}/materials/testReport/uploads`, tokens.ent, Buffer.alloc(0), { 'x-file-name': 'a.pdf' });
    expect([none.status, none.body.code]).toEqual([400, 'UPLOAD_LENGTH_REQUIRED']);
  });
});
