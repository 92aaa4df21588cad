import { randomUUID } from 'node:crypto';
import {
  AttachTrackingFile,
  AuthorizeTrackingAttachmentUpload,
  AuthorizeTrackingFileDownload,
  ConcludeTrackingEvaluation,
  FindUnreferencedTrackingFiles,
  GetTrackingEvaluation,
  ListTrackableRecognitions,
  ListTrackingEvaluations,
  OpenComplianceCase,
  RecognitionIssued,
  RemoveTrackingFile,
  RequestTrackingReport,
  SubmitTrackingReport,
  SummarizeTrackingEvaluations,
  type ComplianceCaseViewV1,
  type TrackableRecognitionPageV1,
  type TrackingEvaluationPageV1,
  type TrackingEvaluationViewV1,
  type TrackingSummaryV1,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, recognitionIssuedEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { complianceModule } from '../src/compliance.module';

// M12.2 / ADR 0026: each prefecture runs a yearly tracking evaluation of the recognized products of
// its area; the enterprise reports through the platform by a due date; the Department reads the
// results across prefectures and may open a compliance case from a serious finding.
const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const BAOTOU = '150200';
const HOHHOT = '150100';
const USCC = '91150200MA0N4KXX4C';
const OTHER_USCC = '91150100MA0P7RYY69';
const prefecture = actors.prefecture(BAOTOU);
const otherPrefecture = actors.prefecture(HOHHOT);
const enterprise = actors.enterprise(USCC);
const otherEnterprise = actors.enterprise(OTHER_USCC);
const department = actors.department();
const S = () => `"${schemaOf(env, 'compliance')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);
/** Noon in China on `date`. */
const chinaNoon = (date: string) => new Date(`${date}T04:00:00Z`);

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'compliance', complianceModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(chinaNoon('2026-12-03'));
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

/** A recognition compliance learned of from publicity, of `prefectureId`'s area. */
async function recognition(prefectureId: string, uscc: string, model: string, documentDate = '2026-10-15', validUntil = '2029-10-15'): Promise<string> {
  const event = recognitionIssuedEvent({
    applicationNo: `2026-${prefectureId}-00001`,
    prefectureId,
    enterprise: { uscc, name: uscc === USCC ? '包头北方重型装备有限公司' : '呼和浩特新能源装备有限公司', registeredAddress: '内蒙古' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model, rdCompletedOn: '2026-03-01' },
    documentDate,
    validFrom: documentDate,
    validUntil,
  });
  const { recognitionId } = event;
  await publishEvent(env, RecognitionIssued, event);
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.recognitions WHERE id = $1`, [recognitionId])).length === 1);
  return recognitionId;
}

const counts = async () =>
  (
    await q(
      `SELECT (SELECT count(*) FROM ${S()}.tracking_evaluations)::int AS evaluations, (SELECT count(*) FROM ${S()}.compliance_cases)::int AS cases,
              (SELECT count(*) FROM ${S()}.tracking_evaluations WHERE status <> 'requested')::int AS moved`,
    )
  )[0];
const request = (input: Record<string, unknown>, actor = prefecture) => rpc.request<TrackingEvaluationViewV1>(RequestTrackingReport, input, actor);
const REPORT = {
  unitsSold: 12,
  salesRevenueYuan: 36_800_000.5,
  customers: ['国家能源集团准格尔能源有限责任公司', '北方联合电力有限责任公司'],
  performance: '累计运行 8600 小时，故障率低于合同约定。',
  problems: '高寒条件下液压系统预热时间偏长。',
};

describe('tracking evaluation of recognized products (M12.2)', () => {
  let recA: string;
  let recA2: string;
  let recB: string;
  let expired: string;
  let first: TrackingEvaluationViewV1;
  let silent: TrackingEvaluationViewV1;

  it('M12.2 a prefecture lists the valid recognized products of its own area only', async () => {
    recA = await recognition(BAOTOU, USCC, 'ZK-1');
    recA2 = await recognition(BAOTOU, USCC, 'ZK-2');
    recB = await recognition(HOHHOT, OTHER_USCC, 'HN-1');
    expired = await recognition(BAOTOU, USCC, 'ZK-0', '2023-10-15', '2026-10-15');
    const mine = await rpc.request<TrackableRecognitionPageV1>(ListTrackableRecognitions, {}, prefecture);
    expect(mine.year).toBe(2026);
    expect(mine.items.map((r) => r.recognitionId).sort()).toEqual([recA, recA2].sort());
    expect(mine.items.every((r) => r.evaluation === null)).toBe(true);
    const theirs = await rpc.request<TrackableRecognitionPageV1>(ListTrackableRecognitions, {}, otherPrefecture);
    expect(theirs.items.map((r) => r.recognitionId)).toEqual([recB]);
    expect((await rpc.refusal(ListTrackableRecognitions, {}, enterprise)).status).toBe(403);
  });

  it('M12.2 hostile requests are refused with nothing recorded: malformed 400, wrong role 403, other prefecture 404, rules 422/409', async () => {
    const before = await counts();
    expect((await rpc.refusal(RequestTrackingReport, { recognitionId: recA, year: 2026, dueOn: '2026-13-01', note: '' }, prefecture)).status).toBe(400);
    expect((await rpc.refusal(RequestTrackingReport, { recognitionId: 'x', year: '2026', dueOn: '2026-12-20', note: '报告' } as never, prefecture)).status).toBe(400);
    expect((await rpc.refusal(RequestTrackingReport, { recognitionId: recA, year: 2026, dueOn: '2026-12-20', note: '报告' }, enterprise)).status).toBe(403);
    expect((await rpc.refusal(RequestTrackingReport, { recognitionId: recA, year: 2026, dueOn: '2026-12-20', note: '报告' }, department)).status).toBe(403);
    const foreign = await rpc.refusal(RequestTrackingReport, { recognitionId: recA, year: 2026, dueOn: '2026-12-20', note: '报告' }, otherPrefecture);
    expect([foreign.code, foreign.status]).toEqual(['RECOGNITION_NOT_FOUND', 404]);
    expect((await rpc.refusal(RequestTrackingReport, { recognitionId: randomUUID(), year: 2026, dueOn: '2026-12-20', note: '报告' }, prefecture)).status).toBe(404);
    // Due at least seven days after today (2026-12-03, China time): 12-09 is too soon.
    const soon = await rpc.refusal(RequestTrackingReport, { recognitionId: recA, year: 2026, dueOn: '2026-12-09', note: '报告' }, prefecture);
    expect([soon.code, soon.status]).toEqual(['TRACKING_DUE_TOO_SOON', 422]);
    expect(soon.error.title).toContain('2026-12-10');
    for (const year of [2025, 2027]) {
      expect((await rpc.refusal(RequestTrackingReport, { recognitionId: recA, year, dueOn: '2026-12-20', note: '报告' }, prefecture)).code).toBe('TRACKING_YEAR_OUT_OF_RANGE');
    }
    const past = await rpc.refusal(RequestTrackingReport, { recognitionId: expired, year: 2026, dueOn: '2026-12-20', note: '报告' }, prefecture);
    expect([past.code, past.status]).toEqual(['RECOGNITION_NOT_TRACKABLE', 409]);
    expect(await counts()).toEqual(before);
  });

  it('M12.2 the prefecture requests the year’s report, once per product and year, due seven days out at the earliest', async () => {
    first = await request({ recognitionId: recA, year: 2026, dueOn: '2026-12-10', note: '请报送认定以来的销售、使用情况及存在问题' });
    expect(first).toMatchObject({ status: 'requested', year: 2026, prefectureId: BAOTOU, uscc: USCC, dueOn: '2026-12-10', model: 'ZK-1', report: null, conclusion: null });
    const again = await rpc.refusal(RequestTrackingReport, { recognitionId: recA, year: 2026, dueOn: '2026-12-31', note: '重复' }, prefecture);
    expect([again.code, again.status]).toEqual(['TRACKING_EVALUATION_EXISTS', 409]);
    const mine = await rpc.request<TrackableRecognitionPageV1>(ListTrackableRecognitions, {}, prefecture);
    expect(mine.items.find((r) => r.recognitionId === recA)?.evaluation).toEqual({ id: first.id, status: 'requested', dueOn: '2026-12-10' });
  });

  it('M12.2 the enterprise sees its own requests; another enterprise and another prefecture see nothing (404)', async () => {
    const own = await rpc.request<TrackingEvaluationPageV1>(ListTrackingEvaluations, {}, enterprise);
    expect(own.items.map((e) => e.id)).toEqual([first.id]);
    expect(own.items[0].note).toContain('销售、使用情况');
    expect((await rpc.request<TrackingEvaluationPageV1>(ListTrackingEvaluations, {}, otherEnterprise)).total).toBe(0);
    expect((await rpc.refusal(GetTrackingEvaluation, { evaluationId: first.id }, otherEnterprise)).status).toBe(404);
    expect((await rpc.refusal(GetTrackingEvaluation, { evaluationId: first.id }, otherPrefecture)).status).toBe(404);
    // The other prefecture filtering by Baotou still reads only its own area.
    expect((await rpc.request<TrackingEvaluationPageV1>(ListTrackingEvaluations, { prefectureId: BAOTOU }, otherPrefecture)).total).toBe(0);
  });

  it('M12.2 the enterprise reports once before the due date; hostile reports change nothing', async () => {
    const before = await counts();
    expect((await rpc.refusal(SubmitTrackingReport, { evaluationId: first.id, ...REPORT }, otherEnterprise)).status).toBe(404);
    expect((await rpc.refusal(SubmitTrackingReport, { evaluationId: first.id, ...REPORT }, prefecture)).status).toBe(403);
    const bad = await rpc.refusal(SubmitTrackingReport, { evaluationId: first.id, ...REPORT, unitsSold: -1, salesRevenueYuan: 1.005, customers: [''], performance: '' }, enterprise);
    expect(bad.status).toBe(400);
    expect(await counts()).toEqual(before);
    const reported = await rpc.request<TrackingEvaluationViewV1>(SubmitTrackingReport, { evaluationId: first.id, ...REPORT }, enterprise);
    expect(reported).toMatchObject({ status: 'reported', report: { unitsSold: 12, salesRevenueYuan: 36_800_000.5, customers: REPORT.customers, problems: REPORT.problems } });
    const twice = await rpc.refusal(SubmitTrackingReport, { evaluationId: first.id, ...REPORT, unitsSold: 99 }, enterprise);
    expect([twice.code, twice.status]).toEqual(['TRACKING_EVALUATION_STATUS', 409]);
    expect((await rpc.request<TrackingEvaluationViewV1>(GetTrackingEvaluation, { evaluationId: first.id }, prefecture)).report?.unitsSold).toBe(12);
  });

  it('M12.2 the prefecture of the area concludes once; the enterprise reads the evaluation without the findings', async () => {
    const body = { evaluationId: first.id, conclusion: 'good', findings: '产品使用情况良好，推广应用成效明显。' };
    expect((await rpc.refusal(ConcludeTrackingEvaluation, body, otherPrefecture)).status).toBe(404);
    expect((await rpc.refusal(ConcludeTrackingEvaluation, body, department)).status).toBe(403);
    expect((await rpc.refusal(ConcludeTrackingEvaluation, { ...body, conclusion: 'excellent' }, prefecture)).status).toBe(400);
    first = await rpc.request(ConcludeTrackingEvaluation, body, prefecture);
    expect(first).toMatchObject({ status: 'concluded', conclusion: 'good', withoutReport: false, concludedOn: '2026-12-03' });
    expect((await rpc.refusal(ConcludeTrackingEvaluation, { ...body, conclusion: 'serious_problem' }, prefecture)).code).toBe('TRACKING_EVALUATION_STATUS');
    const seen = await rpc.request<TrackingEvaluationViewV1>(GetTrackingEvaluation, { evaluationId: first.id }, enterprise);
    expect(seen).toMatchObject({ status: 'concluded', conclusion: null, findings: null });
    // Nor can it learn the conclusion by filtering on it.
    expect((await rpc.request<TrackingEvaluationPageV1>(ListTrackingEvaluations, { conclusion: 'serious_problem' }, enterprise)).total).toBe(1);
  });

  it('M12.2 without a report: no conclusion until the due date has passed, then none is accepted and the conclusion says so', async () => {
    silent = await request({ recognitionId: recA2, year: 2026, dueOn: '2026-12-10', note: '请报送' });
    const waiting = await rpc.refusal(ConcludeTrackingEvaluation, { evaluationId: silent.id, conclusion: 'serious_problem', findings: '未报送' }, prefecture);
    expect([waiting.code, waiting.status]).toEqual(['TRACKING_REPORT_PENDING', 422]);
    try {
      // The due date itself still belongs to the enterprise.
      await rpc.setClock(chinaNoon('2026-12-10'));
      expect((await rpc.refusal(ConcludeTrackingEvaluation, { evaluationId: silent.id, conclusion: 'serious_problem', findings: '未报送' }, prefecture)).code).toBe('TRACKING_REPORT_PENDING');
      await rpc.setClock(chinaNoon('2026-12-11'));
      const late = await rpc.refusal(SubmitTrackingReport, { evaluationId: silent.id, ...REPORT }, enterprise);
      expect([late.code, late.status]).toEqual(['TRACKING_REPORT_TOO_LATE', 422]);
      silent = await rpc.request(
        ConcludeTrackingEvaluation,
        { evaluationId: silent.id, conclusion: 'serious_problem', findings: '企业逾期未报送；现场核查发现产品已停产且用户反映存在严重安全隐患。' },
        prefecture,
      );
      expect(silent).toMatchObject({ status: 'concluded', conclusion: 'serious_problem', withoutReport: true, report: null, concludedOn: '2026-12-11' });
    } finally {
      await rpc.setClock(chinaNoon('2026-12-03'));
    }
  });

  it('M12.2 the Department and the auditor read the results across prefectures, by prefecture, year and conclusion', async () => {
    const hohhot = await request({ recognitionId: recB, year: 2026, dueOn: '2026-12-31', note: '请报送' }, otherPrefecture);
    const all = await rpc.request<TrackingEvaluationPageV1>(ListTrackingEvaluations, { year: 2026 }, department);
    expect(all.items.map((e) => e.id).sort()).toEqual([first.id, silent.id, hohhot.id].sort());
    expect(all.items.find((e) => e.id === first.id)?.findings).toContain('使用情况良好');
    const byPrefecture = await rpc.request<TrackingEvaluationPageV1>(ListTrackingEvaluations, { prefectureId: HOHHOT }, actors.auditor());
    expect(byPrefecture.items.map((e) => e.id)).toEqual([hohhot.id]);
    const serious = await rpc.request<TrackingEvaluationPageV1>(ListTrackingEvaluations, { conclusion: 'serious_problem' }, department);
    expect(serious.items.map((e) => [e.id, e.prefectureId, e.withoutReport])).toEqual([[silent.id, BAOTOU, true]]);
    const paged = await rpc.request<TrackingEvaluationPageV1>(ListTrackingEvaluations, { pageSize: 2, page: 2 }, department);
    expect([paged.total, paged.items.length]).toEqual([3, 1]);
    expect((await rpc.request<TrackingEvaluationPageV1>(ListTrackingEvaluations, { status: 'requested' }, prefecture)).total).toBe(0);
    expect((await rpc.refusal(ListTrackingEvaluations, { year: 'last' } as never, department)).status).toBe(400);
  });

  it('M12.2 the Department and the auditor read the year by prefecture: valid products, evaluations by status and conclusion, overdue ones', async () => {
    const summary = await rpc.request<TrackingSummaryV1>(SummarizeTrackingEvaluations, {}, department);
    expect(summary.year).toBe(2026);
    expect(summary.rows).toHaveLength(14); // the 12 leagues and cities, Manzhouli and Erenhot
    const row = (id: string, s = summary) => s.rows.find((r) => r.prefectureId === id);
    expect(row(BAOTOU)).toEqual({ prefectureId: BAOTOU, validProducts: 2, requested: 0, reported: 0, concluded: 2, overdue: 0, good: 1, issuesFound: 0, seriousProblem: 1 });
    expect(row(HOHHOT)).toMatchObject({ validProducts: 1, requested: 1, concluded: 0, overdue: 0 });
    expect(row('150300')).toMatchObject({ validProducts: 0, requested: 0, concluded: 0 });
    expect(summary.total).toMatchObject({ validProducts: 3, requested: 1, concluded: 2, good: 1, seriousProblem: 1 });
    try {
      // Past Hohhot's due date without a report, its request is overdue.
      await rpc.setClock(chinaNoon('2027-01-01'));
      const later = await rpc.request<TrackingSummaryV1>(SummarizeTrackingEvaluations, { year: 2026 }, actors.auditor());
      expect(row(HOHHOT, later)).toMatchObject({ requested: 1, overdue: 1 });
      const next = await rpc.request<TrackingSummaryV1>(SummarizeTrackingEvaluations, {}, department);
      expect([next.year, next.total.requested, next.total.concluded]).toEqual([2027, 0, 0]);
    } finally {
      await rpc.setClock(chinaNoon('2026-12-03'));
    }
    for (const actor of [prefecture, enterprise]) expect((await rpc.refusal(SummarizeTrackingEvaluations, {}, actor)).status).toBe(403);
    expect((await rpc.refusal(SummarizeTrackingEvaluations, { year: 'last' } as never, department)).status).toBe(400);
  });

  it('M12.2 the Department opens a compliance case from a serious finding only, the evaluation recorded as its source', async () => {
    const before = await counts();
    const open = (input: Record<string, unknown>) => rpc.refusal(OpenComplianceCase, { intendedMeasure: 'recognition_revocation', facts: '跟踪评价发现严重问题', ...input } as never, department);
    const good = await open({ subjectId: recA, trackingEvaluationId: first.id });
    expect([good.code, good.status]).toEqual(['TRACKING_FINDING_NOT_SERIOUS', 422]);
    expect((await open({ subjectId: recA2, trackingEvaluationId: randomUUID() })).code).toBe('TRACKING_EVALUATION_NOT_FOUND');
    expect((await open({ subjectId: recA, trackingEvaluationId: silent.id })).code).toBe('TRACKING_SUBJECT_MISMATCH');
    expect((await open({ subjectId: recA2, trackingEvaluationId: 'not-a-uuid' })).status).toBe(400);
    expect(await counts()).toEqual(before);
    const c = await rpc.request<ComplianceCaseViewV1>(
      OpenComplianceCase,
      { intendedMeasure: 'recognition_revocation', subjectId: recA2, facts: '跟踪评价发现产品已停产且存在严重安全隐患', trackingEvaluationId: silent.id },
      department,
    );
    expect(c).toMatchObject({ status: 'opened', subjectId: recA2, subjectUscc: USCC });
    expect(c.source).toContain(`tracking-evaluation:${silent.id}`);
    expect(c.source).toContain('跟踪评价 2026');
  });
});

describe('attachments to the enterprise\'s tracking report (M12.2)', () => {
  /** A file the gateway stored: `n` makes its content (and SHA-256) distinct. */
  const file = (n: number, mediaType = 'pdf') => {
    const sha256 = String(n).padStart(64, 'b');
    return { fileName: `佐证${n}.${mediaType}`, mediaType, size: 1000 + n, sha256, objectKey: `sha256/bb/${sha256}` };
  };
  const attach = (evaluationId: string, f: ReturnType<typeof file>, actor = enterprise) => rpc.request<TrackingEvaluationViewV1>(AttachTrackingFile, { evaluationId, ...f }, actor);
  const attachmentRows = async (evaluationId: string) => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${S()}.tracking_attachments WHERE evaluation_id = $1`, [evaluationId]))[0].n;
  let ev: TrackingEvaluationViewV1;

  beforeAll(async () => {
    const rec = await recognition(BAOTOU, USCC, 'ZK-ATT');
    ev = await request({ recognitionId: rec, year: 2026, dueOn: '2026-12-20', note: '请附销售合同和用户使用报告' });
  });

  it('M12.2 the request is published as TrackingReportRequested with the product, the year and the due date, in the request\'s transaction', async () => {
    const [row] = await q<{ payload: Record<string, unknown> }>(`SELECT payload FROM ${S()}.outbox_events WHERE subject LIKE '%compliance.tracking.report-requested.v1' AND payload->>'evaluationId' = $1`, [ev.id]);
    expect(row.payload).toMatchObject({
      evaluationId: ev.id,
      recognitionId: ev.recognitionId,
      uscc: USCC,
      enterpriseName: '包头北方重型装备有限公司',
      productName: '大型矿用自卸车',
      year: 2026,
      dueOn: '2026-12-20',
      note: '请附销售合同和用户使用报告',
      prefectureId: BAOTOU,
    });
    expect(row.payload.applicationId).toEqual(expect.any(String));
    // A refused request publishes nothing.
    const refused = await rpc.refusal(RequestTrackingReport, { recognitionId: ev.recognitionId, year: 2026, dueOn: '2026-12-31', note: '重复' }, prefecture);
    expect(refused.code).toBe('TRACKING_EVALUATION_EXISTS');
    expect(await q(`SELECT 1 FROM ${S()}.outbox_events WHERE subject LIKE '%compliance.tracking.report-requested.v1' AND payload->>'recognitionId' = $1`, [ev.recognitionId])).toHaveLength(1);
  });

  it('M12.2 the enterprise attaches up to 5 files (granted before a byte is read), listed on the view without their object key; the same content is kept once', async () => {
    const grant = await rpc.request(AuthorizeTrackingAttachmentUpload, { evaluationId: ev.id }, enterprise);
    expect(grant).toEqual({ maxBytes: 20 * 1024 * 1024, allowedTypes: ['pdf', 'jpg', 'png'], sm3: false });
    let view = await attach(ev.id, file(1));
    expect(view.attachments).toEqual([{ fileName: '佐证1.pdf', mediaType: 'pdf', size: 1001, sha256: file(1).sha256, uploadedAt: expect.any(String) }]);
    for (const [n, type] of [[2, 'jpg'], [3, 'png'], [4, 'pdf'], [5, 'pdf']] as const) view = await attach(ev.id, file(n, type));
    expect(view.attachments).toHaveLength(5);
    expect((await attach(ev.id, file(5))).attachments).toHaveLength(5); // the same file again: kept once
    const full = await rpc.refusal(AttachTrackingFile, { evaluationId: ev.id, ...file(6) }, enterprise);
    expect([full.code, full.status]).toEqual(['TRACKING_ATTACHMENTS_FULL', 422]);
    expect((await rpc.refusal(AuthorizeTrackingAttachmentUpload, { evaluationId: ev.id }, enterprise)).code).toBe('TRACKING_ATTACHMENTS_FULL');
    const seen = await rpc.request<TrackingEvaluationViewV1>(GetTrackingEvaluation, { evaluationId: ev.id }, prefecture);
    expect(seen.attachments.map((a) => [a.fileName, a.mediaType])).toEqual([
      ['佐证1.pdf', 'pdf'],
      ['佐证2.jpg', 'jpg'],
      ['佐证3.png', 'png'],
      ['佐证4.pdf', 'pdf'],
      ['佐证5.pdf', 'pdf'],
    ]);
    expect(JSON.stringify(seen)).not.toContain('objectKey');
    // Taken off before reporting, a place frees up; an unknown file is not found.
    view = await rpc.request(RemoveTrackingFile, { evaluationId: ev.id, sha256: file(4).sha256 }, enterprise);
    expect(view.attachments.map((a) => a.sha256)).not.toContain(file(4).sha256);
    expect((await rpc.refusal(RemoveTrackingFile, { evaluationId: ev.id, sha256: file(9).sha256 }, enterprise)).code).toBe('TRACKING_FILE_NOT_FOUND');
    expect((await attach(ev.id, file(6))).attachments).toHaveLength(5);
    expect(await attachmentRows(ev.id)).toBe(5);
  });

  it('M12.2 hostile attachments change nothing: another enterprise 404, another role 403, a wrong type or size 400', async () => {
    const before = await attachmentRows(ev.id);
    for (const [contract, input] of [
      [AuthorizeTrackingAttachmentUpload, { evaluationId: ev.id }],
      [AttachTrackingFile, { evaluationId: ev.id, ...file(7) }],
      [RemoveTrackingFile, { evaluationId: ev.id, sha256: file(1).sha256 }],
    ] as const) {
      const foreign = await rpc.refusal(contract, input as never, otherEnterprise);
      expect([contract.subject, foreign.code, foreign.status]).toEqual([contract.subject, 'TRACKING_EVALUATION_NOT_FOUND', 404]);
      expect((await rpc.refusal(contract, input as never, prefecture)).status).toBe(403);
      expect((await rpc.refusal(contract, input as never, department)).status).toBe(403);
    }
    for (const wrong of [{ mediaType: 'exe' }, { mediaType: 'docx' }, { size: 20 * 1024 * 1024 + 1 }, { size: 0 }, { sha256: 'x'.repeat(64) }, { fileName: '' }]) {
      expect((await rpc.refusal(AttachTrackingFile, { evaluationId: ev.id, ...file(8), ...wrong }, enterprise)).status).toBe(400);
    }
    expect((await rpc.refusal(AttachTrackingFile, { evaluationId: randomUUID(), ...file(8) }, enterprise)).status).toBe(404);
    expect(await attachmentRows(ev.id)).toBe(before);
  });

  it('M12.2 whoever reads the evaluation downloads its files, every answer audited; another prefecture or enterprise 404, another role 403', async () => {
    const f = file(2, 'jpg');
    for (const actor of [prefecture, enterprise, department, actors.auditor()]) {
      expect(await rpc.request(AuthorizeTrackingFileDownload, { evaluationId: ev.id, sha256: f.sha256 }, actor)).toEqual({
        objectKey: f.objectKey,
        fileName: '佐证2.jpg',
        mediaType: 'image/jpeg',
        size: 1002,
        sha256: f.sha256,
      });
    }
    for (const actor of [otherPrefecture, otherEnterprise]) {
      expect((await rpc.refusal(AuthorizeTrackingFileDownload, { evaluationId: ev.id, sha256: f.sha256 }, actor)).code).toBe('TRACKING_EVALUATION_NOT_FOUND');
    }
    expect((await rpc.refusal(AuthorizeTrackingFileDownload, { evaluationId: ev.id, sha256: f.sha256 }, actors.institution(randomUUID()))).status).toBe(403);
    expect((await rpc.refusal(AuthorizeTrackingFileDownload, { evaluationId: ev.id, sha256: file(4).sha256 }, department)).code).toBe('TRACKING_FILE_NOT_FOUND');
    expect((await rpc.refusal(AuthorizeTrackingFileDownload, { evaluationId: ev.id, sha256: 'not-a-hash' }, department)).status).toBe(400);
    const audit = await q<{ outcome: string }>(`SELECT outcome FROM ${S()}.audit_records WHERE action = 'tracking-evaluation.file-download' AND object_id = $1`, [ev.id]);
    expect(audit.map((a) => a.outcome).sort()).toEqual(['rejected', 'rejected', 'rejected', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
    // The gateway's sweep: a removed file's content is no longer referred to; the kept ones are.
    const sweep = await rpc.request<{ unreferenced: string[] }>(
      FindUnreferencedTrackingFiles,
      { objectKeys: [f.objectKey, file(4).objectKey, file(6).objectKey] },
      { userId: 'sweeper', role: 'system' },
    );
    expect(sweep.unreferenced).toEqual([file(4).objectKey]);
    expect((await rpc.refusal(FindUnreferencedTrackingFiles, { objectKeys: [] }, department)).status).toBe(403);
  });

  it('M12.2 the report closes its files: none is granted, attached or removed after reporting, nor past the due date', async () => {
    const reported = await rpc.request<TrackingEvaluationViewV1>(SubmitTrackingReport, { evaluationId: ev.id, ...REPORT }, enterprise);
    expect([reported.status, reported.attachments.length]).toEqual(['reported', 5]);
    for (const [contract, input] of [
      [AuthorizeTrackingAttachmentUpload, { evaluationId: ev.id }],
      [AttachTrackingFile, { evaluationId: ev.id, ...file(9) }],
      [RemoveTrackingFile, { evaluationId: ev.id, sha256: file(1).sha256 }],
    ] as const) {
      const closed = await rpc.refusal(contract, input as never, enterprise);
      expect([closed.code, closed.status]).toEqual(['TRACKING_EVALUATION_STATUS', 409]);
    }
    expect(await attachmentRows(ev.id)).toBe(5);
    // Past the due date, a request never answered takes no file either.
    const late = await request({ recognitionId: await recognition(BAOTOU, USCC, 'ZK-LATE'), year: 2026, dueOn: '2026-12-10', note: '请报送' });
    try {
      await rpc.setClock(chinaNoon('2026-12-11'));
      for (const [contract, input] of [
        [AuthorizeTrackingAttachmentUpload, { evaluationId: late.id }],
        [AttachTrackingFile, { evaluationId: late.id, ...file(9) }],
      ] as const) {
        const tooLate = await rpc.refusal(contract, input as never, enterprise);
        expect([tooLate.code, tooLate.status]).toEqual(['TRACKING_REPORT_TOO_LATE', 422]);
      }
    } finally {
      await rpc.setClock(chinaNoon('2026-12-03'));
    }
    expect(await attachmentRows(late.id)).toBe(0);
  });
});
