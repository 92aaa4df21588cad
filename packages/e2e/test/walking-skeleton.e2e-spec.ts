import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  CHINA_HOLIDAYS_SEED,
  INNER_MONGOLIA_DRAFT_PROFILE,
  LocalDate,
  publicityPeriod,
  recognitionValidity,
  WorkingDayCalendar,
} from '@firstset/domain';
import { cleanupTestEnv, eventually as poll, http, HttpResult, newTestEnv, REPO_ROOT, RpcCaller } from '@firstset/testing';
import { completeViaApi, submitViaApi } from './complete-application';
import { Platform, startPlatform } from './platform';

/**
 * The walking skeleton: one application's whole life, over HTTP, with every service in its own
 * process and every hand-over a JetStream event. Time-dependent steps move the services' clocks.
 */
const env = newTestEnv();
const demo = JSON.parse(readFileSync(join(REPO_ROOT, 'scripts', 'demo-data.json'), 'utf8'));
let platform: Platform;
let rpc: RpcCaller;
const tokens: Record<string, string> = {};

const api = (method: string, path: string, who?: string, body?: unknown): Promise<HttpResult> =>
  http(platform.baseUrl, method, path, { token: who ? tokens[who] : undefined, body });

/** Events cross services asynchronously: poll until the check passes. */
const eventually = <T>(probe: () => Promise<T>, check: (v: T) => boolean, what: string) =>
  poll(probe, check, { what, timeoutMs: 20_000 });

/** A file download: status, type, disposition and the bytes. */
async function download(path: string, who: string) {
  const res = await fetch(`${platform.baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

/** The summary table's rows (header first), as the cells' values. */
async function sheetRows(xlsx: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as never);
  return (book.getWorksheet('汇总表')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
}

/**
 * The officer judges the formal review sheet over HTTP (M7.3, M12.1): every applicable material
 * passed, every condition of M5 and M6 met.
 */
async function judgeAll(id: string, who: string): Promise<void> {
  const sheet = await api('GET', `/preliminary-review/applications/${id}/formal-review`, who);
  type Item = { slotId: string; applies: boolean; required: boolean; conditionUnknown: boolean; qualifiedInstitutionRequired: boolean };
  for (const i of (sheet.body.items as Item[]).filter((x) => x.applies && x.required && !x.conditionUnknown)) {
    const checks = { present: true, legible: true, valid: true, consistent: true, ...(i.qualifiedInstitutionRequired ? { qualifiedInstitution: true } : {}) };
    expect((await api('PUT', `/preliminary-review/applications/${id}/materials`, who, { slotId: i.slotId, ...checks })).status).toBe(200);
  }
  for (const c of sheet.body.conditions as Array<{ conditionId: string }>) {
    expect((await api('PUT', `/preliminary-review/applications/${id}/conditions`, who, { conditionId: c.conditionId, verdict: 'MET' })).status).toBe(200);
  }
}

const stateOf = (id: string) => async () => (await api('GET', `/applications/${id}`, 'northsteel')).body;

beforeAll(async () => {
  platform = await startPlatform(env);
  rpc = await RpcCaller.connect(env);
  for (const a of demo.accounts) {
    const res = await http(platform.baseUrl, 'POST', '/auth/login', { body: { username: a.username, password: demo.password } });
    if (res.status !== 200) throw new Error(`login ${a.username}: ${res.status} ${JSON.stringify(res.body)}`);
    tokens[a.username] = res.body.accessToken;
  }
}, 120_000);

afterAll(async () => {
  await rpc?.close();
  await platform?.stop();
  await cleanupTestEnv(env);
});

it('M7.1–M13.2 an application goes from the annual batch to recognition, is revoked for fraud, and the ban refuses the next one', async () => {
  // Monday 28 September 2026, 09:00 in Inner Mongolia: the publicity will run over National Day.
  await rpc.setClock(new Date('2026-09-28T09:00:00+08:00'));

  // The Department opens the annual batch (M7.1).
  const batch = await api('POST', '/batches', 'dept.admin', {
    year: 2026,
    name: '2026年度首台（套）技术装备、关键零部件和新材料首批（次）认定',
    windowOpensAt: '2026-09-01T00:00:00+08:00',
    windowClosesAt: '2026-10-31T00:00:00+08:00',
    prefectureDeadline: '2026-11-15',
  });
  expect(batch.status).toBe(201);
  const batchId: string = batch.body.id;

  // An enterprise registered in Baotou applies and submits (M7.2).
  const profile = await api('PUT', '/enterprise/profile', 'northsteel', {
    name: '包头北方重型装备有限公司',
    registeredAddress: '内蒙古自治区包头市青山区装备制造产业园区',
    addressDivisionCode: '150204',
  });
  expect(profile.body).toMatchObject({ prefectureId: '150200', prefectureName: '包头市' });
  const created = await api('POST', '/applications', 'northsteel', {
    batchId,
    productKind: 'FIRST_SET_EQUIPMENT',
    productName: '220吨电动轮矿用自卸车',
    series: 'NTE',
    model: 'NTE220',
    rdCompletedOn: '2026-03-15',
  });
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  // Incomplete, it cannot be submitted: every blank M5/M6 answer and every missing material is named.
  const incomplete = await submitViaApi(platform.baseUrl, tokens.northsteel, id);
  expect([incomplete.status, incomplete.body.code]).toEqual([422, 'PRE_SUBMISSION_CHECK_FAILED']);
  const named = incomplete.body.errors.map((e: { field: string }) => e.field);
  expect(named).toEqual(expect.arrayContaining(['declarations.developedOnlyForOwnUse', 'declarations.noMarketRecordYet', 'materials.testReport']));
  // Complete: every declaration (M2, M5, M6) and a real PDF in every slot that applies (M7.4).
  await completeViaApi(platform.baseUrl, tokens.northsteel, id, { catalogueEntryCode: 'EF04' });
  // Unsigned or signed with an outdated pledge: refused at the field, nothing submitted (M10.1).
  const unsigned = await api('POST', `/applications/${id}/submit`, 'northsteel', {});
  expect([unsigned.status, unsigned.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  expect(JSON.stringify(unsigned.body.errors)).toContain('pledgeVersion');
  const outdated = await api('POST', `/applications/${id}/submit`, 'northsteel', { pledgeVersion: 'nmg-pledge-2020-1' });
  expect([outdated.status, outdated.body.code, outdated.body.errors[0].field]).toEqual([422, 'PLEDGE_VERSION_OUTDATED', 'pledgeVersion']);
  expect((await stateOf(id)()).state).toBe('DRAFT');
  const submitted = await submitViaApi(platform.baseUrl, tokens.northsteel, id);
  expect(submitted.body.state).toBe('SUBMITTED');
  // The receipt carries the truthfulness pledge signed with it (M10.1).
  expect(submitted.body.pledge).toMatchObject({ version: INNER_MONGOLIA_DRAFT_PROFILE.truthfulnessPledge.version, textZh: INNER_MONGOLIA_DRAFT_PROFILE.truthfulnessPledge.textZh });

  // It reaches Baotou's queue and no other prefecture's (M7.2, M7.3).
  await eventually(
    () => api('GET', `/preliminary-review/queue?batchId=${batchId}`, 'baotou.officer'),
    (r) => r.body.some((row: { applicationId: string }) => row.applicationId === id),
    'the application in the Baotou queue',
  );
  const hohhotQueue = await api('GET', '/preliminary-review/queue', 'hohhot.officer');
  expect(hohhotQueue.body.some((row: { applicationId: string }) => row.applicationId === id)).toBe(false);
  const foreign = await api('POST', `/preliminary-review/applications/${id}/recommend`, 'hohhot.officer', { opinion: '越权' });
  expect(foreign.status).toBe(404);

  // Baotou's checklist follows the declarations: no CCC declared, so that slot is not applicable (M5.6, M7.4).
  const sheet = await api('GET', `/preliminary-review/applications/${id}/formal-review`, 'baotou.officer');
  const ccc = sheet.body.items.find((i: { slotId: string }) => i.slotId === 'cccCertificate');
  expect(ccc).toMatchObject({ applies: false, basis: 'declared_not_applicable' });
  expect(sheet.body.case.materialsRequiredAtSubmission).toBe(true);

  // A recommendation before the review is complete is refused, each open item named at its place (M7.3, M12.1).
  const unjudged = await api('POST', `/preliminary-review/applications/${id}/recommend`, 'baotou.officer', { opinion: '同意推荐。' });
  expect([unjudged.status, unjudged.body.code]).toEqual([422, 'REVIEW_INCOMPLETE']);
  expect(unjudged.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'conditions.M5.1', message: expect.stringContaining('尚未判定') })]));
  // A slot declared not to apply is not among them.
  expect(unjudged.body.errors).not.toEqual(expect.arrayContaining([expect.objectContaining({ field: 'materials.cccCertificate' })]));

  // Baotou judges every material and condition, then recommends it (M3.2, M7.3, M12.1).
  await judgeAll(id, 'baotou.officer');
  const recommended = await api('POST', `/preliminary-review/applications/${id}/recommend`, 'baotou.officer', {
    opinion: '材料齐全，符合申报条件，同意推荐。',
  });
  expect(recommended.status).toBe(200);
  await eventually(stateOf(id), (a) => a.state === 'RECOMMENDED', 'RECOMMENDED at intake');

  // Baotou sends its summary of the batch to the Department before the prefecture deadline (M7.3);
  // comprehensive review starts from the summary, not from the single recommendation.
  const summary = await api('POST', '/preliminary-review/summaries', 'baotou.officer', { batchId });
  expect([summary.status, summary.body.status]).toEqual([201, 'SUBMITTED']);
  expect(summary.body.entries.map((e: { applicationId: string }) => e.applicationId)).toEqual([id]);

  // Its exports over HTTP (M7.3): the table opens as a workbook with the row, the letter is a PDF
  // with the Chinese text; another prefecture asking for Baotou's gets 404, as for anything not its own.
  const table = await download(`/preliminary-review/summaries/${batchId}/table.xlsx`, 'baotou.officer');
  expect([table.status, table.type]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  expect(decodeURIComponent(table.disposition.split("filename*=UTF-8''")[1] ?? '')).toMatch(/^\d{4}年度包头市汇总表\.xlsx$/);
  const cells = await sheetRows(table.body);
  expect(cells.slice(1).map((r) => r.slice(0, 3))).toEqual([[1, created.body.applicationNo, '包头北方重型装备有限公司']]);
  const letter = await download(`/preliminary-review/summaries/${batchId}/letter.pdf?prefectureId=150200`, 'dept.admin');
  expect([letter.status, letter.type, letter.body.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
  const pdf = join(mkdtempSync(join(tmpdir(), 'e2e-letter-')), 'letter.pdf');
  writeFileSync(pdf, letter.body);
  expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain('包头北方重型装备有限公司');
  expect((await download(`/preliminary-review/summaries/${batchId}/table.xlsx?prefectureId=150200`, 'hohhot.officer')).status).toBe(404);
  const own = await download(`/preliminary-review/summaries/${batchId}/table.xlsx`, 'hohhot.officer'); // its own, empty draft
  expect([own.status, (await sheetRows(own.body)).length]).toEqual([200, 1]);
  expect((await download(`/preliminary-review/summaries/${batchId}/letter.pdf`, 'northsteel')).status).toBe(403);

  // The Department commissions the institution; an expert reviews it (M8.1, M11.1).
  const institutionId = demo.institutions[0].id;
  const expertId = demo.experts[0].id;
  expect((await api('POST', '/commissions', 'dept.admin', { batchId, institutionId })).status).toBe(201);
  await eventually(
    () => api('GET', '/reviews', 'institution.staff'),
    (r) => r.body.some?.((row: { applicationId: string; state: string }) => row.applicationId === id && row.state === 'UNDER_COMPREHENSIVE_REVIEW'),
    'the application under comprehensive review',
  );
  expect((await api('POST', `/reviews/${id}/assignments`, 'institution.staff', { expertId })).status).toBe(201);
  // M8.1: every criterion of the profile's rubric, with a comment each.
  const rubric = INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview.rubric;
  const scores = (score: number) => ({
    criteria: rubric.map((c) => ({ criterionId: c.id, score, comment: `${c.nameZh}：符合要求` })),
    recommendation: 'recommend',
    opinion: '技术路线创新，性能指标国内领先。',
  });
  const early = await api('POST', `/reviews/${id}/score`, 'expert.wang', scores(9));
  expect([early.status, early.body.code]).toEqual([403, 'UNDERTAKING_REQUIRED']);
  const undertaking = { undertakingVersion: INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview.undertaking.version, conflict: 'none' };
  expect((await api('POST', `/reviews/${id}/accept`, 'expert.wang', undertaking)).status).toBe(200);
  expect((await api('POST', `/reviews/${id}/score`, 'expert.wang', scores(9))).status).toBe(200);
  // The institution's report concludes the review (M8.1, M9.1): a recommendation with reasons, signed off.
  const saved = await api('PUT', `/reviews/${id}/report`, 'institution.staff', { recommendation: 'recommend', reasons: '技术先进，同意认定。', expectedVersion: 0 });
  expect(saved.status).toBe(200);
  expect((await api('POST', `/reviews/${id}/report/sign-off`, 'institution.staff', { expectedVersion: saved.body.version })).status).toBe(200);
  await eventually(stateOf(id), (a) => a.state === 'REVIEWED', 'REVIEWED at intake');

  // The Department decides the list (M9.1) and publishes it for 5 working days (M9.2).
  await eventually(
    () => api('GET', '/decision-lists/candidates', 'dept.admin'),
    (r) => r.body.some?.((c: { applicationId: string }) => c.applicationId === id),
    'the application among the candidates',
  );
  const decision = { batchId, meetingRef: '厅务会纪要〔2026〕9号', meetingOn: '2026-09-28', deliberation: '同意列入', decisions: [{ applicationId: id, outcome: 'selected' }] };
  const decided = await api('POST', '/decisions', 'dept.admin', decision);
  expect(decided.status).toBe(201);
  const published = await api('POST', `/decision-lists/${decided.body.list.id}/publish`, 'dept.admin', {});
  expect(published.status).toBe(200);
  const calendar = WorkingDayCalendar.fromSeed(CHINA_HOLIDAYS_SEED);
  const expected = publicityPeriod('2026-09-28' as LocalDate, INNER_MONGOLIA_DRAFT_PROFILE, calendar);
  expect(published.body).toMatchObject({ startDate: expected.startDate, endDate: expected.endDate });
  expect(expected.endDate > '2026-10-07').toBe(true); // the National Day holiday does not count
  await eventually(stateOf(id), (a) => a.state === 'IN_PUBLICITY', 'IN_PUBLICITY at intake');

  // Before the period ends nothing is issued (M9.3).
  const tooEarly = await api('POST', '/publicities/close-due', 'dept.admin');
  expect(tooEarly.status).toBe(200);
  expect(tooEarly.body.closed).toHaveLength(0);
  expect(tooEarly.body.running[0]).toMatchObject({ endDate: expected.endDate });

  // After it ends without objection, the close drafts the document (no number, no date); the
  // Department previews it and issues it; the entry is recognized, valid three years (M9.3, M13.2).
  await rpc.setClock(new Date('2026-10-12T09:00:00+08:00'));
  const closed = await api('POST', '/publicities/close-due', 'dept.admin');
  expect(closed.status).toBe(200);
  expect(closed.body.closed[0]).toMatchObject({ draftedApplicationIds: [id], heldBack: [] });
  const draftId = closed.body.closed[0].draftDocumentId;
  const preview = await download(`/recognition-documents/${draftId}/document.pdf`, 'dept.admin');
  expect([preview.status, preview.type]).toEqual([200, 'application/pdf']);
  const hidden = await fetch(`${platform.baseUrl}/public/recognition-documents/${draftId}/document.pdf`);
  expect([hidden.status, ((await hidden.json()) as { code: string }).code]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
  const issued = await api('POST', `/recognition-documents/${draftId}/issue`, 'dept.admin', { expectedVersion: 1 });
  expect(issued.status).toBe(200);
  expect(issued.body).toMatchObject({ status: 'issued', documentDate: '2026-10-12' });
  expect((await api('POST', `/recognition-documents/${draftId}/issue`, 'dept.admin', { expectedVersion: 1 })).body.code).toBe('DOCUMENT_ALREADY_ISSUED');
  const validity = recognitionValidity('2026-10-12' as LocalDate, INNER_MONGOLIA_DRAFT_PROFILE);
  // The issued document is public; the certificate is the enterprise's, with its verification link.
  const publicPdf = await fetch(`${platform.baseUrl}/public/recognition-documents/${draftId}/document.pdf`);
  expect([publicPdf.status, publicPdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  const documentFile = join(mkdtempSync(join(tmpdir(), 'e2e-document-')), 'document.pdf');
  writeFileSync(documentFile, Buffer.from(await publicPdf.arrayBuffer()));
  expect(execFileSync('pdftotext', ['-layout', documentFile, '-'], { encoding: 'utf8' })).toContain(issued.body.documentNo);
  const certificate = await download(`/applications/${id}/certificate.pdf`, 'northsteel');
  expect([certificate.status, certificate.type]).toEqual([200, 'application/pdf']);
  const certificateNo = issued.body.entries[0].certificateNo;
  const certificateFile = join(mkdtempSync(join(tmpdir(), 'e2e-certificate-')), 'certificate.pdf');
  writeFileSync(certificateFile, certificate.body);
  expect(execFileSync('pdftotext', ['-layout', certificateFile, '-'], { encoding: 'utf8' })).toContain(`/public/verify?no=${certificateNo}`);
  const ours = (x: { product: { model: string }; enterpriseName: string }) =>
    x.product.model === 'NTE220' && x.enterpriseName === '包头北方重型装备有限公司';
  const registry = await eventually(() => api('GET', '/public/recognitions?search=NTE220'), (r) => r.body.items?.some(ours), 'the product in the public registry');
  expect(registry.body.items.find(ours)).toMatchObject({ validUntil: validity.validUntil, status: 'valid' });
  await eventually(stateOf(id), (a) => a.state === 'RECOGNIZED', 'RECOGNIZED at intake');

  // Compliance revokes it for fraud and bans the applicant for three years (M10.2), in a case:
  // the enterprise is told of the intended measure, waives its statement, and the Department decides (ADR 0026).
  const recognitions = await eventually(
    () => api('GET', '/recognitions', 'dept.admin'),
    (r) => r.body.some?.((x: { applicationId: string }) => x.applicationId === id),
    'the recognition at compliance',
  );
  const recognitionId = recognitions.body.find((x: { applicationId: string }) => x.applicationId === id).recognitionId;
  const opened = await api('POST', '/compliance-cases', 'dept.admin', {
    intendedMeasure: 'recognition_revocation',
    subjectId: recognitionId,
    facts: '经查实，申请材料中的销售合同系伪造，以非正当手段骗取认定。',
  });
  expect(opened.status).toBe(201);
  const notified = await api('POST', `/compliance-cases/${opened.body.id}/notice`, 'dept.admin', { expectedVersion: opened.body.version, statementDeadline: '2026-10-22' });
  expect(notified.status).toBe(200);
  const waived = await api('POST', `/compliance-cases/${opened.body.id}/statement`, 'northsteel', { waived: true });
  expect(waived.status).toBe(200);
  const revoked = await api('POST', `/compliance-cases/${opened.body.id}/decision`, 'dept.admin', {
    expectedVersion: waived.body.version,
    outcome: 'sanction',
    reasons: '经查实，申请材料中的销售合同系伪造，以非正当手段骗取认定。',
  });
  expect([revoked.status, revoked.body.sanctionIds.length]).toEqual([200, 2]);
  await eventually(stateOf(id), (a) => a.state === 'REVOKED', 'REVOKED at intake');
  // The registry keeps it, revoked from the decision date (M13.1, M10.2).
  await eventually(() => api('GET', '/public/recognitions?search=NTE220'), (r) => r.body.items?.find(ours)?.status === 'revoked', 'the registry to show it revoked (M13.1)');

  // Intake refuses the enterprise's next application, naming the ban and its end (M10.2).
  const banEnds = '2029-10-12';
  const next = await eventually(
    () =>
      api('POST', '/applications', 'northsteel', {
        batchId,
        productKind: 'FIRST_SET_EQUIPMENT',
        productName: '300吨电动轮矿用自卸车',
        series: 'NTE',
        model: 'NTE300',
        rdCompletedOn: '2026-05-01',
      }),
    (r) => r.status === 403,
    'the ban to reach intake',
  );
  expect(next.body).toMatchObject({ code: 'APPLICANT_BANNED', status: 403 });
  expect(next.body.title).toContain(banEnds);

  // The enterprise read every step of its application's history.
  const history = (await stateOf(id)()).history.map((h: { toState: string }) => h.toState);
  expect(history).toEqual([
    'DRAFT',
    'SUBMITTED',
    'RECOMMENDED',
    'UNDER_COMPREHENSIVE_REVIEW',
    'REVIEWED',
    'ON_DECISION_LIST',
    'IN_PUBLICITY',
    'RECOGNIZED',
    'REVOKED',
  ]);
});
