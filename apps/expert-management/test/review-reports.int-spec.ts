import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  AcceptAssignment,
  AssignExpert,
  BatchReportViewV1,
  CallConsensusRound,
  CommissionInstitution,
  ConcludeConsensusRound,
  ExportBatchReport,
  ExportedFileV1,
  ExportReviewReport,
  GetReviewReport,
  ListBatchReports,
  ReviewReportViewV1,
  SaveBatchReport,
  SaveReviewReport,
  ScoreApplication,
  SignOffBatchReport,
  SignOffReviewReport,
} from '@firstset/contracts';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { ActorContext } from '@firstset/messaging';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { expertManagementModule } from '../src/expert-management.module';
import { accepting, recommend, recommended, scoring, signOff } from './review-fixtures';

/** Issue 17 item 6: the institution's comprehensive review report per case and per batch (M8.1, M9.1), with site visits' conclusions (M8.2). */
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;

const RUBRIC = INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview.rubric;
const schema = () => schemaOf(env, 'expert-management');
const department = actors.department();
const ids = { centre: randomUUID(), other: randomUUID(), wang: randomUUID(), li: randomUUID() };
const staff = { ...actors.institution(ids.centre), displayName: '赵主任' };
const otherStaff = actors.institution(ids.other);
const wang = actors.expert(ids.wang);
const li = actors.expert(ids.li);

/** A case of its own batch with Wang and Li assigned and accepted; `scores` given, both scored (Wang 9s, Li 7s by default). */
async function reviewed(scores: [number, number] | null = [9, 7], batchId: string = randomUUID(), commission = true): Promise<{ id: string; batchId: string }> {
  if (commission) await rpc.request(CommissionInstitution, { batchId, institutionId: ids.centre }, department);
  const e = recommended(batchId);
  await recommend(env, e);
  const id = e.applicationId;
  for (const [expertId, actor] of [[ids.wang, wang], [ids.li, li]] as const) {
    await rpc.request(AssignExpert, { applicationId: id, expertId }, staff);
    await rpc.request(AcceptAssignment, accepting(id), actor);
  }
  if (scores) {
    await rpc.request(ScoreApplication, scoring(id, scores[0], '技术先进'), wang);
    await rpc.request(ScoreApplication, { ...scoring(id, scores[1], '建议核查产能'), recommendation: 'on_site_needed' }, li);
  }
  return { id, batchId };
}

/** A site visit as the visits' handlers leave it (rows written directly here: the visits are another part of issue 17). */
async function visit(id: string, status: 'scheduled' | 'concluded' | 'cancelled', conclusion: string | null = null, visitOn = '2026-11-20') {
  const [c] = await sql<{ commission_id: string }>(env, `SELECT commission_id FROM "${schema()}".review_cases WHERE id = $1`, [id]);
  await sql(
    env,
    `INSERT INTO "${schema()}".site_visits (id, application_id, commission_id, status, visit_on, address, notice, member_expert_ids, scheduled_by, scheduled_at, conclusion, conclusion_note, concluded_at)
     VALUES ($1, $2, $3, $4, $5, '包头市青山区', '请准备生产线', $6, 'staff', now(), $7, $8, $9)`,
    [randomUUID(), id, c!.commission_id, status, visitOn, [ids.wang], conclusion, conclusion ? '生产线与申报一致' : null, conclusion ? new Date() : null],
  );
}

const get = (id: string, actor: ActorContext = staff) => rpc.request<ReviewReportViewV1>(GetReviewReport, { applicationId: id }, actor);
const save = (id: string, version: number, recommendation = 'recommend', reasons = '技术指标达到国内领先水平') =>
  rpc.request<ReviewReportViewV1>(SaveReviewReport, { applicationId: id, recommendation: recommendation as 'recommend', reasons, expectedVersion: version }, staff);
const reportRow = (id: string) => sql<Record<string, unknown>>(env, `SELECT status, recommendation, reasons, version, signed_at FROM "${schema()}".review_reports WHERE application_id = $1`, [id]).then((r) => r[0]);
const caseState = (id: string) => sql<{ state: string }>(env, `SELECT state FROM "${schema()}".review_cases WHERE id = $1`, [id]).then((r) => r[0]!.state);

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  const s = schema();
  await sql(env, `INSERT INTO "${s}".institutions (id, name, uscc) VALUES ($1, '内蒙古自治区工业技术评价中心', '12150000MB1234562H'), ($2, '另一家评价机构', '12150000MB7654321X')`, [ids.centre, ids.other]);
  await sql(env, `INSERT INTO "${s}".experts (id, name, institution_id, field) VALUES ($1, '王明', $3, '矿山装备'), ($2, '李华', $3, '新材料')`, [ids.wang, ids.li, ids.centre]);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('the report on a case (M8.1, M9.1)', () => {
  it('M8.1 the draft is prefilled: criterion means, each counted expert anonymised as 专家A/专家B with scores and opinion, concluded visits only', async () => {
    const { id } = await reviewed([9, 7]);
    await visit(id, 'concluded', 'confirmed_with_reservations', '2026-11-18');
    await visit(id, 'cancelled');
    const draft = await get(id);
    expect(draft).toMatchObject({ status: 'none', version: 0, recommendation: null, state: 'UNDER_COMPREHENSIVE_REVIEW', institutionName: '内蒙古自治区工业技术评价中心' });
    expect(draft.content.weightedScore).toBe(80);
    expect(draft.content.criterionMeans).toEqual(RUBRIC.map((k) => ({ criterionId: k.id, nameZh: k.nameZh, nameEn: k.nameEn, max: k.max, mean: 8 })));
    expect(draft.content.experts.map((e) => [e.label, e.weightedTotal, e.recommendation, e.opinion])).toEqual([
      ['专家A', 90, 'recommend', '技术先进'],
      ['专家B', 70, 'on_site_needed', '建议核查产能'],
    ]);
    expect(draft.content.siteConclusions).toEqual([
      { visitOn: '2026-11-18', conclusion: 'confirmed_with_reservations', conclusionLabel: { zh: '基本属实，存在问题', en: 'Confirmed with reservations' }, note: '生产线与申报一致' },
    ]);
    // The experts stay anonymous in everything the report carries.
    const text = JSON.stringify(draft);
    for (const secret of ['王明', '李华', ids.wang, ids.li]) expect(text).not.toContain(secret);
  });

  it('M9.1 the institution saves its recommendation at the version it read; a stale or hostile save is refused and changes nothing', async () => {
    const { id } = await reviewed();
    const first = await save(id, 0, 'recommend', '  达到国内领先水平  ');
    expect(first).toMatchObject({ status: 'draft', version: 1, recommendation: 'recommend', reasons: '达到国内领先水平', recommendationLabel: { zh: '建议认定' } });
    const stale = await rpc.refusal(SaveReviewReport, { applicationId: id, recommendation: 'not_recommend', reasons: '改', expectedVersion: 0 }, staff);
    expect([stale.code, stale.status]).toEqual(['REPORT_STALE', 409]);
    for (const bad of [{ recommendation: 'maybe' }, { expectedVersion: -1 }, { reasons: 'x'.repeat(4001) }]) {
      expect((await rpc.refusal(SaveReviewReport, { applicationId: id, recommendation: 'recommend', reasons: 'r', expectedVersion: 1, ...bad } as never, staff)).status).toBe(400);
    }
    expect((await rpc.refusal(SaveReviewReport, { applicationId: id, recommendation: 'recommend', reasons: 'r', expectedVersion: 1 }, otherStaff)).status).toBe(404);
    expect((await rpc.refusal(SaveReviewReport, { applicationId: id, recommendation: 'recommend', reasons: 'r', expectedVersion: 1 }, wang)).status).toBe(403);
    expect(await reportRow(id)).toMatchObject({ status: 'draft', recommendation: 'recommend', reasons: '达到国内领先水平', version: 1 });
    expect((await save(id, 1, 'not_recommend', '市场应用不足')).version).toBe(2);
  });

  it('M9.1 one institution never reads another\'s report; the Department reads it only once signed off; experts not at all', async () => {
    const { id } = await reviewed();
    await save(id, 0);
    for (const [actor, status] of [[otherStaff, 404], [department, 404], [actors.auditor(), 404], [wang, 403]] as const) {
      expect((await rpc.refusal(GetReviewReport, { applicationId: id }, actor)).status).toBe(status);
      expect((await rpc.refusal(ExportReviewReport, { applicationId: id, format: 'pdf' }, actor)).status).toBe(status);
    }
    expect((await rpc.refusal(GetReviewReport, { applicationId: randomUUID() }, staff)).status).toBe(404);
  });
});

describe('signing off (M8.1, M9.1, M8.2)', () => {
  it('M8.1 sign-off is refused while a consensus round is open (409) and until every active expert has scored (422)', async () => {
    const { id } = await reviewed(null);
    await rpc.request(ScoreApplication, scoring(id, 9), wang);
    const missing = await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 0 }, staff);
    expect([missing.code, missing.status]).toEqual(['OPINIONS_MISSING', 422]);
    await rpc.request(ScoreApplication, scoring(id, 5), li);
    await save(id, 0);
    await rpc.request(CallConsensusRound, { applicationId: id, reason: '分歧较大' }, staff);
    const open = await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 1 }, staff);
    expect([open.code, open.status]).toEqual(['CONSENSUS_ROUND_OPEN', 409]);
    await rpc.request(ConcludeConsensusRound, { applicationId: id, outcome: '维持原评分' }, staff);
    expect((await rpc.request<ReviewReportViewV1>(SignOffReviewReport, { applicationId: id, expectedVersion: 1 }, staff)).status).toBe('signed_off');
  });

  it('M8.2 sign-off waits for a scheduled site visit (409); M9.1 it needs a recommendation with reasons (422) at the version read (409)', async () => {
    const { id } = await reviewed();
    const none = await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 0 }, staff);
    expect([none.code, none.status]).toEqual(['REPORT_REASONS_REQUIRED', 422]);
    await save(id, 0, 'recommend', '   ');
    const blank = await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 1 }, staff);
    expect([blank.code, blank.status, blank.error.errors?.[0]?.field]).toEqual(['REPORT_REASONS_REQUIRED', 422, 'reasons']);
    await save(id, 1);
    await visit(id, 'scheduled');
    const pending = await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 2 }, staff);
    expect([pending.code, pending.status]).toEqual(['SITE_VISIT_PENDING', 409]);
    await sql(env, `UPDATE "${schema()}".site_visits SET status = 'concluded', conclusion = 'confirmed', concluded_at = now() WHERE application_id = $1`, [id]);
    const stale = await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 1 }, staff);
    expect([stale.code, stale.status]).toEqual(['REPORT_STALE', 409]);
    expect(await caseState(id)).toBe('UNDER_COMPREHENSIVE_REVIEW');
    expect(await reportRow(id)).toMatchObject({ status: 'draft', version: 2, signed_at: null });
  });

  it('M8.2 M9.1 after a visit that did not confirm the claims the report cannot recommend (422); not recommending is signed', async () => {
    const { id } = await reviewed();
    await visit(id, 'concluded', 'not_confirmed');
    await save(id, 0, 'recommend');
    const contradiction = await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 1 }, staff);
    expect([contradiction.code, contradiction.status]).toEqual(['RECOMMENDATION_CONTRADICTS_VISIT', 422]);
    await save(id, 1, 'not_recommend', '现场核查不属实');
    const signed = await rpc.request<ReviewReportViewV1>(SignOffReviewReport, { applicationId: id, expectedVersion: 2 }, staff);
    expect(signed).toMatchObject({ status: 'signed_off', recommendation: 'not_recommend', state: 'REVIEWED' });
  });

  it('M9.1 sign-off concludes the review and delivers the report: frozen content, the event carries it, the Department reads and exports it', async () => {
    const { id } = await reviewed([9, 7]);
    await visit(id, 'concluded', 'confirmed');
    await save(id, 0, 'recommend', '技术指标达到国内领先水平');
    const signed = await rpc.request<ReviewReportViewV1>(SignOffReviewReport, { applicationId: id, expectedVersion: 1 }, staff);
    expect(signed).toMatchObject({ status: 'signed_off', version: 2, state: 'REVIEWED', score: 80, signedByName: '赵主任', signedAt: expect.any(String) });
    expect(signed.opinion).toBe('【建议认定】技术先进\n【建议现场核查】建议核查产能');
    const [event] = await sql<{ payload: Record<string, unknown> }>(env, `SELECT payload FROM "${schema()}".outbox_events WHERE subject = 'expert-management.application.reviewed.v1' AND payload->>'applicationId' = $1`, [id]);
    expect(event!.payload).toMatchObject({
      score: 80,
      weightedScore: 80,
      report: {
        recommendation: 'recommend',
        reasons: '技术指标达到国内领先水平',
        criterionMeans: RUBRIC.map((k) => ({ criterionId: k.id, nameZh: k.nameZh, mean: 8 })),
        siteConclusions: [{ visitOn: '2026-11-20', conclusion: 'confirmed', note: '生产线与申报一致' }],
        signedAt: signed.signedAt,
        signedByName: '赵主任',
      },
    });
    // Signed off: it no longer changes, and what later happens to the facts does not change it.
    expect((await rpc.refusal(SaveReviewReport, { applicationId: id, recommendation: 'not_recommend', reasons: '改', expectedVersion: 2 }, staff)).code).toBe('REPORT_SIGNED_OFF');
    expect((await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 2 }, staff)).code).toBe('ILLEGAL_TRANSITION');
    await visit(id, 'concluded', 'not_confirmed', '2026-11-30');
    const read = await get(id, department);
    expect(read).toMatchObject({ status: 'signed_off', recommendation: 'recommend' });
    expect(read.content).toEqual(signed.content);

    const pdf = await rpc.request<ExportedFileV1>(ExportReviewReport, { applicationId: id, format: 'pdf' }, department);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.fileName).toBe(`${read.applicationNo}综合评审报告.pdf`);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await rpc.request<ExportedFileV1>(ExportReviewReport, { applicationId: id, format: 'xlsx' }, staff);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as never);
    expect(book.getWorksheet('评审报告')!.getRow(6).values).toEqual([undefined, '评审结论', '建议认定']);
    const experts = book.getWorksheet('专家意见')!.getSheetValues().slice(2).map((r) => (r as unknown[])[1]);
    expect(experts).toEqual(['专家A', '专家B']);
    expect((await rpc.refusal(ExportReviewReport, { applicationId: id, format: 'docx' } as never, staff)).status).toBe(400);
  });
});

describe('the report on a batch (M9.1)', () => {
  it('M9.1 the batch report is signed off only once every case of the commission has a signed-off report; the Department then sees it', async () => {
    const { id, batchId } = await reviewed();
    const { id: id2 } = await reviewed([8, 8], batchId, false);
    const listed = await rpc.request<BatchReportViewV1[]>(ListBatchReports, { batchId }, staff);
    expect(listed).toEqual([expect.objectContaining({ status: 'none', version: 0, entries: [expect.objectContaining({ reportStatus: 'none' }), expect.objectContaining({ reportStatus: 'none' })] })]);
    const draft = await rpc.request<BatchReportViewV1>(SaveBatchReport, { batchId, remarks: '本批次评审工作规范有序', expectedVersion: 0 }, staff);
    expect(draft).toMatchObject({ status: 'draft', version: 1, remarks: '本批次评审工作规范有序' });
    await signOff(rpc, id, staff);
    const missing = await rpc.refusal(SignOffBatchReport, { batchId, expectedVersion: 1 }, staff);
    expect([missing.code, missing.status, missing.error.detail]).toEqual(['CASE_REPORTS_MISSING', 422, 'M9.1: 1 without a signed-off report']);
    expect(await rpc.request<BatchReportViewV1[]>(ListBatchReports, { batchId }, department)).toEqual([]);
    await signOff(rpc, id2, staff, 'not_recommend');
    expect((await rpc.refusal(SignOffBatchReport, { batchId, expectedVersion: 0 }, staff)).code).toBe('REPORT_STALE');
    expect((await rpc.refusal(SignOffBatchReport, { batchId, expectedVersion: 1 }, otherStaff)).status).toBe(404);
    expect((await rpc.refusal(SaveBatchReport, { batchId, remarks: 'x', expectedVersion: 1 }, otherStaff)).status).toBe(404);
    const signed = await rpc.request<BatchReportViewV1>(SignOffBatchReport, { batchId, expectedVersion: 1 }, staff);
    expect(signed).toMatchObject({ status: 'signed_off', signedByName: '赵主任' });
    expect(signed.entries.map((e) => [e.applicationId, e.reportStatus, e.recommendation])).toEqual(
      expect.arrayContaining([[id, 'signed_off', 'recommend'], [id2, 'signed_off', 'not_recommend']]),
    );
    expect((await rpc.refusal(SaveBatchReport, { batchId, remarks: '改', expectedVersion: 2 }, staff)).code).toBe('REPORT_SIGNED_OFF');
    expect(await rpc.request<BatchReportViewV1[]>(ListBatchReports, { batchId }, department)).toEqual([expect.objectContaining({ status: 'signed_off', remarks: '本批次评审工作规范有序' })]);
    expect(await rpc.request<BatchReportViewV1[]>(ListBatchReports, { batchId }, otherStaff)).toEqual([]);
    expect((await rpc.refusal(ListBatchReports, {}, wang)).status).toBe(403);
    const pdf = await rpc.request<ExportedFileV1>(ExportBatchReport, { batchId, format: 'pdf' }, department);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await rpc.request<ExportedFileV1>(ExportBatchReport, { batchId, format: 'xlsx' }, staff);
    expect(xlsx.fileName).toBe('内蒙古自治区工业技术评价中心批次评审报告.xlsx');
    expect((await rpc.refusal(ExportBatchReport, { batchId, format: 'pdf' }, otherStaff)).status).toBe(404);
  });
});
