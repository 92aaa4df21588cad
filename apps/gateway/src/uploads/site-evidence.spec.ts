import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AssignExpert, CommissionInstitution, SummarySubmitted } from '@firstset/contracts';
import { contentKey, FilesystemObjectStorage } from '@firstset/object-storage';
import { testFiles } from '@firstset/object-storage/dist/test-files';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { expertManagementModule } from '@firstset/expert-management/module';
import { intakeModule } from '@firstset/intake/module';
import { publicityModule } from '@firstset/publicity/module';
import { complianceModule } from '@firstset/compliance/module';
import { http, RunningGateway, startGateway } from '../../test/gateway-harness';
import { sendBody } from '../../test/upload-client';
import { ObjectSweeper } from './object-sweeper';

// Issue 17 item 5: photos and documents of an on-site verification (M8.2) through the gateway's
// streaming upload — hostile ones refused with problem details and nothing left behind.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const USCC = '91150200MA0N4KXX4C';
const ids = { centre: randomUUID(), other: randomUUID(), wang: randomUUID() };
let gw: RunningGateway;
let pool: RunningService;
let intake: RunningService;
let publicity: RunningService;
let compliance: RunningService;
let rpc: RpcCaller;
let storeDir: string;
const tokens: Record<string, string> = {};

const accounts = [
  { username: 'centre', displayName: '评价中心', role: 'institution_staff', institutionId: ids.centre, password: PASSWORD },
  { username: 'other', displayName: '另一机构', role: 'institution_staff', institutionId: ids.other, password: PASSWORD },
  { username: 'ent', displayName: '企业', role: 'enterprise', enterpriseUscc: USCC, password: PASSWORD },
  { username: 'wang', displayName: '王明', role: 'expert', expertId: ids.wang, institutionId: ids.centre, password: PASSWORD },
];

const walk = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return (await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])))).flat();
};
const objects = async () => (await walk(join(storeDir, 'objects'))).length;
const evidenceCount = async (findingId: string) =>
  (await sql<{ n: number }>(env, `SELECT jsonb_array_length(evidence)::int AS n FROM "${schemaOf(env, 'expert-management')}".site_findings WHERE id = $1`, [findingId]))[0]!.n;

const upload = (visitId: string, findingId: string, content: Buffer, name = '现场照片.jpg', token = tokens.centre) =>
  sendBody(gw.baseUrl, `/site-visits/${visitId}/findings/${findingId}/evidence`, token, content, { 'x-file-name': encodeURIComponent(name) });
const jpeg = (n: number) => Buffer.concat([testFiles.jpeg(), Buffer.from(`photo ${n} ${randomUUID()}`)]);

/** A case under review with Wang on the panel, a visit scheduled over HTTP and one finding recorded. */
async function visitWithFinding(): Promise<{ visitId: string; findingId: string; applicationId: string }> {
  const batchId = randomUUID();
  await rpc.request(CommissionInstitution, { batchId, institutionId: ids.centre }, actors.department());
  const applicationId = randomUUID();
  const n = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  await publishEvent(env, SummarySubmitted, {
    summaryId: randomUUID(),
    batchId,
    prefectureId: '150200',
    entries: [{
      applicationId, batchId, applicationNo: `2026-150200-${n}`, prefectureId: '150200', order: 1, opinion: '同意推荐',
      enterprise: { uscc: USCC, name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
      product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${n}`, rdCompletedOn: '2026-03-01' },
    }],
    submittedBy: randomUUID(),
    submittedAt: new Date().toISOString(),
  });
  await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'expert-management-summaries');
  await rpc.request(AssignExpert, { applicationId, expertId: ids.wang }, actors.institution(ids.centre));
  const visitOn = new Date(Date.now() + 8 * 3600_000 + 7 * 86400_000).toISOString().slice(0, 10);
  const visit = await http(gw.baseUrl, 'POST', `/reviews/${applicationId}/site-visits`, {
    token: tokens.centre,
    body: { visitOn, address: '包头市青山区装备产业园', notice: '请准备生产线和检测报告', memberExpertIds: [ids.wang] },
  });
  expect(visit.status).toBe(201);
  const f = await http(gw.baseUrl, 'POST', `/site-visits/${visit.body.id}/findings`, { token: tokens.centre, body: { item: '生产线', result: 'conforms', description: '与申报一致' } });
  expect(f.status).toBe(201);
  return { visitId: visit.body.id, findingId: f.body.findings[0].id, applicationId };
}

beforeAll(async () => {
  storeDir = await mkdtemp(join(tmpdir(), 'gw-site-evidence-'));
  process.env.OBJECT_STORE_DIR = storeDir;
  pool = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  publicity = await startServiceInProcess(env, 'publicity', publicityModule); // the sweep asks it about objection files
  compliance = await startServiceInProcess(env, 'compliance', complianceModule); // and about tracking reports' files (M12.2)
  rpc = await RpcCaller.connect(env);
  const s = schemaOf(env, 'expert-management');
  await sql(env, `INSERT INTO "${s}".institutions (id, name, uscc) VALUES ($1, '内蒙古自治区工业技术评价中心', '12150000MB1234562H'), ($2, '另一家评价机构', '12150000MB7654321X')`, [ids.centre, ids.other]);
  await sql(env, `INSERT INTO "${s}".experts (id, name, institution_id, field) VALUES ($1, '王明', $2, '矿山装备')`, [ids.wang, ids.centre]);
  gw = await startGateway(env, accounts);
  for (const a of accounts) tokens[a.username] = (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username: a.username, password: PASSWORD } })).body.accessToken;
});

afterAll(async () => {
  await gw?.close();
  await rpc?.close();
  await intake?.close();
  await publicity?.close();
  await compliance?.close();
  await pool?.close();
  await cleanupTestEnv(env);
  await rm(storeDir, { recursive: true, force: true });
  delete process.env.OBJECT_STORE_DIR;
});

describe('site evidence uploads (M8.2)', () => {
  it('M8.2 a photo is stored by content and recorded with the finding; the panel downloads it, audited', async () => {
    const { visitId, findingId } = await visitWithFinding();
    const up = await upload(visitId, findingId, testFiles.jpeg(), '../生产线.jpeg');
    expect(up.status).toBe(201);
    const photo = up.body.findings[0].evidence[0];
    expect(photo).toMatchObject({ mediaType: 'jpg', size: testFiles.jpeg().length });
    const res = await fetch(`${gw.baseUrl}/site-visits/${visitId}/findings/${findingId}/evidence/${photo.id}`, { headers: { authorization: `Bearer ${tokens.wang}` } });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(Buffer.from(await res.arrayBuffer()).equals(testFiles.jpeg())).toBe(true);
    const theirs = await fetch(`${gw.baseUrl}/site-visits/${visitId}/findings/${findingId}/evidence/${photo.id}`, { headers: { authorization: `Bearer ${tokens.other}` } });
    expect(theirs.status).toBe(404);
  });

  it('M8.2 a type other than JPEG, PNG or PDF by content is refused with 415 and nothing is kept', async () => {
    const { visitId, findingId } = await visitWithFinding();
    const before = await objects();
    const exe = await upload(visitId, findingId, testFiles.exe(), '照片.jpg');
    expect([exe.status, exe.body.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    const docx = await upload(visitId, findingId, testFiles.docx(), '说明.docx');
    expect([docx.status, docx.body.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    const script = await upload(visitId, findingId, testFiles.pdfWithJs(), '报告.pdf');
    expect([script.status, script.body.code]).toEqual([422, 'ACTIVE_CONTENT']);
    expect([await objects(), await evidenceCount(findingId)]).toEqual([before, 0]);
  });

  it('M8.2 a file over 20 MiB is refused with 413 before it is read', async () => {
    const { visitId, findingId } = await visitWithFinding();
    const big = await upload(visitId, findingId, Buffer.concat([testFiles.jpeg(), Buffer.alloc(20 * 1024 * 1024)]));
    expect([big.status, big.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(await evidenceCount(findingId)).toBe(0);
  });

  it('M8.2 the 21st file of a finding is refused with 422', async () => {
    const { visitId, findingId } = await visitWithFinding();
    for (let i = 0; i < 20; i += 1) expect((await upload(visitId, findingId, jpeg(i))).status).toBe(201);
    const full = await upload(visitId, findingId, jpeg(21));
    expect([full.status, full.body.code]).toEqual([422, 'SITE_EVIDENCE_FULL']);
    expect(await evidenceCount(findingId)).toBe(20);
  });

  it('M8.2 M11.1 another institution, an expert of the panel and the applicant before the conclusion cannot upload', async () => {
    const { visitId, findingId } = await visitWithFinding();
    const before = await objects();
    const other = await upload(visitId, findingId, jpeg(1), '照片.jpg', tokens.other);
    expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await upload(visitId, findingId, jpeg(2), '照片.jpg', tokens.wang)).status).toBe(403);
    const early = await upload(visitId, findingId, jpeg(3), '回复.jpg', tokens.ent);
    expect([early.status, early.body.code]).toEqual([409, 'SITE_VISIT_NOT_CONCLUDED']);
    expect([await objects(), await evidenceCount(findingId)]).toEqual([before, 0]);
  });

  it('M8.2 the object sweep keeps a day-old object site evidence refers to and removes one nothing refers to', async () => {
    const { visitId, findingId } = await visitWithFinding();
    const content = jpeg(99);
    expect((await upload(visitId, findingId, content)).status).toBe(201);
    const store = new FilesystemObjectStorage(storeDir);
    const keyOf = (b: Buffer) => contentKey(createHash('sha256').update(b).digest('hex'));
    const orphan = Buffer.from(`left behind ${randomUUID()}`);
    await store.put(keyOf(orphan), Readable.from([orphan]));
    const old = new Date(Date.now() - 2 * 86400_000);
    for (const b of [content, orphan]) await utimes(join(storeDir, 'objects', keyOf(b)), old, old);
    const removed = await gw.app.get(ObjectSweeper).sweep();
    expect(removed).toContain(keyOf(orphan));
    expect(removed).not.toContain(keyOf(content));
    expect(await store.head(keyOf(content))).not.toBeNull();
  });
});
