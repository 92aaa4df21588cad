import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupTestEnv, newTestEnv, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { testFiles } from '@firstset/object-storage/dist/test-files';
import { intakeModule } from '@firstset/intake/module';
import { http, RunningGateway, startGateway } from '../../test/gateway-harness';
import { cutUpload, sendBody } from '../../test/upload-client';

// Hostile uploads against the gateway in process (real PostgreSQL, NATS, filesystem store): each
// refusal is a 4xx problem-details answer and leaves no object, no staged file and no record.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const accounts = [
  { username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD },
  { username: 'ent', displayName: '企业', role: 'enterprise', enterpriseUscc: '91150200MA0N4KXX4C', password: PASSWORD },
];
const day = 86400_000;
let gw: RunningGateway;
let intake: RunningService;
let storeDir: string;
let token: string;
let appId: string;

const upload = (content: Buffer, name = '营业执照.pdf', slot = 'salesContracts') =>
  sendBody(gw.baseUrl, `/applications/${appId}/materials/${slot}`, token, content, { 'x-file-name': encodeURIComponent(name) });
const walk = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return (await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])))).flat();
};
const staging = async () => (await readdir(join(storeDir, '.staging')).catch(() => [] as string[])).sort();
const materials = async () => (await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM "${schemaOf(env, 'intake')}".materials`))[0].n;
/** Everything an upload could leave behind: stored objects, staged files, material rows. */
const traces = async () => ({ objects: (await walk(join(storeDir, 'objects'))).length, staged: await staging(), materials: await materials() });
/** This process's open descriptors (the gateway runs in it). */
const openDescriptors = async () => (await readdir('/proc/self/fd')).length;

beforeAll(async () => {
  storeDir = await mkdtemp(join(tmpdir(), 'gw-hostile-'));
  process.env.OBJECT_STORE_DIR = storeDir;
  const settings = {
    materialMaxFileBytes: 1024 * 1024, // a 256 MiB bomb fits in ~260 KiB
    materialMaxApplicationBytes: 64 * 1024 * 1024,
    materialTypes: ['pdf', 'ofd', 'jpg', 'png', 'docx', 'xlsx'],
    hashSm3: false,
  };
  intake = await startServiceInProcess(env, 'intake', (c) => intakeModule(c, settings));
  gw = await startGateway(env, accounts);
  const login = async (username: string) => (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username, password: PASSWORD } })).body.accessToken;
  token = await login('ent');
  const year = new Date().getFullYear();
  const batch = await http(gw.baseUrl, 'POST', '/batches', {
    token: await login('dept'),
    body: { year, name: `${year}年度`, windowOpensAt: new Date(Date.now() - day).toISOString(), windowClosesAt: new Date(Date.now() + 30 * day).toISOString(), prefectureDeadline: new Date(Date.now() + 60 * day).toISOString().slice(0, 10) },
  });
  await http(gw.baseUrl, 'PUT', '/enterprise/profile', { token, body: { name: '某装备有限公司', registeredAddress: '内蒙古', addressDivisionCode: '150204' } });
  const app = await http(gw.baseUrl, 'POST', '/applications', {
    token,
    body: { batchId: batch.body.id, productKind: 'FIRST_SET_EQUIPMENT', productName: '矿用车', series: 'ZK', model: 'H-1', rdCompletedOn: '2026-06-01' },
  });
  appId = app.body.id;
});

afterAll(async () => {
  await gw?.close();
  await intake?.close();
  await cleanupTestEnv(env);
  await rm(storeDir, { recursive: true, force: true });
  delete process.env.OBJECT_STORE_DIR;
});

describe('hostile material uploads are refused with a reason and leave nothing (M7.4)', () => {
  it('M7.4 refuses each hostile file with its code, Chinese then English, and stores nothing', async () => {
    const before = await traces();
    const cases: Array<[string, Buffer, string, string]> = [
      ['JavaScript behind /Fl#61teDecode', testFiles.pdfWithEscapedFilterJs(), 'ACTIVE_CONTENT', '/JavaScript'],
      ['JavaScript in an ASCIIHex object stream', testFiles.pdfWithHexJs(), 'ACTIVE_CONTENT', '/JS'],
      ['/OpenAction with /URI', testFiles.pdfOpenActionUri(), 'ACTIVE_CONTENT', '/URI'],
      ['/OpenAction with /GoToR', testFiles.pdfOpenActionGoToR(), 'ACTIVE_CONTENT', '/GoToR'],
      ['a 256 MiB zip-bomb docx', await testFiles.zipBombDocx(), 'ARCHIVE_LIMITS', 'word/document.xml'],
      ['a docx with a VBA project', testFiles.docxWithVba(), 'ACTIVE_CONTENT', 'vbaProject.bin'],
      ['a docx carrying a program', testFiles.docxWithExe(), 'EMBEDDED_PROGRAM', 'Windows program'],
      ['a PDF with a ZIP holding an .exe appended', testFiles.pdfWithAppendedZip(), 'POLYGLOT', 'ZIP'],
      ['a PDF/HTML polyglot', testFiles.pdfHtmlPolyglot(), 'POLYGLOT', 'HTML'],
      ['a JPEG with a docx appended', Buffer.concat([testFiles.jpeg(), testFiles.docx()]), 'POLYGLOT', 'ZIP'],
    ];
    for (const [what, content, code, detail] of cases) {
      const res = await upload(content, what.includes('docx') && !what.includes('JPEG') ? 'a.docx' : 'a.pdf');
      expect([what, res.status, res.headers['content-type'], res.body.code]).toEqual([what, 422, expect.stringContaining('application/problem+json'), code]);
      expect([what, res.body.detail]).toEqual([what, expect.stringContaining(detail)]);
      expect(res.body.title).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff].* \/ [A-Z]/); // Chinese first, then English
    }
    const exe = await upload(testFiles.exe(), '发票.pdf');
    expect([exe.status, exe.body.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    expect(await traces()).toEqual(before);
  });

  it('M7.4 keeps good files: a PDF with Flate streams, outline and internal /Link annotations, docx, xlsx, JPEG and PNG', async () => {
    const good: Array<[string, Buffer]> = [
      ['报告.pdf', testFiles.pdfWithInternalLinks()],
      ['说明.docx', testFiles.docxDeflated()],
      ['清单.xlsx', testFiles.xlsx()],
      ['照片.jpg', testFiles.jpeg()],
      ['截图.png', testFiles.png()],
    ];
    for (const [name, content] of good) {
      const res = await upload(content, name);
      expect([name, res.status, res.body.fileName]).toEqual([name, 201, name]);
    }
  });

  it('M7.4 strips a right-to-left override and control characters from the name and gives it the detected type\'s extension', async () => {
    const rtl = await upload(testFiles.pdf('1 0 obj << /Title (rtl) >> endobj'), '发票\u202Efdp.exe');
    expect([rtl.status, rtl.body.fileName]).toEqual([201, '发票fdp.exe.pdf']);
    const isolates = await upload(Buffer.concat([testFiles.png(), Buffer.from('isolates')]), 'C:\\Users\\张三\\截图\u2067\u200f\u0007.jpeg');
    expect([isolates.status, isolates.body.fileName]).toEqual([201, '截图.jpeg.png']);
    const long = await upload(Buffer.concat([testFiles.jpeg(), Buffer.from('long')]), `${'长'.repeat(300)}.JPG`);
    expect([long.status, [...long.body.fileName].length, long.body.fileName.endsWith('长.JPG')]).toEqual([201, 120, true]);
    const listed = (await http(gw.baseUrl, 'GET', `/applications/${appId}/materials`, { token })).body as Array<{ fileName: string }>;
    expect(listed.map((m) => m.fileName)).toEqual(expect.arrayContaining(['发票fdp.exe.pdf', '截图.jpeg.png']));
  });
});

describe('interrupted uploads free their descriptor and staged file at once (M7.4)', () => {
  const CUTS = 50;
  /**
   * Waits (at most 3 s) until the cut requests are handled — the gateway may only start on the last
   * ones after their clients are gone: descriptors back to the baseline and no lock held, for 250 ms.
   */
  const settle = async (baseline: number) => {
    const busy = async () => (await openDescriptors()) > baseline || (await staging()).some((n) => n.endsWith('.lock'));
    for (let i = 0, quiet = 0; i < 60 && quiet < 5; i++) {
      quiet = (await busy()) ? 0 : quiet + 1;
      await new Promise((r) => setTimeout(r, 50));
    }
    return openDescriptors();
  };

  it(`M7.4 single uploads cut ${CUTS} times each way (socket destroyed mid-body; a short body and a close) leave no descriptor and no staged file`, async () => {
    await upload(testFiles.pdf('1 0 obj << /Title (warm) >> endobj'), 'warm.pdf'); // pools and caches open once
    const staged = await staging();
    const baseline = await openDescriptors();
    const head = `POST /api/applications/${appId}/materials/salesInvoices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/octet-stream\r\nX-File-Name: cut.pdf\r\n`;
    const body = Buffer.concat([testFiles.pdf(), Buffer.alloc(8000, 0x20)]);
    for (let i = 0; i < CUTS; i++) {
      await cutUpload(gw.baseUrl, head, body.subarray(0, 4000), 200_000, { mode: 'destroy', afterMs: i % 2 ? 30 : 0 });
      await cutUpload(gw.baseUrl, head, body.subarray(0, 4000), 200_000, { mode: 'end' });
    }
    expect((await settle(baseline)) - baseline).toBeLessThan(5); // a leak would keep 100
    expect(await staging()).toEqual(staged);
    const listed = (await http(gw.baseUrl, 'GET', `/applications/${appId}/materials`, { token })).body as Array<{ slotId: string }>;
    expect(listed.filter((m) => m.slotId === 'salesInvoices')).toEqual([]);
  });

  it(`M7.4 resumable chunks cut ${CUTS} times each way leave no descriptor and no lock; the session keeps only its bytes and resumes`, async () => {
    const file = testFiles.pdf(`%${'A'.repeat(900_000)}\n1 0 obj << /Type /Catalog >> endobj`);
    const created = await sendBody(gw.baseUrl, `/applications/${appId}/materials/testReport/uploads`, token, Buffer.alloc(0), {
      'x-file-name': encodeURIComponent('检测报告.pdf'), 'upload-length': file.length,
    });
    expect(created.status).toBe(201);
    const id = created.body.uploadId as string;
    const offset = async () => Number((await sendBody(gw.baseUrl, `/uploads/${id}`, token, Buffer.alloc(0), {}, false, 'HEAD')).headers['upload-offset']);
    const baseline = await openDescriptors();
    for (let i = 0; i < CUTS * 2; i++) {
      const at = await offset();
      const head = `PATCH /api/uploads/${id} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: ${at}\r\n`;
      await cutUpload(gw.baseUrl, head, file.subarray(at, at + 1000), 50_000, i % 2 ? { mode: 'end' } : { mode: 'destroy', afterMs: i % 4 ? 30 : 0 });
    }
    expect((await settle(baseline)) - baseline).toBeLessThan(5);
    expect((await staging()).filter((n) => n.startsWith(id))).toEqual([`${id}.part`, `${id}.session.json`]);
    const at = await offset();
    expect(at).toBeGreaterThan(0);
    const last = await sendBody(gw.baseUrl, `/uploads/${id}`, token, file.subarray(at), { 'upload-offset': at, 'content-type': 'application/offset+octet-stream' }, false, 'PATCH');
    expect([last.status, last.body.size]).toEqual([201, file.length]);
    expect((await staging()).filter((n) => n.startsWith(id))).toEqual([]);
  });
});
