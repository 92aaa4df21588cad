import { readFileSync } from 'node:fs';
import { connect as tcp } from 'node:net';
import { join } from 'node:path';
import { testFiles } from '@firstset/object-storage/dist/test-files';
import { cleanupTestEnv, completeFormFields, CURRENT_PLEDGE_VERSION, eventually, http, newTestEnv, REPO_ROOT, requiredSlots, RpcCaller } from '@firstset/testing';
import { completeViaApi, submitViaApi } from './complete-application';
import { BatteryContext, footprint, Footprint, HostileCase, send, withoutRejections } from './hostile-kit';
import { Platform, startPlatform } from './platform';

/**
 * The standing hostile-input battery (issue 14): the whole platform as processes, one row per
 * hostile request. Each must get a 4xx problem-details answer and leave every table, the object
 * store and every JetStream stream of the run as they were (a refusal's own `rejected` audit
 * record aside). Add a case by adding a row.
 */
const env = newTestEnv();
const demo = JSON.parse(readFileSync(join(REPO_ROOT, 'scripts', 'demo-data.json'), 'utf8'));
const MAX_FILE_BYTES = 256 * 1024;
let platform: Platform;
let rpc: RpcCaller;
const c: BatteryContext = { baseUrl: '', tokens: {}, ids: {} };
let baseline: Footprint;
let receipt: unknown;

const api = (method: string, path: string, who?: string, body?: unknown, headers?: Record<string, string>) =>
  http(c.baseUrl, method, path, { token: who ? c.tokens[who] : undefined, body, headers });

/**
 * The one-request submission's form (M7.2): complete, so that only the hostile part is refused
 * (every declaration, the file uploaded to the draft in every slot that applies, the pledge).
 */
const form = (over: Record<string, unknown> = {}) => ({
  batchId: c.ids.batch,
  productKind: 'FIRST_SET_EQUIPMENT',
  productName: '矿用自卸车',
  series: 'ZK',
  model: 'ONE-REQUEST-1',
  rdCompletedOn: '2026-06-01',
  ...completeFormFields(),
  materials: requiredSlots().map((slotId) => ({ slotId, materialId: c.ids.material })),
  pledgeVersion: CURRENT_PLEDGE_VERSION,
  ...over,
});
/** The draft path's submit body: the current truthfulness pledge (M10.1). */
const SIGNED = { pledgeVersion: CURRENT_PLEDGE_VERSION };
const FIRST_KEY = 'battery-first-submission-0001';
/** An id no row has: refusals at the edge come before any lookup. */
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const draft = (over: Record<string, unknown> = {}) => ({
  batchId: c.ids.batch,
  productKind: 'FIRST_SET_EQUIPMENT',
  productName: '电动轮矿车',
  series: 'NTE',
  model: 'NTE-BATTERY',
  rdCompletedOn: '2026-03-15',
  ...over,
});
const deep = (inner: string, n = 10_000) => `${'['.repeat(n)}${inner}${']'.repeat(n)}`;
/** An upload case's request: the file as the body, its name in X-File-Name (percent-encoded unless it already is). */
const upload = (file: Buffer, name: string, opts: { encoded?: boolean } = {}): Pick<HostileCase, 'method' | 'raw' | 'headers'> => ({
  method: 'POST',
  raw: file,
  headers: { 'content-type': 'application/octet-stream', 'x-file-name': opts.encoded ? name : encodeURIComponent(name) },
});

/** Settles the platform (events still travelling) and reads the footprint once it stops moving. */
async function settledFootprint(): Promise<Footprint> {
  let last = await footprint(env, platform.objectStoreDir);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const next = await footprint(env, platform.objectStoreDir);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  return last;
}

beforeAll(async () => {
  platform = await startPlatform(env, { INTAKE_MATERIAL_MAX_FILE_BYTES: String(MAX_FILE_BYTES) });
  c.baseUrl = platform.baseUrl;
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-09-28T09:00:00+08:00'));
  for (const a of demo.accounts) {
    const res = await http(c.baseUrl, 'POST', '/auth/login', { body: { username: a.username, password: demo.password } });
    if (res.status !== 200) throw new Error(`login ${a.username}: ${res.status} ${JSON.stringify(res.body)}`);
    c.tokens[a.username] = res.body.accessToken;
  }
  const batch = await api('POST', '/batches', 'dept.admin', {
    year: 2026,
    name: '2026年度首台（套）认定',
    windowOpensAt: '2026-09-01T00:00:00+08:00',
    windowClosesAt: '2026-10-31T00:00:00+08:00',
    prefectureDeadline: '2026-11-15',
  });
  expect(batch.status).toBe(201);
  c.ids.batch = batch.body.id;
  const profile = await api('PUT', '/enterprise/profile', 'northsteel', {
    name: '包头北方重型装备有限公司',
    registeredAddress: '内蒙古自治区包头市青山区装备制造产业园区',
    addressDivisionCode: '150204',
  });
  expect(profile.status).toBe(200);
  const other = await api('PUT', '/enterprise/profile', 'saihan.tech', {
    name: '呼和浩特赛罕新材料科技有限公司',
    registeredAddress: '内蒙古自治区呼和浩特市赛罕区金桥开发区',
    addressDivisionCode: '150105',
  });
  expect(other.status).toBe(200);
  // A draft the cases try to change, with a file the one-request submission names.
  const created = await api('POST', '/applications', 'northsteel', draft());
  expect(created.status).toBe(201);
  c.ids.draft = created.body.id;
  const file = await fetch(`${c.baseUrl}/applications/${c.ids.draft}/materials/testReport`, {
    method: 'POST',
    headers: { authorization: `Bearer ${c.tokens.northsteel}`, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('检测报告.pdf') },
    body: new Uint8Array(testFiles.pdf()),
  });
  expect(file.status).toBe(201);
  c.ids.material = ((await file.json()) as { id: string }).id;
  // One application submitted in one request with an Idempotency-Key, one through the draft path.
  const first = await api('POST', '/applications/submissions', 'northsteel', form(), { 'idempotency-key': FIRST_KEY });
  expect([first.status, first.body.state]).toEqual([201, 'SUBMITTED']);
  c.ids.submitted = first.body.id;
  receipt = first.body;
  const second = await api('POST', '/applications', 'northsteel', draft({ model: 'NTE-SUBMITTED' }));
  await completeViaApi(c.baseUrl, c.tokens.northsteel, second.body.id);
  expect((await submitViaApi(c.baseUrl, c.tokens.northsteel, second.body.id)).status).toBe(200);
  c.ids.submittedDraft = second.body.id;
  await eventually(
    () => api('GET', `/preliminary-review/queue?batchId=${c.ids.batch}`, 'baotou.officer'),
    (r) => Array.isArray(r.body) && r.body.length === 2,
    { what: 'both applications in the Baotou queue', timeoutMs: 20_000 },
  );
  baseline = await settledFootprint();
}, 180_000);

afterAll(async () => {
  await rpc?.close();
  await platform?.stop();
  await cleanupTestEnv(env);
});

const CLOSED = { before: () => rpc.setClock(new Date('2026-11-05T09:00:00+08:00')), after: () => rpc.setClock(new Date('2026-09-28T09:00:00+08:00')) };

const CASES: HostileCase[] = [
  // Malformed, deep and oversized JSON, also where no one is signed in.
  { name: 'sign-in nested 10,000 deep', method: 'POST', path: '/auth/login', raw: `{"username":${deep('"x"')},"password":"x"}`, expect: { status: 400, code: 'JSON_TOO_DEEP' } },
  { name: 'sign-in with truncated JSON', method: 'POST', path: '/auth/login', raw: '{"username": "dept.admin", "password": ', expect: { status: 400, code: 'MALFORMED_JSON' } },
  { name: 'sign-in with a NUL byte in the username', method: 'POST', path: '/auth/login', body: { username: 'dept.admin\u0000', password: 'x' }, expect: { status: 400, code: 'VALIDATION_FAILED', field: 'username' } },
  { name: 'sign-in with an operator object for the username (wrong type)', method: 'POST', path: '/auth/login', body: { username: { $ne: null }, password: 'x' }, expect: { status: 400, code: 'VALIDATION_FAILED', field: 'username' } },
  { name: 'sign-in with a __proto__ key', method: 'POST', path: '/auth/login', raw: '{"__proto__":{"admin":true},"username":"a","password":"b"}', expect: { status: 400, code: 'VALIDATION_FAILED', field: '__proto__' } },
  { name: 'sign-in with SQL injection in the credentials', method: 'POST', path: '/auth/login', body: { username: "' OR 1=1 --", password: "' OR 1=1 --" }, expect: { status: 401, code: 'INVALID_CREDENTIALS' } },
  { name: 'a draft nested 10,000 deep', as: 'northsteel', method: 'POST', path: '/applications', raw: () => JSON.stringify(draft()).replace('"series":"NTE"', `"series":${deep('1')}`), expect: { status: 400, code: 'JSON_TOO_DEEP' } },
  { name: 'an officer\'s opinion nested 10,000 deep', as: 'baotou.officer', method: 'POST', path: (x) => `/preliminary-review/applications/${x.ids.submitted}/recommend`, raw: `{"opinion":${deep('"同意"')}}`, expect: { status: 400, code: 'JSON_TOO_DEEP' } },
  { name: 'a one-request submission cut short', as: 'northsteel', method: 'POST', path: '/applications/submissions', raw: () => JSON.stringify(form()).slice(0, 80), expect: { status: 400, code: 'MALFORMED_JSON' } },
  { name: 'a one-request submission over 1 MiB', as: 'northsteel', method: 'POST', path: '/applications/submissions', raw: () => JSON.stringify(form({ innovationPoints: ['x'.repeat(1_100_000)] })), expect: { status: 413, code: 'PAYLOAD_TOO_LARGE' } },

  // Control characters and single-line text (M7.2 form fields).
  { name: 'a NUL byte in a draft\'s product name', as: 'northsteel', method: 'POST', path: '/applications', body: () => draft({ productName: '矿车\u0000' }), expect: { status: 400, code: 'VALIDATION_FAILED', field: 'productName' } },
  { name: 'an escape sequence in a draft\'s product name', as: 'northsteel', method: 'POST', path: '/applications', body: () => draft({ productName: '\u001b[31m矿车' }), expect: { status: 400, field: 'productName' } },
  { name: 'a line break in a single-line field', as: 'northsteel', method: 'POST', path: '/applications', body: () => draft({ model: 'NTE\n220' }), expect: { status: 400, field: 'model' } },
  { name: 'a NUL byte in a one-request submission', as: 'northsteel', method: 'POST', path: '/applications/submissions', body: () => form({ model: 'ONE\u0000' }), expect: { status: 400, code: 'VALIDATION_FAILED', field: 'model' } },
  { name: 'a NUL byte inside an innovation point (autosave)', as: 'northsteel', method: 'PATCH', path: (x) => `/applications/${x.ids.draft}`, body: { expectedRevision: 0, innovationPoints: ['<script>alert(1)</script>\u0000'] }, expect: { status: 400, field: 'innovationPoints.0' } },
  { name: 'a NUL byte in an officer\'s opinion', as: 'baotou.officer', method: 'POST', path: (x) => `/preliminary-review/applications/${x.ids.submitted}/recommend`, body: { opinion: '同意推荐\u0000' }, expect: { status: 400, field: 'opinion' } },
  { name: 'a control character in a rejection reason', as: 'baotou.officer', method: 'POST', path: (x) => `/preliminary-review/applications/${x.ids.submitted}/reject`, body: { reason: '不符合\u0007', measuresIds: ['M7.3'] }, expect: { status: 400, field: 'reason' } },
  { name: 'a NUL byte in a search query', as: 'baotou.officer', method: 'GET', path: '/preliminary-review/queue/search?q=%00', expect: { status: 400, field: 'q' } },
  { name: 'a NUL byte in the reason for extending a window', as: 'dept.admin', method: 'POST', path: (x) => `/batches/${x.ids.batch}/extend-window`, body: { windowClosesAt: '2026-11-30T00:00:00+08:00', reason: '延期\u0000' }, expect: { status: 400, field: 'reason' } },

  // Prototype and unknown keys, wrong types, injection strings.
  { name: 'a constructor.prototype key in a draft', as: 'northsteel', method: 'POST', path: '/applications', raw: () => JSON.stringify({ ...draft(), firstSale: { constructor: { prototype: { isAdmin: true } } } }), expect: { status: 400, field: 'firstSale.constructor' } },
  { name: 'an unknown key in a draft', as: 'northsteel', method: 'POST', path: '/applications', body: () => ({ ...draft(), isAdmin: true }), expect: { status: 400, code: 'VALIDATION_FAILED', field: 'isAdmin' } },
  { name: 'a number for the product name', as: 'northsteel', method: 'POST', path: '/applications', body: () => draft({ productName: 123 }), expect: { status: 400, field: 'productName' } },
  { name: 'SQL injection as the batch id', as: 'northsteel', method: 'POST', path: '/applications', body: () => draft({ batchId: "' OR 1=1 --" }), expect: { status: 400, field: 'batchId' } },
  { name: 'SQL injection as an application id in the path', as: 'northsteel', method: 'GET', path: `/applications/${encodeURIComponent("' OR 1=1 --")}`, expect: { status: 400 } },
  { name: 'a script tag as a query filter', as: 'baotou.officer', method: 'GET', path: '/preliminary-review/queue/search?batchId=%3Cscript%3Ealert(1)%3C%2Fscript%3E', expect: { status: 400, field: 'batchId' } },
  { name: 'path traversal as a material slot', as: 'northsteel', method: 'POST', path: '/applications/submissions', body: () => form({ model: 'ONE-TRAVERSAL', materials: [{ slotId: '../../etc/passwd', materialId: c.ids.material }] }), expect: { status: 400, field: 'materials.0.slotId' } },

  // Numbers and pages.
  { name: 'a revision beyond 2^53 (would be rounded)', as: 'northsteel', method: 'PATCH', path: (x) => `/applications/${x.ids.draft}`, raw: '{"expectedRevision":9007199254740993,"productName":"x"}', expect: { status: 400, field: 'expectedRevision' } },
  { name: 'revenue of 1e308', as: 'northsteel', method: 'PATCH', path: (x) => `/applications/${x.ids.draft}`, raw: '{"expectedRevision":0,"sales":[{"year":2025,"units":1,"revenueWanYuan":1e308}]}', expect: { status: 400, field: 'sales.0.revenueWanYuan' } },
  { name: 'a batch year of 1e308', as: 'dept.admin', method: 'POST', path: '/batches', raw: '{"year":1e308,"name":"x","windowOpensAt":"2027-09-01T00:00:00+08:00","windowClosesAt":"2027-10-31T00:00:00+08:00","prefectureDeadline":"2027-11-15"}', expect: { status: 400, field: 'year' } },
  { name: 'page=1e20', as: 'northsteel', method: 'GET', path: '/applications?page=1e20', expect: { status: 400, field: 'page' } },
  { name: 'page=100000000000000000000', as: 'northsteel', method: 'GET', path: '/applications?page=100000000000000000000', expect: { status: 400, field: 'page' } },
  { name: 'page 10,001', as: 'baotou.officer', method: 'GET', path: '/preliminary-review/queue/search?page=10001', expect: { status: 400, field: 'page' } },
  { name: 'pageSize=1000', as: 'northsteel', method: 'GET', path: '/applications?pageSize=1000', expect: { status: 400, field: 'pageSize' } },

  { name: 'an expert\'s score of 1e308', as: 'expert.wang', method: 'POST', path: `/reviews/${NO_SUCH_ID}/score`, raw: '{"criteria":[{"criterionId":"innovation","score":1e308,"comment":"创新"}],"recommendation":"recommend","opinion":"技术先进"}', expect: { status: 400, field: 'criteria.0.score' } },
  { name: 'a line break in a search query (single-line)', as: 'baotou.officer', method: 'GET', path: '/preliminary-review/queue/search?q=a%0Ab', expect: { status: 400, field: 'q' } },
  { name: 'a __proto__ query parameter', as: 'northsteel', method: 'GET', path: '/applications?__proto__=x&constructor=y', expect: { status: 400, code: 'VALIDATION_FAILED' } },

  // Dates that do not exist, on both submission paths and in officers' decisions (M7.2, M7.3).
  { name: 'one-request submission developed on 2026-02-30', as: 'northsteel', method: 'POST', path: '/applications/submissions', body: () => form({ model: 'ONE-DATE-1', rdCompletedOn: '2026-02-30' }), expect: { status: 400, field: 'rdCompletedOn' } },
  { name: 'one-request submission developed on 9999-99-99', as: 'northsteel', method: 'POST', path: '/applications/submissions', body: () => form({ model: 'ONE-DATE-2', rdCompletedOn: '9999-99-99' }), expect: { status: 400, field: 'rdCompletedOn' } },
  { name: 'a draft developed on 2026-02-30', as: 'northsteel', method: 'POST', path: '/applications', body: () => draft({ rdCompletedOn: '2026-02-30' }), expect: { status: 400, field: 'rdCompletedOn' } },
  { name: 'a first sale on 2026-02-29 (autosave)', as: 'northsteel', method: 'PATCH', path: (x) => `/applications/${x.ids.draft}`, body: { expectedRevision: 0, firstSale: { date: '2026-02-29', customer: '某矿业公司' } }, expect: { status: 400, field: 'firstSale.date' } },
  { name: 'a correction deadline of 2027-02-30', as: 'baotou.officer', method: 'POST', path: (x) => `/preliminary-review/applications/${x.ids.submitted}/return`, body: { items: [{ item: 'testReport', reason: '检测报告不清晰' }], deadline: '2027-02-30', measuresIds: ['M7.3'] }, expect: { status: 400, field: 'deadline' } },

  { name: 'a sanction decided on 2026-02-30 (M10.2)', as: 'dept.admin', method: 'POST', path: `/compliance-cases/${NO_SUCH_ID}/decision`, body: { expectedVersion: 1, outcome: 'sanction', reasons: '以不正当手段取得认定', decisionDate: '2026-02-30' }, expect: { status: 400, field: 'decisionDate' } },
  { name: 'a decision met on 2026-13-01 (M9.1)', as: 'dept.admin', method: 'POST', path: '/decisions', body: { batchId: NO_SUCH_ID, meetingRef: '厅务会纪要', meetingOn: '2026-13-01', deliberation: '', decisions: [{ applicationId: NO_SUCH_ID, outcome: 'selected' }] }, expect: { status: 400, field: 'meetingOn' } },
  { name: 'a decision with an outcome of maybe (M9.1)', as: 'dept.admin', method: 'POST', path: '/decisions', body: { batchId: NO_SUCH_ID, meetingRef: '厅务会纪要', meetingOn: '2026-01-05', deliberation: '', decisions: [{ applicationId: NO_SUCH_ID, outcome: 'maybe' }] }, expect: { status: 400, field: 'decisions.0.outcome' } },
  { name: 'a decision by a prefecture (M9.1)', as: 'baotou.officer', method: 'POST', path: '/decisions', body: { batchId: NO_SUCH_ID, meetingRef: '厅务会纪要', meetingOn: '2026-01-05', deliberation: '', decisions: [{ applicationId: NO_SUCH_ID, outcome: 'selected' }] }, expect: { status: 403 } },
  { name: 'a list published on 2026-13-01 (M9.2)', as: 'dept.admin', method: 'POST', path: `/decision-lists/${NO_SUCH_ID}/publish`, body: { publicationDate: '2026-13-01' }, expect: { status: 400, field: 'publicationDate' } },

  // Idempotency keys (issue 14 item 4).
  { name: 'an Idempotency-Key that is too short', as: 'northsteel', method: 'POST', path: '/applications/submissions', body: () => form({ model: 'ONE-KEY-1' }), headers: { 'idempotency-key': 'k1' }, expect: { status: 400, code: 'IDEMPOTENCY_KEY_INVALID', field: 'Idempotency-Key' } },
  { name: 'an Idempotency-Key with spaces and slashes', as: 'northsteel', method: 'POST', path: '/applications/submissions', body: () => form({ model: 'ONE-KEY-2' }), headers: { 'idempotency-key': 'key with spaces/../x' }, expect: { status: 400, code: 'IDEMPOTENCY_KEY_INVALID' } },
  { name: 'the first submission\'s Idempotency-Key with another application', as: 'northsteel', method: 'POST', path: '/applications/submissions', body: () => form({ model: 'ONE-ANOTHER' }), headers: { 'idempotency-key': FIRST_KEY }, expect: { status: 422, code: 'IDEMPOTENCY_KEY_REUSED' } },

  // Replays, another enterprise, the wrong prefecture, outside the window (M7.2, M7.3).
  { name: 'submitting a submitted application again', as: 'northsteel', method: 'POST', path: (x) => `/applications/${x.ids.submittedDraft}/submit`, body: SIGNED, expect: { status: 409 } },
  { name: 'another enterprise reading the application', as: 'saihan.tech', method: 'GET', path: (x) => `/applications/${x.ids.submitted}`, expect: { status: 404 } },
  { name: 'another enterprise autosaving the draft', as: 'saihan.tech', method: 'PATCH', path: (x) => `/applications/${x.ids.draft}`, body: { expectedRevision: 0, productName: '改名' }, expect: { status: 404 } },
  { name: 'another enterprise submitting the draft', as: 'saihan.tech', method: 'POST', path: (x) => `/applications/${x.ids.draft}/submit`, body: SIGNED, expect: { status: 404 } },
  { name: 'another enterprise submitting with this one\'s file', as: 'saihan.tech', method: 'POST', path: '/applications/submissions', body: () => form({ model: 'ONE-FOREIGN' }), expect: { status: 404 } },
  { name: 'another prefecture recommending', as: 'hohhot.officer', method: 'POST', path: (x) => `/preliminary-review/applications/${x.ids.submitted}/recommend`, body: { opinion: '越权' }, expect: { status: 404 } },
  { name: 'an enterprise recommending its own application', as: 'northsteel', method: 'POST', path: (x) => `/preliminary-review/applications/${x.ids.submitted}/recommend`, body: { opinion: '同意' }, expect: { status: 403 } },
  { name: 'submitting the draft after the window closed (M7.1)', as: 'northsteel', method: 'POST', path: (x) => `/applications/${x.ids.draft}/submit`, body: SIGNED, around: CLOSED, expect: { status: 422, code: 'APPLICATION_WINDOW_CLOSED' } },
  { name: 'a one-request submission after the window closed (M7.1)', as: 'northsteel', method: 'POST', path: '/applications/submissions', body: () => form({ model: 'ONE-LATE' }), around: CLOSED, expect: { status: 422, code: 'APPLICATION_WINDOW_CLOSED' } },

  // Uploads: an executable named .pdf, traversal names, too large, someone else's draft.
  { name: 'an executable named .pdf', as: 'northsteel', path: (x) => `/applications/${x.ids.draft}/materials/businessLicence`, ...upload(testFiles.exe(), 'licence.pdf'), expect: { status: 415, code: 'UNSUPPORTED_FILE_TYPE' } },
  // Traversal parts and control characters are cleaned from a name (uploads, M7.4); a name with nothing left is refused.
  { name: 'a traversal file name with nothing left (..)', as: 'northsteel', path: (x) => `/applications/${x.ids.draft}/materials/businessLicence`, ...upload(testFiles.pdf(), '..'), expect: { status: 400, code: 'INVALID_FILE_NAME' } },
  { name: 'a file name of a right-to-left override and a NUL byte', as: 'northsteel', path: (x) => `/applications/${x.ids.draft}/materials/businessLicence`, ...upload(testFiles.pdf(), '\u202e\u0000'), expect: { status: 400, code: 'INVALID_FILE_NAME' } },
  { name: 'a malformed percent-encoded file name', as: 'northsteel', path: (x) => `/applications/${x.ids.draft}/materials/businessLicence`, ...upload(testFiles.pdf(), '%E4%B8', { encoded: true }), expect: { status: 400, code: 'INVALID_FILE_NAME' } },
  { name: 'a file over the limit', as: 'northsteel', path: (x) => `/applications/${x.ids.draft}/materials/salesContracts`, ...upload(Buffer.concat([testFiles.pdf(), Buffer.alloc(MAX_FILE_BYTES, 0x20)]), '合同.pdf'), expect: { status: 413, code: 'FILE_TOO_LARGE' } },
  { name: 'an upload to another enterprise\'s draft', as: 'saihan.tech', path: (x) => `/applications/${x.ids.draft}/materials/businessLicence`, ...upload(testFiles.pdf(), 'x.pdf'), expect: { status: 404 } },
  { name: 'an upload to a slot that does not exist', as: 'northsteel', path: (x) => `/applications/${x.ids.draft}/materials/..%2F..%2Fetc`, ...upload(testFiles.pdf(), 'x.pdf'), expect: { status: 400 } },
];

describe('hostile input gets a 4xx problem-details answer and leaves nothing behind', () => {
  it.each(CASES.map((h) => [h.name, h] as const))('%s', async (_name, h) => {
    await h.around?.before(c);
    let res;
    try {
      res = await send(c, h);
    } finally {
      await h.around?.after(c);
    }
    expect({ status: res.status, code: h.expect.code ? res.body?.code : undefined }).toEqual({ status: h.expect.status, code: h.expect.code });
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: h.expect.status, type: expect.stringMatching(/^https:\/\//), title: expect.any(String), requestId: expect.any(String) });
    if (h.expect.field) expect(res.body.errors?.map((e: { field: string }) => e.field)).toContain(h.expect.field);
    expect(withoutRejections(await footprint(env, platform.objectStoreDir))).toEqual(withoutRejections(baseline));
  });

  it('an upload cut off mid-body leaves no staged file and no material', async () => {
    await new Promise<void>((resolve) => {
      const socket = tcp(Number(new URL(c.baseUrl).port), '127.0.0.1', () => {
        socket.write(
          `POST /api/applications/${c.ids.draft}/materials/salesInvoices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${c.tokens.northsteel}\r\n` +
            `Content-Type: application/octet-stream\r\nX-File-Name: a.pdf\r\nContent-Length: 40000\r\n\r\n`,
        );
        socket.write(testFiles.pdf());
        setTimeout(() => socket.destroy(), 300);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    await eventually(
      async () => withoutRejections(await footprint(env, platform.objectStoreDir)),
      (f) => JSON.stringify(f) === JSON.stringify(withoutRejections(baseline)),
      { what: 'the footprint back to the baseline', timeoutMs: 5_000 },
    );
  });

  it('a replay with the first Idempotency-Key and the same body answers the first receipt and adds nothing (M7.2)', async () => {
    const again = await api('POST', '/applications/submissions', 'northsteel', form(), { 'idempotency-key': FIRST_KEY });
    expect([again.status, again.body]).toEqual([201, receipt]);
    expect(withoutRejections(await footprint(env, platform.objectStoreDir))).toEqual(withoutRejections(baseline));
  });

  it('once every event has settled, the footprint is still the baseline (only rejected audit records added)', async () => {
    const after = await settledFootprint();
    expect(withoutRejections(after)).toEqual(withoutRejections(baseline));
    const rejected = Object.entries(after.rows).filter(([k]) => k.endsWith('audit_records:rejected'));
    expect(rejected.length).toBeGreaterThan(0);
  });
});
