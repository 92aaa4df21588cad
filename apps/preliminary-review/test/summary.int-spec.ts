import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import * as C from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { preliminaryReviewModule } from '../src/preliminary-review.module';
import { BAOTOU, batchOpened, HOHHOT, judgeAll, openBatch, receive, submission } from './fixtures';

const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const schema = () => schemaOf(env, 'preliminary-review');
const baotou = { ...actors.prefecture(BAOTOU), displayName: '包头市工信局 王局长' };
const hohhot = actors.prefecture(HOHHOT);
const department = actors.department();
const batch = batchOpened('2026-11-15');
const lateBatch = batchOpened('2026-11-09');
// M11.1: the assignors and licensors intake names from the IP list (one with a code, one without).
const LICENSOR = { name: '北京某研究院有限公司', uscc: '91110108MA01XXXXXB' };
const FOREIGN_LICENSOR = { name: 'Some Licensor GmbH' };
const ASSIGNOR = { name: '上海某科技有限公司', uscc: '91310000MA1FL0000N' };
const steel = submission(BAOTOU, batch.batchId, { catalogueEntryCode: 'EF04', partners: [LICENSOR, FOREIGN_LICENSOR] });
const magnet = submission(BAOTOU, batch.batchId, {
  enterprise: { uscc: '91150200MA0N5NEW1X', name: '包头稀土新材料股份有限公司', registeredAddress: '包头市昆都仑区' },
  product: { kind: 'FIRST_BATCH_MATERIAL', name: '高性能钕铁硼永磁材料', series: 'NdFeB', model: 'N52H', rdCompletedOn: '2026-01-10' },
});
const pending = submission(BAOTOU, batch.batchId);
// Returned before the summary with a deadline after it; resubmitted and recommended later (补报).
const corrected = submission(BAOTOU, batch.batchId, { product: { kind: 'FIRST_SET_EQUIPMENT', name: '智能掘进机器人', series: 'JJ', model: 'JJ-1', rdCompletedOn: '2026-02-01' } });
const lateOne = submission(BAOTOU, lateBatch.batchId);
const hohhotOne = submission(HOHHOT, batch.batchId);
const decode = (f: { base64: string }) => Buffer.from(f.base64, 'base64');

beforeAll(async () => {
  service = await startServiceInProcess(env, 'preliminary-review', preliminaryReviewModule);
  rpc = await RpcCaller.connect(env);
  await openBatch(env, batch);
  await openBatch(env, lateBatch);
  await receive(env, steel, magnet, pending, lateOne, hohhotOne, corrected);
  await rpc.setClock(new Date('2026-11-10T10:00:00+08:00'));
  await rpc.request(C.ReturnForCorrection, { applicationId: corrected.applicationId, items: [{ item: 'testReport', reason: '检测报告缺页' }], deadline: '2026-11-18', measuresIds: ['M7.4'] }, baotou);
  for (const e of [steel, magnet, lateOne, pending]) await judgeAll(rpc, e.applicationId, baotou);
  for (const e of [steel, magnet, lateOne]) await rpc.request(C.RecommendApplication, { applicationId: e.applicationId, opinion: `同意推荐${e.product.name}` }, baotou);
});
afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

it('M7.3 keeps the batch and its prefecture deadline from intake', async () => {
  expect(await sql(env, `SELECT year, prefecture_deadline FROM "${schema()}".batches WHERE id = $1`, [batch.batchId])).toEqual([{ year: 2026, prefecture_deadline: '2026-11-15' }]);
});

it('M7.3 the summary is refused for an unknown batch, a batch with nothing recommended, or a bad order', async () => {
  expect((await rpc.refusal(C.SubmitSummary, { batchId: randomUUID() }, baotou)).status).toBe(404);
  expect((await rpc.refusal(C.SubmitSummary, { batchId: batch.batchId }, hohhot)).code).toBe('SUMMARY_EMPTY');
  for (const order of [[pending.applicationId], [hohhotOne.applicationId], [magnet.applicationId, magnet.applicationId]]) {
    expect((await rpc.refusal(C.SubmitSummary, { batchId: batch.batchId, order }, baotou)).code).toBe('SUMMARY_ORDER_INVALID');
  }
  expect((await rpc.refusal(C.SubmitSummary, { batchId: batch.batchId }, department)).status).toBe(403);
});

it('M7.3 a late summary is refused with the deadline in the message', async () => {
  const late = await rpc.refusal(C.SubmitSummary, { batchId: lateBatch.batchId }, baotou);
  expect([late.code, late.status]).toEqual(['SUMMARY_DEADLINE_PASSED', 422]);
  expect(late.message).toContain('2026-11-09');
});

it('M7.3 the prefecture sends one ordered summary with its opinions through the outbox, once; later recommendations wait', async () => {
  const sent = await rpc.request<{ status: string; entries: Array<{ order: number; applicationId: string; opinion: string }> }>(
    C.SubmitSummary, { batchId: batch.batchId, order: [magnet.applicationId] }, baotou,
  );
  expect(sent.status).toBe('SUBMITTED');
  expect(sent.entries.map((e) => [e.order, e.applicationId])).toEqual([[1, magnet.applicationId], [2, steel.applicationId]]);
  const outbox = await sql<{ payload: { entries: Array<{ applicationId: string; opinion: string; enterprise: { name: string } }>; prefectureId: string } }>(
    env, `SELECT payload FROM "${schema()}".outbox_events WHERE subject = 'preliminary-review.summary.submitted.v1'`,
  );
  expect(outbox).toHaveLength(1);
  expect(outbox[0].payload).toMatchObject({ prefectureId: BAOTOU, entries: [{ applicationId: magnet.applicationId, opinion: '同意推荐高性能钕铁硼永磁材料', enterprise: { name: '包头稀土新材料股份有限公司' } }, { applicationId: steel.applicationId, catalogueEntryCode: 'EF04', fieldCode: 'EF04' }] });
  expect((await rpc.refusal(C.SubmitSummary, { batchId: batch.batchId }, baotou)).code).toBe('SUMMARY_ALREADY_SUBMITTED');
  expect((await rpc.refusal(C.RecommendApplication, { applicationId: pending.applicationId, opinion: '同意' }, baotou)).code).toBe('SUMMARY_ALREADY_SUBMITTED');
});

it('M11.1 the partners and licensors intake named ride on the recommendation and the summary entry to the comprehensive review; a case without any carries none', async () => {
  const recommended = await sql<{ payload: { applicationId: string; partners?: unknown } }>(
    env, `SELECT payload FROM "${schema()}".outbox_events WHERE subject = 'preliminary-review.application.recommended.v1' AND payload->>'applicationId' = ANY($1)`, [[steel.applicationId, magnet.applicationId]],
  );
  expect(Object.fromEntries(recommended.map((e) => [e.payload.applicationId, e.payload.partners]))).toEqual({ [steel.applicationId]: [LICENSOR, FOREIGN_LICENSOR], [magnet.applicationId]: undefined });
  const [summary] = await sql<{ payload: C.SummarySubmittedV1 }>(env, `SELECT payload FROM "${schema()}".outbox_events WHERE subject = 'preliminary-review.summary.submitted.v1' AND payload->>'batchId' = $1`, [batch.batchId]);
  expect(summary.payload.entries.map((e) => [e.applicationId, e.partners])).toEqual([[magnet.applicationId, undefined], [steel.applicationId, [LICENSOR, FOREIGN_LICENSOR]]]);
});

it('M7.3 the Excel table and the PDF letter open and carry the summary\'s rows in Chinese', async () => {
  const table = await rpc.request<{ fileName: string; contentType: string; base64: string }>(C.ExportSummaryTable, { batchId: batch.batchId }, baotou);
  expect(table.fileName).toBe('2026年度包头市汇总表.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(decode(table) as never);
  const rows = (book.getWorksheet('汇总表')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
  expect(rows[0]).toEqual(['序号', '申报编号', '申请单位', '统一社会信用代码', '产品类别', '所属领域', '产品名称', '型号', '盟市推荐意见']);
  // M4.2: the field the applicant chose, by code and name; the material without one shows nothing.
  expect(rows.slice(1).map((r) => [r[0], r[2], r[5], r[6]])).toEqual([
    [1, '包头稀土新材料股份有限公司', '', '高性能钕铁硼永磁材料'],
    [2, '包头北方重型装备有限公司', 'EF04 大型矿山和冶金装备', '大型矿用自卸车'],
  ]);
  const letter = await rpc.request<{ fileName: string; contentType: string; base64: string }>(C.ExportRecommendationLetter, { batchId: batch.batchId, prefectureId: BAOTOU }, department);
  expect([letter.fileName, letter.contentType]).toEqual(['2026年度包头市推荐函.pdf', 'application/pdf']);
  const file = join(mkdtempSync(join(tmpdir(), 'letter-')), 'letter.pdf');
  writeFileSync(file, decode(letter));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const s of ['自治区工业和信息化厅', '包头稀土新材料股份有限公司', '高性能钕铁硼永磁材料', '大型矿用自卸车', '包头市工信局 王局长']) expect(text).toContain(s);
});

it('M7.2 another prefecture can neither read nor export the summary; the Department must name the prefecture', async () => {
  for (const contract of [C.GetSummary, C.ExportSummaryTable, C.ExportRecommendationLetter]) {
    const err = await rpc.refusal(contract, { batchId: batch.batchId, prefectureId: BAOTOU }, hohhot);
    expect([err.code, err.status]).toEqual(['NOT_FOUND', 404]);
    expect((await rpc.refusal(contract, { batchId: batch.batchId }, department)).code).toBe('PREFECTURE_REQUIRED');
    expect((await rpc.refusal(contract, { batchId: batch.batchId }, actors.enterprise('91150200MA0N4KXX4C'))).status).toBe(403);
  }
  const own = await rpc.request<{ status: string; entries: unknown[] }>(C.GetSummary, { batchId: batch.batchId }, hohhot);
  expect(own).toMatchObject({ status: 'DRAFT', entries: [] });
});

it('M3.1 M7.3 the Department sees every prefecture\'s progress: counts, summary sent, late', async () => {
  await rpc.request(C.ReturnForCorrection, { applicationId: hohhotOne.applicationId, items: [{ item: 'creditReport', reason: '信用报告过期' }], deadline: '2026-11-20', measuresIds: ['M7.4'] }, hohhot);
  const progress = await rpc.request<{ prefectures: Array<Record<string, unknown>> }>(C.GetPrefectureProgress, { batchId: batch.batchId }, department);
  expect(progress.prefectures).toHaveLength(12);
  expect(progress.prefectures.find((p) => p.prefectureId === BAOTOU)).toMatchObject({ prefectureName: '包头市', received: 4, inReview: 1, returned: 1, recommended: 2, late: false, summarySubmittedAt: expect.any(String), supplements: 0 });
  expect(progress.prefectures.find((p) => p.prefectureId === HOHHOT)).toMatchObject({ received: 1, returned: 1, summarySubmittedAt: null, late: false });
  await rpc.setClock(new Date('2026-11-16T09:00:00+08:00'));
  const after = await rpc.request<{ prefectures: Array<Record<string, unknown>> }>(C.GetPrefectureProgress, { batchId: batch.batchId }, actors.auditor());
  expect(after.prefectures.find((p) => p.prefectureId === HOHHOT)).toMatchObject({ late: true });
  expect(after.prefectures.find((p) => p.prefectureId === BAOTOU)).toMatchObject({ late: false });
  expect((await rpc.refusal(C.GetPrefectureProgress, { batchId: batch.batchId }, hohhot)).status).toBe(403);
});

it('M7.1 M7.3 an extension that moves the prefecture deadline lets the late summary through; a late copy of the opening does not undo it', async () => {
  await publishEvent(env, C.BatchWindowChanged, {
    batchId: lateBatch.batchId,
    year: 2026,
    name: lateBatch.name,
    kind: 'extend',
    previousClosesAt: lateBatch.windowClosesAt,
    windowClosesAt: '2026-11-05T00:00:00+08:00',
    prefectureDeadline: '2026-11-20',
    reason: '系统维护顺延',
    changedAt: '2026-11-04T09:00:00+08:00',
  });
  await waitUntilConsumed(env, 'INTAKE_EVENTS', 'preliminary-review-batch-windows');
  await publishEvent(env, C.BatchOpened, lateBatch); // the opening again, with its first deadline
  await waitUntilConsumed(env, 'INTAKE_EVENTS', 'preliminary-review-batches');
  expect(await sql(env, `SELECT prefecture_deadline FROM "${schema()}".batches WHERE id = $1`, [lateBatch.batchId])).toEqual([{ prefecture_deadline: '2026-11-20' }]);
  const sent = await rpc.request<{ status: string }>(C.SubmitSummary, { batchId: lateBatch.batchId }, baotou);
  expect(sent.status).toBe('SUBMITTED');
});

it('M7.3 an application resubmitted within its correction deadline follows the sent summary in a supplement (补报), past the prefecture deadline, with its own letter', async () => {
  // The clock is past the prefecture deadline (2026-11-15) and within the correction deadline (2026-11-18).
  expect((await rpc.refusal(C.SubmitSupplementarySummary, { batchId: batch.batchId }, hohhot)).code).toBe('SUMMARY_NOT_SUBMITTED');
  expect((await rpc.refusal(C.SubmitSupplementarySummary, { batchId: batch.batchId }, baotou)).code).toBe('SUPPLEMENT_EMPTY');
  // The corrected version names an assignor the first did not (M11.1).
  await publishEvent(env, C.ApplicationResubmitted, { ...corrected, version: 2, previousVersion: 1, changes: [], answers: [{ item: 'testReport', answer: '已补齐' }], partners: [ASSIGNOR], submittedAt: new Date('2026-11-16T10:00:00+08:00').toISOString() });
  await waitUntilConsumed(env, 'INTAKE_EVENTS', 'preliminary-review-resubmissions');
  await judgeAll(rpc, corrected.applicationId, baotou);
  expect((await rpc.request<{ state: string }>(C.RecommendApplication, { applicationId: corrected.applicationId, opinion: '补正后同意推荐' }, baotou)).state).toBe('RECOMMENDED');
  // An application never returned stays behind the sent summary.
  expect((await rpc.refusal(C.RecommendApplication, { applicationId: pending.applicationId, opinion: '同意' }, baotou)).code).toBe('SUMMARY_ALREADY_SUBMITTED');

  type View = { status: string; sequence: number; summaryId: string; entries: Array<{ applicationId: string; order: number }>; supplements: Array<{ sequence: number; entries: Array<{ applicationId: string }> }>; pendingSupplement: Array<{ applicationId: string }> };
  const before = await rpc.request<View>(C.GetSummary, { batchId: batch.batchId }, baotou);
  expect(before.pendingSupplement.map((e) => e.applicationId)).toEqual([corrected.applicationId]);
  expect((await rpc.request<View>(C.GetSummary, { batchId: batch.batchId, sequence: 1 }, baotou)).status).toBe('DRAFT');
  const sent = await rpc.request<View>(C.SubmitSupplementarySummary, { batchId: batch.batchId, signerName: '包头市工信局 王局长' }, baotou);
  expect(sent).toMatchObject({ status: 'SUBMITTED', sequence: 1, entries: [{ order: 1, applicationId: corrected.applicationId }] });
  expect((await rpc.refusal(C.SubmitSupplementarySummary, { batchId: batch.batchId }, baotou)).code).toBe('SUPPLEMENT_EMPTY');
  const events = await sql<{ payload: { sequence?: number; supplementOf?: string; summaryId: string; entries: Array<{ applicationId: string }> } }>(
    env, `SELECT payload FROM "${schema()}".outbox_events WHERE subject = 'preliminary-review.summary.submitted.v1' AND payload->>'prefectureId' = $1 AND payload->>'batchId' = $2 ORDER BY occurred_at`, [BAOTOU, batch.batchId],
  );
  const first = events.find((e) => !e.payload.sequence)!.payload;
  expect(events.find((e) => e.payload.sequence === 1)?.payload).toMatchObject({ supplementOf: first.summaryId, entries: [{ applicationId: corrected.applicationId, partners: [ASSIGNOR] }] });

  // The Department sees the summary and its supplement; each has its own letter.
  const original = await rpc.request<View>(C.GetSummary, { batchId: batch.batchId, prefectureId: BAOTOU }, department);
  expect(original).toMatchObject({ sequence: 0, status: 'SUBMITTED', pendingSupplement: [], supplements: [{ sequence: 1, entries: [{ applicationId: corrected.applicationId }] }] });
  expect(original.entries.map((e) => e.applicationId)).not.toContain(corrected.applicationId);
  const letter = await rpc.request<{ fileName: string; base64: string }>(C.ExportRecommendationLetter, { batchId: batch.batchId, prefectureId: BAOTOU, sequence: 1 }, department);
  expect(letter.fileName).toBe('2026年度包头市补报1推荐函.pdf');
  const file = join(mkdtempSync(join(tmpdir(), 'letter-')), 'supplement.pdf');
  writeFileSync(file, decode(letter));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const s of ['补报', '智能掘进机器人', '补正后同意推荐']) expect(text).toContain(s);
  expect(text).not.toContain('高性能钕铁硼永磁材料');
  const table = await rpc.request<{ fileName: string }>(C.ExportSummaryTable, { batchId: batch.batchId, prefectureId: BAOTOU, sequence: 1 }, department);
  expect(table.fileName).toBe('2026年度包头市补报1汇总表.xlsx');
  expect((await rpc.refusal(C.GetSummary, { batchId: batch.batchId, prefectureId: BAOTOU, sequence: 2 }, department)).status).toBe(404);
  const progress = await rpc.request<{ prefectures: Array<Record<string, unknown>> }>(C.GetPrefectureProgress, { batchId: batch.batchId }, department);
  expect(progress.prefectures.find((p) => p.prefectureId === BAOTOU)).toMatchObject({ recommended: 3, supplements: 1 });
});

it('M7.3 a recommendation after the summary is refused when the correction deadline had passed on the summary day', async () => {
  const stale = submission(BAOTOU, batch.batchId);
  await receive(env, stale);
  // Returned and resubmitted, but its deadline (2026-11-09) was over when the summary went (2026-11-10).
  await sql(env, `UPDATE "${schema()}".review_cases SET state = 'RESUBMITTED', resubmitted = true, correction_deadline = '2026-11-09' WHERE id = $1`, [stale.applicationId]);
  await judgeAll(rpc, stale.applicationId, baotou);
  expect((await rpc.refusal(C.RecommendApplication, { applicationId: stale.applicationId, opinion: '同意' }, baotou)).code).toBe('SUMMARY_ALREADY_SUBMITTED');
});
