import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { ApplicationReviewed } from '@firstset/contracts';
import { testFiles } from '@firstset/object-storage/dist/test-files';
import { publicityModule } from '@firstset/publicity/module';
import { cleanupTestEnv, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, RunningGateway, startGateway } from './gateway-harness';

// Objections over HTTP (M9.2, M9.3; ADR 0025): anonymous lodging limited per address, the
// receipt number with the phone as second factor, evidence streamed with its type decided by content.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const LIMIT = 4;
let gw: RunningGateway;
let publicity: RunningService;
let rpc: RpcCaller;
let storeDir: string;
let dept: string;
const S = () => `"${schemaOf(env, 'publicity')}"`;

/** An anonymous upload with node:http (it reads a response even after a refused body). */
function sendFile(path: string, body: Buffer, headers: Record<string, string | number> = {}, chunked = false) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const req = httpRequest(new URL(`${gw.baseUrl}${path}`), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('证据.pdf'), ...(chunked ? {} : { 'content-length': body.length }), ...headers },
    }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(parts).toString() || 'null') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A published list of one entry (published on `publicationDate`), its entry id. */
async function publishedEntry(publicationDate: string): Promise<string> {
  const batchId = randomUUID();
  const applicationId = randomUUID();
  await publishEvent(env, ApplicationReviewed, {
    applicationId,
    batchId,
    applicationNo: '2026-150200-00001',
    prefectureId: '150200',
    enterprise: { uscc: '91150200MA0N4KXX4C', name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: 'ZK-1', rdCompletedOn: '2026-03-01' },
    score: 85,
    opinion: '同意认定',
    reviewedAt: new Date().toISOString(),
  });
  await eventually(async () => (await sql(env, `SELECT 1 FROM ${S()}.candidates WHERE application_id = $1`, [applicationId])).length === 1);
  // A publication is never back-dated (M9.2): a list published in the past was decided and published then.
  const past = publicationDate < '2026-11-30';
  if (past) await rpc.setClock(new Date(`${publicationDate}T02:00:00Z`));
  const decision = { batchId, meetingRef: '厅务会纪要〔2026〕3号', meetingOn: '2026-09-28', deliberation: '同意列入', decisions: [{ applicationId, outcome: 'selected' }] };
  const decided = await http(gw.baseUrl, 'POST', '/decisions', { token: dept, body: decision });
  expect(decided.status).toBe(201);
  const published = await http(gw.baseUrl, 'POST', `/decision-lists/${decided.body.list.id}/publish`, { token: dept, body: { publicationDate } });
  expect(published.status).toBe(200);
  if (past) await rpc.setClock(new Date('2026-11-30T02:00:00Z'));
  const [entry] = await sql<{ id: string }>(env, `SELECT id FROM ${S()}.decision_list_entries WHERE application_id = $1`, [applicationId]);
  return entry.id;
}

const objection = (entryId: string) => ({ entryId, objectorName: '李四', objectorKind: 'individual', phone: '13900000009', grounds: '该型号产品早在三年前即已在区外销售。' });
let entryId: string;
let receiptNo: string;

beforeAll(async () => {
  storeDir = await mkdtemp(join(tmpdir(), 'gw-objections-'));
  process.env.OBJECT_STORE_DIR = storeDir;
  publicity = await startServiceInProcess(env, 'publicity', publicityModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-11-30T02:00:00Z'));
  gw = await startGateway(env, [
    { username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD },
    { username: 'baotou', displayName: '包头', role: 'prefecture_officer', prefectureId: '150200', password: PASSWORD },
    { username: 'hohhot', displayName: '呼和浩特', role: 'prefecture_officer', prefectureId: '150100', password: PASSWORD },
    { username: 'audit', displayName: '审计', role: 'auditor', password: PASSWORD },
  ], {
    OBJECTION_RATE_LIMIT_PER_HOUR: String(LIMIT),
  });
  dept = (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username: 'dept', password: PASSWORD } })).body.accessToken;
  entryId = await publishedEntry('2026-11-30');
  const lodged = await http(gw.baseUrl, 'POST', '/public/objections', { body: objection(entryId) });
  expect(lodged.status).toBe(201);
  receiptNo = lodged.body.receiptNo;
});

afterAll(async () => {
  await rpc?.close();
  await gw?.close();
  await publicity?.close();
  await rm(storeDir, { recursive: true, force: true });
  await cleanupTestEnv(env);
});

describe('objections over HTTP', () => {
  it('M9.2 follows a case with its receipt number and phone only; a wrong pair is 404 whichever part is wrong', async () => {
    const ok = await http(gw.baseUrl, 'GET', `/public/objections/${receiptNo}?phone=13900000009`);
    expect([ok.status, ok.body.status, ok.body.entry.productName]).toEqual([200, 'received', '大型矿用自卸车']);
    const wrongPhone = await http(gw.baseUrl, 'GET', `/public/objections/${receiptNo}?phone=13900000000`);
    const wrongReceipt = await http(gw.baseUrl, 'GET', `/public/objections/2026-ZZZZ-ZZZZ?phone=13900000009`);
    const garbage = await http(gw.baseUrl, 'GET', `/public/objections/not-a-receipt?phone=13900000009`);
    expect([wrongPhone.status, wrongReceipt.status, garbage.status]).toEqual([404, 404, 404]);
    expect(new Set([wrongPhone.body.title, wrongReceipt.body.title, garbage.body.title]).size).toBe(1);
    expect(wrongPhone.headers.get('content-type')).toMatch(/problem\+json/);
    // The Department sees the case; the public does not see the list of cases.
    expect((await http(gw.baseUrl, 'GET', '/objections')).status).toBe(401);
    const cases = await http(gw.baseUrl, 'GET', '/objections?status=received', { token: dept });
    expect(cases.body.map((c: { receiptNo: string }) => c.receiptNo)).toContain(receiptNo);
  });

  it('M9.2 refuses an objection after the publicity with its end date (422), and nothing is written', async () => {
    const late = await publishedEntry('2026-09-30');
    const refused = await http(gw.baseUrl, 'POST', '/public/objections', { body: objection(late) });
    expect([refused.status, refused.body.code, refused.body.detail]).toEqual([422, 'OBJECTION_PERIOD_OVER', '2026-10-12']);
    expect(await sql(env, `SELECT 1 FROM ${S()}.objections WHERE entry_id = $1`, [late])).toHaveLength(0);
  });

  it('streams evidence: a PDF is kept; a wrong type (415), an oversize body (413) and a wrong phone (404) leave nothing', async () => {
    const path = `/public/objections/${receiptNo}/attachments?phone=13900000009`;
    const pdf = await sendFile(path, testFiles.pdf());
    expect([pdf.status, pdf.body.attachments.length, pdf.body.attachments[0].mediaType]).toEqual([201, 1, 'pdf']);
    const exe = await sendFile(path, testFiles.exe());
    expect([exe.status, exe.body.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    const docx = await sendFile(path, testFiles.docx());
    expect([docx.status, docx.body.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    const big = await sendFile(path, Buffer.concat([testFiles.pdf(), Buffer.alloc(20 * 1024 * 1024)]), {}, true);
    expect([big.status, big.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const wrong = await sendFile(`/public/objections/${receiptNo}/attachments?phone=13900000000`, testFiles.png());
    expect([wrong.status, wrong.body.code]).toEqual([404, 'OBJECTION_NOT_FOUND']);
    const [row] = await sql<{ attachments: unknown[] }>(env, `SELECT attachments FROM ${S()}.objections WHERE receipt_no = $1`, [receiptNo]);
    expect(row.attachments).toHaveLength(1);
    const png = await sendFile(path, testFiles.png(), { 'x-file-name': encodeURIComponent('现场照片.png') });
    expect([png.status, png.body.attachments.map((a: { fileName: string }) => a.fileName)]).toEqual([201, ['证据.pdf', '现场照片.png']]);
  });

  it('M9.3 the party asked attaches files to its answer (PDF/JPEG/PNG by content, at most 5, before answering); the Department alone downloads evidence and attachments, audited', async () => {
    const login = async (username: string) => (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username, password: PASSWORD } })).body.accessToken as string;
    const [baotou, hohhot, auditor] = [await login('baotou'), await login('hohhot'), await login('audit')];
    const [{ id }] = await sql<{ id: string }>(env, `SELECT id FROM ${S()}.objections WHERE receipt_no = $1`, [receiptNo]);
    let detail = (await http(gw.baseUrl, 'GET', `/objections/${id}`, { token: dept })).body;
    const admitted = await http(gw.baseUrl, 'POST', `/objections/${id}/assessment`, { token: dept, body: { expectedVersion: detail.version, outcome: 'under_investigation', reason: '理由具体，予以受理' } });
    expect(admitted.status).toBe(200);
    const asked = await http(gw.baseUrl, 'POST', `/objections/${id}/inquiries`, { token: dept, body: { expectedVersion: admitted.body.version, party: 'prefecture', question: '请核实该产品的首次销售时间。', dueOn: '2026-12-04' } });
    expect(asked.status).toBe(200);
    const inquiryId = asked.body.inquiries[0].id as string;
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const path = `/objection-inquiries/${inquiryId}/attachments`;
    // M9.3: the prefecture asked attaches; magic bytes decide (an .exe named .pdf: 415), 20 MiB at most, another prefecture finds nothing.
    const pdf = await sendFile(path, testFiles.pdf(), { ...auth(baotou), 'x-file-name': encodeURIComponent('销售合同.pdf') });
    expect([pdf.status, pdf.body.attachments.map((a: { fileName: string }) => a.fileName)]).toEqual([201, ['销售合同.pdf']]);
    const exe = await sendFile(path, testFiles.exe(), auth(baotou));
    expect([exe.status, exe.body.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    const big = await sendFile(path, Buffer.concat([testFiles.png(), Buffer.alloc(20 * 1024 * 1024)]), auth(baotou), true);
    expect([big.status, big.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const other = await sendFile(path, testFiles.png(), auth(hohhot));
    expect([other.status, other.body.code]).toEqual([404, 'INQUIRY_NOT_FOUND']);
    const anonymous = await sendFile(path, testFiles.png());
    expect(anonymous.status).toBe(401);
    const [inq] = await sql<{ attachments: unknown[] }>(env, `SELECT attachments FROM ${S()}.objection_inquiries WHERE id = $1`, [inquiryId]);
    expect(inq.attachments).toHaveLength(1);
    // At most 5: four more distinct files fill it, the sixth is refused before a byte is read.
    for (let i = 0; i < 4; i++) {
      const more = await sendFile(path, Buffer.concat([testFiles.png(), Buffer.from(`#${i}`)]), auth(baotou));
      expect(more.status).toBe(201);
    }
    const sixth = await sendFile(path, testFiles.pdf(), auth(baotou));
    expect([sixth.status, sixth.body.code]).toEqual([422, 'OBJECTION_ATTACHMENTS_FULL']);
    const answered = await http(gw.baseUrl, 'POST', `/objection-inquiries/${inquiryId}/answer`, { token: baotou, body: { answer: '经核实，首次销售为2025年。' } });
    expect([answered.status, answered.body.attachments.length]).toEqual([200, 5]);
    const late = await sendFile(path, testFiles.png(), auth(baotou));
    expect([late.status, late.body.code]).toEqual([409, 'INQUIRY_ALREADY_ANSWERED']);
    // The Department sees and downloads both kinds of file; the bytes are the stored ones.
    detail = (await http(gw.baseUrl, 'GET', `/objections/${id}`, { token: dept })).body;
    const evidence = detail.attachments[0] as { sha256: string; fileName: string };
    const answerFile = detail.inquiries[0].attachments[0] as { sha256: string };
    const got = await fetch(`${gw.baseUrl}/objections/${id}/files/${evidence.sha256}`, { headers: auth(dept) });
    expect([got.status, got.headers.get('content-type'), got.headers.get('content-disposition')]).toEqual([200, 'application/pdf', expect.stringContaining(encodeURIComponent('证据.pdf'))]);
    expect(Buffer.from(await got.arrayBuffer()).equals(testFiles.pdf())).toBe(true);
    const gotAnswer = await fetch(`${gw.baseUrl}/objections/${id}/inquiries/${inquiryId}/files/${answerFile.sha256}`, { headers: auth(dept) });
    expect(gotAnswer.status).toBe(200);
    expect(Buffer.from(await gotAnswer.arrayBuffer()).equals(testFiles.pdf())).toBe(true);
    // Hostile: the party asked, an auditor, the public: refused; an unknown or malformed file: 404.
    for (const token of [baotou, auditor]) {
      expect((await fetch(`${gw.baseUrl}/objections/${id}/files/${evidence.sha256}`, { headers: auth(token) })).status).toBe(403);
    }
    expect((await fetch(`${gw.baseUrl}/objections/${id}/files/${evidence.sha256}`)).status).toBe(401);
    const unknown = await fetch(`${gw.baseUrl}/objections/${id}/files/${'0'.repeat(64)}`, { headers: auth(dept) });
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'OBJECTION_FILE_NOT_FOUND']);
    expect((await fetch(`${gw.baseUrl}/objections/${id}/files/not-a-hash`, { headers: auth(dept) })).status).toBe(404);
    expect((await fetch(`${gw.baseUrl}/objections/${randomUUID()}/files/${evidence.sha256}`, { headers: auth(dept) })).status).toBe(404);
    expect((await fetch(`${gw.baseUrl}/objections/${id}/inquiries/${randomUUID()}/files/${answerFile.sha256}`, { headers: auth(dept) })).status).toBe(404);
    const audit = await sql<{ outcome: string }>(env, `SELECT outcome FROM ${S()}.audit_records WHERE action = 'objection.file-download' AND object_id = $1`, [id]);
    expect(audit.map((a) => a.outcome).sort()).toEqual(['rejected', 'rejected', 'succeeded', 'succeeded']);
  });

  it('M9.1 withdraws a decided list over HTTP: a bad body 400, another role 403, then 200 WITHDRAWN; a published list 409', async () => {
    const applicationId = randomUUID();
    const batchId = randomUUID();
    await publishEvent(env, ApplicationReviewed, {
      applicationId,
      batchId,
      applicationNo: '2026-150200-00002',
      prefectureId: '150200',
      enterprise: { uscc: '91150200MA0N4KXX4C', name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
      product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: 'ZK-2', rdCompletedOn: '2026-03-01' },
      score: 85,
      opinion: '同意认定',
      reviewedAt: new Date().toISOString(),
    });
    await eventually(async () => (await sql(env, `SELECT 1 FROM ${S()}.candidates WHERE application_id = $1`, [applicationId])).length === 1);
    const decided = await http(gw.baseUrl, 'POST', '/decisions', { token: dept, body: { batchId, meetingRef: '厅务会纪要〔2026〕4号', meetingOn: '2026-11-27', deliberation: '', decisions: [{ applicationId, outcome: 'selected' }] } });
    const list = decided.body.list as { id: string; version: number };
    const path = `/decision-lists/${list.id}/withdraw`;
    const baotou = (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username: 'baotou', password: PASSWORD } })).body.accessToken as string;
    expect((await http(gw.baseUrl, 'POST', path, { token: dept, body: { expectedVersion: list.version } })).status).toBe(400);
    expect((await http(gw.baseUrl, 'POST', path, { token: baotou, body: { expectedVersion: list.version, reason: '有误' } })).status).toBe(403);
    const ok = await http(gw.baseUrl, 'POST', path, { token: dept, body: { expectedVersion: list.version, reason: '会议纪要有误' } });
    expect([ok.status, ok.body.status, ok.body.withdrawal.reason]).toEqual([200, 'WITHDRAWN', '会议纪要有误']);
    const published = (await sql<{ id: string; version: number }>(env, `SELECT id, version FROM ${S()}.decision_lists WHERE status = 'PUBLISHED' LIMIT 1`))[0]!;
    const refused = await http(gw.baseUrl, 'POST', `/decision-lists/${published.id}/withdraw`, { token: dept, body: { expectedVersion: published.version, reason: '有误' } });
    expect([refused.status, refused.body.code]).toEqual([409, 'DECISION_LIST_PUBLISHED']);
  });

  // Last: it spends this address's lodging allowance.
  it('limits anonymous lodging per address to the configured number an hour, with Retry-After; following is not counted', async () => {
    const before = Number((await sql<{ n: string }>(env, `SELECT count(*) AS n FROM ${S()}.objections`))[0].n);
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof http>> | undefined;
    for (let i = 0; i < LIMIT + 1 && !refused; i++) {
      const r = await http(gw.baseUrl, 'POST', '/public/objections', { body: objection(entryId) });
      statuses.push(r.status);
      if (r.status === 429) refused = r;
    }
    // The beforeAll's lodging and the late one's refusal counted too: the limit is per address, whatever the answer.
    expect(statuses.filter((s) => s === 201).length).toBeLessThan(LIMIT);
    expect([refused?.status, refused?.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    const wait = Number(refused!.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(60);
    const after = Number((await sql<{ n: string }>(env, `SELECT count(*) AS n FROM ${S()}.objections`))[0].n);
    expect(after - before).toBe(statuses.filter((s) => s === 201).length);
    expect((await http(gw.baseUrl, 'GET', `/public/objections/${receiptNo}?phone=13900000009`)).status).toBe(200);
  });
});
