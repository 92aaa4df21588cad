import { randomUUID } from 'node:crypto';
import {
  ApplicationDecided,
  ApplicationRecommended,
  ApplicationRejected,
  ApplicationResubmitted,
  ApplicationReturned,
  ApplicationReviewed,
  ApplicationSubmitted,
  BatchOpened,
  ExportDashboardChart,
  ObjectionDecided,
  ObjectionLodged,
  PublicityStarted,
  ReadDashboard,
  RecognitionIssued,
  RecognitionRevoked,
  ReviewStarted,
  SanctionImposed,
  SummarySubmitted,
  type DashboardV1,
  type ExportedFileV1,
} from '@firstset/contracts';
import {
  actors,
  cleanupTestEnv,
  eventually,
  newTestEnv,
  publishEvent,
  recognitionIssuedEvent,
  RpcCaller,
  RunningService,
  schemaOf,
  sql,
  startServiceInProcess,
} from '@firstset/testing';
import { oversightModule } from '../src/oversight.module';
import { at, recommendedEvent, submittedEvent, summary } from './events';

const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const S = () => `"${schemaOf(env, 'oversight')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);

const BATCH = randomUUID();
const OTHER_BATCH = randomUUID();
const HOHHOT = '150100';
const BAOTOU = '150200';

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'oversight', oversightModule);
  rpc = await RpcCaller.connect(env);
  // 1 April 2026 in China: the day deadlines are judged on.
  await rpc.setClock(new Date('2026-04-01T04:00:00Z'));
  await publishEvent(env, BatchOpened, {
    batchId: BATCH,
    year: 2026,
    name: '2026年度第一批',
    windowOpensAt: at(1),
    windowClosesAt: at(10),
    prefectureDeadline: '2026-03-20',
    policyProfileVersion: 'draft',
  });
  await publishEvent(env, BatchOpened, {
    batchId: OTHER_BATCH,
    year: 2026,
    name: '2026年度第二批',
    windowOpensAt: at(1),
    windowClosesAt: at(10),
    prefectureDeadline: '2026-05-20',
    policyProfileVersion: 'draft',
  });
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.batches`)).length === 2);
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

const app = (id: string) => q<{ state: string; return_count: number; batch_id: string; prefecture_id: string }>(`SELECT * FROM ${S()}.applications WHERE id = $1`, [id]).then((r) => r[0]);
const stageDays = async (id: string) =>
  Object.fromEntries(
    (await q<{ stage: string; seconds: number }>(`SELECT stage, seconds FROM ${S()}.application_stages WHERE application_id = $1`, [id])).map((r) => [r.stage, r.seconds / 86400]),
  );
const stateIs = (id: string, state: string) => eventually(async () => (await app(id))?.state === state, Boolean, { what: `${id} ${state}` });
const read = (filters: Record<string, string> = {}, actor = department) => rpc.request<DashboardV1>(ReadDashboard, filters, actor);

describe('oversight projection: each event moves it, redelivery is harmless', () => {
  it('M7–M10: follows one application from drafting to revocation, stage by stage', async () => {
    const s = summary(BATCH, BAOTOU, 90);
    await publishEvent(env, ApplicationSubmitted, submittedEvent(s, at(3), at(1)));
    await stateIs(s.applicationId, 'SUBMITTED');
    expect(await stageDays(s.applicationId)).toEqual({ intake: 2, preliminary_review: 0 });

    await publishEvent(env, ApplicationReturned, {
      applicationId: s.applicationId,
      items: [{ item: 'business_license', reason: '营业执照不清晰' }],
      deadline: '2026-03-09',
      returnedBy: randomUUID(),
      returnedAt: at(5),
    });
    await stateIs(s.applicationId, 'RETURNED_FOR_CORRECTION');
    await publishEvent(env, ApplicationResubmitted, { ...submittedEvent(s, at(8)), version: 2, previousVersion: 1, changes: [] });
    await stateIs(s.applicationId, 'RESUBMITTED');
    expect((await q(`SELECT resubmitted_at FROM ${S()}.correction_returns WHERE application_id = $1`, [s.applicationId]))[0]!.resubmitted_at).toEqual(new Date(at(8)));

    await publishEvent(env, ApplicationRecommended, recommendedEvent(s, at(10)));
    await stateIs(s.applicationId, 'RECOMMENDED');
    await publishEvent(env, SummarySubmitted, {
      summaryId: randomUUID(),
      batchId: BATCH,
      prefectureId: BAOTOU,
      entries: [{ ...s, order: 1, opinion: '同意推荐' }],
      submittedBy: randomUUID(),
      submittedAt: at(12),
    });
    await publishEvent(env, ReviewStarted, { applicationId: s.applicationId, institutionId: randomUUID(), startedAt: at(13) });
    await stateIs(s.applicationId, 'UNDER_COMPREHENSIVE_REVIEW');
    await publishEvent(env, ApplicationReviewed, { ...s, score: 88, opinion: '同意', reviewedAt: at(20) });
    await stateIs(s.applicationId, 'REVIEWED');
    // The decision carries no time: the event's own (its outbox row's) is the decision's.
    await publishEvent(env, ApplicationDecided, { applicationId: s.applicationId, batchId: BATCH, outcome: 'selected', decisionListId: randomUUID() }, { occurredAt: at(21) });
    await stateIs(s.applicationId, 'ON_DECISION_LIST');
    await publishEvent(env, PublicityStarted, {
      publicityId: randomUUID(),
      decisionListId: randomUUID(),
      applicationIds: [s.applicationId],
      startDate: '2026-03-22',
      endDate: '2026-03-27',
      workingDays: 5,
      countingRule: 'publication day excluded',
    });
    await stateIs(s.applicationId, 'IN_PUBLICITY');
    const objectionId = randomUUID();
    await publishEvent(env, ObjectionLodged, { objectionId, decisionListId: randomUUID(), applicationId: s.applicationId, lodgedAt: at(23) });
    await stateIs(s.applicationId, 'OBJECTION_UNDER_INVESTIGATION');
    await publishEvent(env, ObjectionDecided, {
      objectionId,
      applicationId: s.applicationId,
      applicationNo: s.applicationNo,
      enterpriseUscc: s.enterprise.uscc,
      outcome: 'dismissed',
      reason: '异议不成立',
      entryState: 'IN_PUBLICITY',
      decidedAt: at(25),
    });
    await stateIs(s.applicationId, 'IN_PUBLICITY');
    const recognition = recognitionIssuedEvent({ ...s, issuedAt: new Date('2026-03-29T12:00:00+08:00').toISOString() });
    await publishEvent(env, RecognitionIssued, recognition);
    await stateIs(s.applicationId, 'RECOGNIZED');
    // intake 2 d; preliminary review 2 + 2 d; correction 3 d; summary to report 8 d; publicity from
    // its first day (China midnight) to the issue at noon: 7.5 d.
    expect(await stageDays(s.applicationId)).toEqual({ intake: 2, preliminary_review: 4, correction: 3, comprehensive_review: 8, publicity: 7.5 });

    await publishEvent(env, SanctionImposed, {
      sanctionId: randomUUID(),
      caseId: randomUUID(),
      measure: 'recognition_revocation',
      subjectKind: 'recognition',
      subjectId: recognition.recognitionId,
      subjectUscc: s.enterprise.uscc,
      subjectName: s.enterprise.name,
      grounds: ['M10.2'],
      reasons: '提供虚假材料',
      from: '2026-03-30',
      until: null,
      notice: '撤销认定',
      imposedAt: at(30),
    });
    await publishEvent(env, RecognitionRevoked, {
      revocationId: randomUUID(),
      recognitionId: recognition.recognitionId,
      applicationId: s.applicationId,
      uscc: s.enterprise.uscc,
      grounds: 'M10.2',
      reason: '提供虚假材料',
      decisionDate: '2026-03-30',
      revokedAt: at(30),
    });
    await stateIs(s.applicationId, 'REVOKED');
    await eventually(async () => (await q(`SELECT 1 FROM ${S()}.sanctions`)).length === 1);

    const d = await read({ batchId: BATCH, prefectureId: BAOTOU });
    expect(d.applications).toBe(1);
    expect(d.states).toEqual([{ state: 'REVOKED', count: 1 }]);
    expect(d.objections).toEqual([
      { outcome: 'upheld', count: 0 },
      { outcome: 'dismissed', count: 1 },
      { outcome: 'pending', count: 0 },
    ]);
    expect(d.sanctions).toEqual([{ measure: 'recognition_revocation', count: 1 }]);
    expect(d.returns).toEqual({ total: 1, applications: 1, byItem: [{ item: 'business_license', count: 1 }] });
    // M7.3: resubmitted on 8 March for a 9 March deadline.
    expect(d.deadlines.find((x) => x.deadline === 'correction')).toEqual({ deadline: 'correction', met: 1, missed: 0, open: 0 });
    // Another prefecture's filter sees none of it; its sanction neither.
    const other = await read({ batchId: BATCH, prefectureId: '152900' });
    expect(other.applications).toBe(0);
    expect(other.sanctions).toEqual([]);
  });

  it('a redelivered event, or the same fact under another event id, changes nothing', async () => {
    const s = summary(BATCH, BAOTOU, 91);
    await publishEvent(env, ApplicationSubmitted, submittedEvent(s, at(3)));
    const returned = { applicationId: s.applicationId, items: [{ item: 'test_report', reason: '检测报告过期' }], deadline: '2026-03-09', returnedBy: randomUUID(), returnedAt: at(5) };
    const eventId = await publishEvent(env, ApplicationReturned, returned);
    await stateIs(s.applicationId, 'RETURNED_FOR_CORRECTION');
    const before = await q(`SELECT * FROM ${S()}.application_stages WHERE application_id = $1 ORDER BY stage`, [s.applicationId]);

    await publishEvent(env, ApplicationReturned, returned, { eventId, msgId: randomUUID() }); // JetStream redelivery: the inbox skips it
    await publishEvent(env, ApplicationReturned, returned); // the producer's retry under a new id: same rows
    const probe = s.applicationId;
    await eventually(async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${S()}.inbox_events WHERE consumer = 'oversight-returned'`))[0]!.n >= 3);

    expect(await q(`SELECT * FROM ${S()}.application_stages WHERE application_id = $1 ORDER BY stage`, [probe])).toEqual(before);
    expect((await app(probe))!.return_count).toBe(1);
    expect(await q(`SELECT count(*)::int AS n FROM ${S()}.correction_returns WHERE application_id = $1`, [probe])).toEqual([{ n: 1 }]);
    expect(await q(`SELECT count(*)::int AS n FROM ${S()}.application_marks WHERE application_id = $1 AND kind = 'returned'`, [probe])).toEqual([{ n: 1 }]);
  });

  it('an event that overtakes the submission still lands: the summary it carries files the application', async () => {
    const s = summary(BATCH, BAOTOU, 92);
    await publishEvent(env, ApplicationRecommended, recommendedEvent(s, at(6)));
    await stateIs(s.applicationId, 'RECOMMENDED');
    await publishEvent(env, ApplicationSubmitted, submittedEvent(s, at(4)));
    await eventually(async () => (await stageDays(s.applicationId)).preliminary_review === 2);
    expect(await app(s.applicationId)).toMatchObject({ state: 'RECOMMENDED', batch_id: BATCH, prefecture_id: BAOTOU });
  });
});

describe('oversight dashboards: numbers checked by hand', () => {
  // Hohhot, the other batch: five applications whose preliminary review took 1, 2, 3, 4 and 10 days.
  // median 3; 90th percentile (continuous): 4 + 0.6 × (10 − 4) = 7.6.
  const reviewDays = [1, 2, 3, 4, 10];
  const ids: string[] = [];

  beforeAll(async () => {
    for (const [i, d] of reviewDays.entries()) {
      const s = summary(OTHER_BATCH, HOHHOT, i + 1);
      ids.push(s.applicationId);
      await publishEvent(env, ApplicationSubmitted, submittedEvent(s, at(2 + i)));
      if (i === 4) {
        await publishEvent(env, ApplicationRejected, { applicationId: s.applicationId, reason: '不符合条件', measuresIds: ['M5.1'], rejectedBy: randomUUID(), rejectedAt: at(2 + i + d) });
      } else {
        await publishEvent(env, ApplicationRecommended, recommendedEvent(s, at(2 + i + d)));
      }
    }
    // One more, returned with two items and not resubmitted: its deadline (25 March) has passed on 1 April.
    const late = summary(OTHER_BATCH, HOHHOT, 6);
    await publishEvent(env, ApplicationSubmitted, submittedEvent(late, at(20)));
    await publishEvent(env, ApplicationReturned, {
      applicationId: late.applicationId,
      items: [{ item: 'business_license', reason: '不清晰' }, { item: 'test_report', reason: '过期' }],
      deadline: '2026-03-25',
      returnedBy: randomUUID(),
      returnedAt: at(21),
    });
    ids.push(late.applicationId);
    await eventually(async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${S()}.applications WHERE batch_id = $1 AND state <> 'SUBMITTED'`, [OTHER_BATCH]))[0]!.n === 6);
  });

  it('M7.2: the preliminary review’s median and 90th percentile over the applications that completed it', async () => {
    const d = await read({ batchId: OTHER_BATCH });
    const stage = d.stages.find((s) => s.stage === 'preliminary_review')!;
    // 5 concluded, and the returned one's first review (1 day) also completed.
    expect(stage).toEqual({ stage: 'preliminary_review', completed: 6, inStage: 0, medianDays: 2.5, p90Days: 7 });
    const concludedOnly = await read({ batchId: OTHER_BATCH, to: '2026-03-10' });
    expect(concludedOnly.stages.find((s) => s.stage === 'preliminary_review')).toEqual({
      stage: 'preliminary_review',
      completed: 5,
      inStage: 0,
      medianDays: 3,
      p90Days: 7.6,
    });
    expect(d.stages.find((s) => s.stage === 'correction')).toEqual({ stage: 'correction', completed: 0, inStage: 1, medianDays: null, p90Days: null });
  });

  it('M7.2, M7.3: deadlines met and missed, returns by item, states and the prefecture row', async () => {
    const d = await read({ batchId: OTHER_BATCH, prefectureId: HOHHOT });
    expect(d.applications).toBe(6);
    expect(d.states).toEqual([
      { state: 'RECOMMENDED', count: 4 },
      { state: 'REJECTED_AT_PRELIMINARY_REVIEW', count: 1 },
      { state: 'RETURNED_FOR_CORRECTION', count: 1 },
    ]);
    // The second batch's prefecture deadline is 20 May: five concluded in time, one still open.
    expect(d.deadlines).toEqual([
      { deadline: 'correction', met: 0, missed: 1, open: 0 },
      { deadline: 'prefecture_review', met: 5, missed: 0, open: 1 },
    ]);
    expect(d.returns).toEqual({ total: 1, applications: 1, byItem: [{ item: 'business_license', count: 1 }, { item: 'test_report', count: 1 }] });
    expect(d.prefectures).toEqual([
      { prefectureId: HOHHOT, applications: 6, returned: 1, recommended: 4, rejected: 1, recognized: 0, preliminaryReviewMedianDays: 2.5 },
    ]);
    // The period is the first submission's China date.
    expect((await read({ batchId: OTHER_BATCH, from: '2026-03-04', to: '2026-03-05' })).applications).toBe(2);
  });

  it('M7.2: an application the prefecture never concluded misses the batch’s deadline once it has passed', async () => {
    const s = summary(BATCH, HOHHOT, 7);
    await publishEvent(env, ApplicationSubmitted, submittedEvent(s, at(15)));
    await stateIs(s.applicationId, 'SUBMITTED');
    const d = await read({ batchId: BATCH, prefectureId: HOHHOT });
    // The first batch's deadline was 20 March; today is 1 April.
    expect(d.deadlines.find((x) => x.deadline === 'prefecture_review')).toEqual({ deadline: 'prefecture_review', met: 0, missed: 1, open: 0 });
  });

  it('exports a chart’s numbers as CSV (UTF-8 with BOM) and XLSX, the same numbers as the chart', async () => {
    const file = await rpc.request<ExportedFileV1>(ExportDashboardChart, { batchId: OTHER_BATCH, chart: 'stages' }, actors.auditor());
    expect(file.contentType).toMatch(/^text\/csv/);
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('环节 Stage,已完成 Completed,进行中 In stage,中位数（天） Median days,90分位（天） P90 days');
    expect(lines).toContain('preliminary_review,6,0,2.5,7');
    const xlsx = await rpc.request<ExportedFileV1>(ExportDashboardChart, { chart: 'prefectures', format: 'xlsx' }, department);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    expect(xlsx.fileName).toMatch(/^统计分析-各盟市-2026-04-01\.xlsx$/);
  });
});

describe('oversight dashboards: who may read them, and hostile input', () => {
  it.each([
    ['an enterprise', actors.enterprise('91150200MA0N4KXX4C')],
    ['a prefecture officer', actors.prefecture(HOHHOT)],
    ['an expert', actors.expert(randomUUID())],
    ['an institution', actors.institution(randomUUID())],
  ])('refuses %s (403): the dashboards are the Department’s and the auditor’s', async (_who, actor) => {
    expect((await rpc.refusal(ReadDashboard, {}, actor)).status).toBe(403);
    expect((await rpc.refusal(ExportDashboardChart, { chart: 'states' }, actor)).status).toBe(403);
  });

  it('lets the auditor read them', async () => {
    expect((await read({}, actors.auditor())).batches.map((b) => b.batchId).sort()).toEqual([BATCH, OTHER_BATCH].sort());
  });

  it.each([
    ['a batch that is no UUID', { batchId: "1' OR '1'='1" }],
    ['a prefecture that is no division code', { prefectureId: '15010; DROP TABLE applications' }],
    ['a date that does not exist', { from: '2026-02-30' }],
    ['a period that ends before it starts', { from: '2026-03-10', to: '2026-03-01' }],
    ['an unknown field', { state: 'RECOGNIZED' }],
  ])('refuses %s with 400 and changes nothing', async (_what, filters) => {
    const before = await q(`SELECT count(*)::int AS n FROM ${S()}.applications`);
    expect((await rpc.refusal(ReadDashboard, filters as never, department)).status).toBe(400);
    expect(await q(`SELECT count(*)::int AS n FROM ${S()}.applications`)).toEqual(before);
  });

  it('refuses an unknown chart or format (400)', async () => {
    expect((await rpc.refusal(ExportDashboardChart, { chart: 'salaries' } as never, department)).status).toBe(400);
    expect((await rpc.refusal(ExportDashboardChart, { chart: 'states', format: 'pdf' } as never, department)).status).toBe(400);
  });
});
