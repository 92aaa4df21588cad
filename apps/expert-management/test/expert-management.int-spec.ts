import { randomUUID } from 'node:crypto';
import {
  AcceptAssignment,
  ApplicationRecommendedV1,
  AssignExpert,
  CommissionInstitution,
  ListReviews,
  ScoreApplication,
  SummarySubmitted,
  SignOffReviewReport,
} from '@firstset/contracts';
import {
  actors,
  cleanupTestEnv,
  newTestEnv,
  publishEvent,
  RpcCaller,
  RunningService,
  schemaOf,
  sql,
  startServiceInProcess,
  waitUntilConsumed,
} from '@firstset/testing';
import { expertManagementModule } from '../src/expert-management.module';
import { accepting, recommend as recommendFor, recommended, scoring, signOff } from './review-fixtures';

const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;

const schema = () => schemaOf(env, 'expert-management');
const department = actors.department();
const ids = { centre: randomUUID(), other: randomUUID(), banned: randomUUID(), wang: randomUUID(), li: randomUUID(), zhao: randomUUID(), out: randomUUID() };
const staff = actors.institution(ids.centre);
const otherStaff = actors.institution(ids.other);
const wang = actors.expert(ids.wang);
const li = actors.expert(ids.li);


const recommend = (...events: ApplicationRecommendedV1[]) => recommendFor(env, ...events);

const stateOf = async (id: string) =>
  (await sql<{ state: string }>(env, `SELECT state FROM "${schema()}".review_cases WHERE id = $1`, [id]))[0]?.state;
const outboxOf = (id: string) =>
  sql<{ subject: string; payload: Record<string, unknown> }>(
    env, `SELECT subject, payload FROM "${schema()}".outbox_events WHERE payload->>'applicationId' = $1 ORDER BY occurred_at`, [id],
  );

/** A batch commissioned to the centre with one application under review. */
async function underReview(): Promise<string> {
  const batchId = randomUUID();
  await rpc.request(CommissionInstitution, { batchId, institutionId: ids.centre }, department);
  const e = recommended(batchId);
  await recommend(e);
  return e.applicationId;
}

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  const s = schema();
  await sql(env, `INSERT INTO "${s}".institutions (id, name, uscc, banned_until) VALUES
    ($1, '内蒙古自治区工业技术评价中心', '12150000MB1234562H', NULL),
    ($2, '另一家评价机构', '12150000MB7654321X', '2020-01-01'),
    ($3, '被禁止的评价机构', '12150000MB0000001A', '2099-12-31')`, [ids.centre, ids.other, ids.banned]);
  await sql(env, `INSERT INTO "${s}".experts (id, name, institution_id, field, disqualified_on) VALUES
    ($1, '王明', $5, '大型矿山冶金装备', NULL), ($2, '李华', $5, '新材料', NULL),
    ($3, '赵强', $5, '电力装备', '2025-06-01'), ($4, '孙丽', $6, '新材料', NULL)`,
  [ids.wang, ids.li, ids.zhao, ids.out, ids.centre, ids.other]);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('expert-management', () => {
  it('M8.1 a commission starts the review of the batch\'s recommended applications, and of later ones at once', async () => {
    const batchId = randomUUID();
    const [a, b] = [recommended(batchId), recommended(batchId)];
    await recommend(a, b, a);
    expect(await stateOf(a.applicationId)).toBe('RECOMMENDED');
    const commission = await rpc.request<{ startedApplicationIds: string[] }>(CommissionInstitution, { batchId, institutionId: ids.centre }, department);
    expect(commission.startedApplicationIds.sort()).toEqual([a.applicationId, b.applicationId].sort());
    const later = recommended(batchId);
    await recommend(later);
    for (const id of [a.applicationId, b.applicationId, later.applicationId]) {
      expect(await stateOf(id)).toBe('UNDER_COMPREHENSIVE_REVIEW');
      expect(await outboxOf(id)).toEqual([
        { subject: 'expert-management.review.started.v1', payload: expect.objectContaining({ applicationId: id, institutionId: ids.centre }) },
      ]);
    }
    const again = await rpc.refusal(CommissionInstitution, { batchId, institutionId: ids.other }, department);
    expect([again.code, again.status]).toEqual(['SCOPE_OVERLAP', 409]); // M8.1: the whole batch is already held
  });

  it('M10.3 a banned institution cannot be commissioned; an unknown one is not found; only the Department commissions', async () => {
    const batchId = randomUUID();
    const banned = await rpc.refusal(CommissionInstitution, { batchId, institutionId: ids.banned }, department);
    expect([banned.code, banned.status]).toEqual(['INSTITUTION_BANNED', 422]);
    expect((await rpc.refusal(CommissionInstitution, { batchId, institutionId: randomUUID() }, department)).status).toBe(404);
    expect((await rpc.refusal(CommissionInstitution, { batchId, institutionId: ids.centre }, staff)).code).toBe('FORBIDDEN_ROLE');
    expect(await sql(env, `SELECT id FROM "${schema()}".commissions WHERE batch_id = $1`, [batchId])).toEqual([]);
  });

  it('M8.1 M11.1 assign → accept → score → complete concludes with the mean score and the opinions, emitted once', async () => {
    const id = await underReview();
    for (const expertId of [ids.wang, ids.li]) await rpc.request(AssignExpert, { applicationId: id, expertId }, staff);
    const accepted = await rpc.request<{ acceptedAt: string }>(AcceptAssignment, accepting(id), wang);
    expect(Date.parse(accepted.acceptedAt)).not.toBeNaN();
    await rpc.request(AcceptAssignment, accepting(id), li);
    await rpc.request(ScoreApplication, scoring(id, 8, '技术先进，同意认定'), wang);
    const early = await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 0 }, staff);
    expect([early.code, early.status]).toEqual(['OPINIONS_MISSING', 422]);
    await rpc.request(ScoreApplication, scoring(id, 9, '国内首创'), li);
    const twice = await rpc.refusal(ScoreApplication, scoring(id, 1, 'again'), li);
    expect([twice.code, twice.status]).toEqual(['ALREADY_SCORED', 409]);
    const done = await signOff(rpc, id, staff);
    expect(done).toMatchObject({ applicationId: id, state: 'REVIEWED', status: 'signed_off', score: 85, opinion: '【建议认定】技术先进，同意认定\n【建议认定】国内首创' });
    expect((await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 0 }, staff)).code).toBe('ILLEGAL_TRANSITION');
    const events = await outboxOf(id);
    // Each acceptance opens the materials to that expert in intake.
    expect(events.map((e) => e.subject)).toEqual([
      'expert-management.review.started.v1',
      'expert-management.assignment.accepted.v1',
      'expert-management.assignment.accepted.v1',
      'expert-management.application.reviewed.v1',
    ]);
    expect(events.filter((e) => e.subject.endsWith('assignment.accepted.v1')).map((e) => e.payload.expertId)).toEqual([ids.wang, ids.li]);
    expect(events[3].payload).toMatchObject({
      applicationId: id,
      score: 85,
      weightedScore: 85,
      experts: [{ expertId: ids.wang, weightedTotal: 80, recommendation: 'recommend' }, { expertId: ids.li, weightedTotal: 90, recommendation: 'recommend' }],
      enterprise: { name: '包头北方重型装备有限公司' },
    });
    const late = await rpc.refusal(AssignExpert, { applicationId: id, expertId: ids.zhao }, staff);
    expect(late.code).toBe('REVIEW_NOT_IN_PROGRESS');
  });

  it('M11.2 only a qualified expert of the commissioned institution can be assigned, once', async () => {
    const id = await underReview();
    const outsider = await rpc.refusal(AssignExpert, { applicationId: id, expertId: ids.out }, staff);
    expect([outsider.code, outsider.status]).toEqual(['EXPERT_NOT_IN_INSTITUTION', 422]);
    const disqualified = await rpc.refusal(AssignExpert, { applicationId: id, expertId: ids.zhao }, staff);
    expect([disqualified.code, disqualified.status]).toEqual(['EXPERT_DISQUALIFIED', 422]);
    await rpc.request(AssignExpert, { applicationId: id, expertId: ids.wang }, staff);
    expect((await rpc.refusal(AssignExpert, { applicationId: id, expertId: ids.wang }, staff)).code).toBe('ALREADY_ASSIGNED');
    expect(await sql(env, `SELECT expert_id FROM "${schema()}".assignments WHERE application_id = $1`, [id])).toEqual([{ expert_id: ids.wang }]);
  });

  it('M11.1 before the undertaking an expert sees only the number and kind, and cannot score', async () => {
    const id = await underReview();
    await rpc.request(AssignExpert, { applicationId: id, expertId: ids.wang }, staff);
    const [before] = await rpc.request<Array<Record<string, unknown>>>(ListReviews, {}, wang).then((rows) => rows.filter((r) => r.applicationId === id));
    expect(before).toMatchObject({ applicationNo: expect.any(String), product: { kind: 'FIRST_SET_EQUIPMENT' }, undertakingAccepted: false });
    expect(before).not.toHaveProperty('enterprise');
    expect(before.product).toEqual({ kind: 'FIRST_SET_EQUIPMENT' });
    const score = await rpc.refusal(ScoreApplication, scoring(id, 8), wang);
    expect([score.code, score.status]).toEqual(['UNDERTAKING_REQUIRED', 403]);
    expect((await rpc.refusal(AcceptAssignment, accepting(id), li)).status).toBe(404);
    const ofLi = await rpc.request<Array<{ applicationId: string }>>(ListReviews, {}, li);
    expect(ofLi.map((r) => r.applicationId)).not.toContain(id);
    await rpc.request(AcceptAssignment, accepting(id), wang);
    const [after] = await rpc.request<Array<Record<string, unknown>>>(ListReviews, {}, wang).then((rows) => rows.filter((r) => r.applicationId === id));
    expect(after).toMatchObject({ undertakingAccepted: true, enterprise: { name: '包头北方重型装备有限公司' }, product: { name: '大型矿用自卸车' } });
    expect(after).not.toHaveProperty('assignments');
  });

  it('M8.1 staff of another institution can neither see, assign nor complete; lists follow each one\'s reach', async () => {
    const id = await underReview();
    const uncommissioned = recommended(randomUUID());
    await recommend(uncommissioned);
    for (const [contract, payload] of [[AssignExpert, { applicationId: id, expertId: ids.out }], [SignOffReviewReport, { applicationId: id, expectedVersion: 0 }]] as const) {
      const err = await rpc.refusal(contract as typeof AssignExpert, payload as never, otherStaff);
      expect([err.code, err.status]).toEqual(['NOT_FOUND', 404]);
    }
    expect((await rpc.refusal(AssignExpert, { applicationId: id, expertId: ids.wang }, wang)).status).toBe(403);
    expect((await rpc.refusal(SignOffReviewReport, { applicationId: randomUUID(), expectedVersion: 0 }, staff)).status).toBe(404);
    expect((await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 0 }, staff)).code).toBe('OPINIONS_MISSING');
    const ofOther = await rpc.request<Array<{ applicationId: string }>>(ListReviews, {}, otherStaff);
    expect(ofOther).toEqual([]);
    const ofCentre = await rpc.request<Array<{ applicationId: string }>>(ListReviews, {}, staff);
    const ofDepartment = await rpc.request<Array<{ applicationId: string }>>(ListReviews, {}, actors.auditor());
    expect(ofCentre.map((r) => r.applicationId)).toContain(id);
    expect(ofCentre.map((r) => r.applicationId)).not.toContain(uncommissioned.applicationId);
    expect(ofDepartment.map((r) => r.applicationId)).toEqual(expect.arrayContaining([id, uncommissioned.applicationId]));
    expect((await rpc.refusal(ListReviews, {}, actors.prefecture('150200'))).status).toBe(403);
  });

  it('M7.3 comprehensive review starts from the prefecture\'s summary: every entry becomes a case, a republished summary none', async () => {
    const batchId = randomUUID();
    const [x, y] = [recommended(batchId), recommended(batchId)];
    const summary = {
      summaryId: randomUUID(),
      batchId,
      prefectureId: '150200',
      entries: [x, y].map(({ recommendedBy: _by, recommendedAt: _at, ...entry }, i) => ({ ...entry, order: i + 1 })),
      submittedBy: randomUUID(),
      submittedAt: new Date().toISOString(),
    };
    await publishEvent(env, SummarySubmitted, summary);
    await publishEvent(env, SummarySubmitted, { ...summary, summaryId: randomUUID() });
    await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'expert-management-summaries');
    const rows = await sql(env, `SELECT id, state, recommendation_opinion FROM "${schema()}".review_cases WHERE batch_id = $1 ORDER BY application_no`, [batchId]);
    expect(rows).toEqual([x, y].map((e) => ({ id: e.applicationId, state: 'RECOMMENDED', recommendation_opinion: '同意推荐' })));
  });

  it('M7.3 a supplementary summary (补报) of the same prefecture and batch adds its entries as cases beside the first summary\'s', async () => {
    const batchId = randomUUID();
    const [first, late] = [recommended(batchId), recommended(batchId)];
    const entry = ({ recommendedBy: _by, recommendedAt: _at, ...e }: typeof first) => ({ ...e, order: 1 });
    const summaryId = randomUUID();
    await publishEvent(env, SummarySubmitted, { summaryId, batchId, prefectureId: '150200', entries: [entry(first)], submittedBy: randomUUID(), submittedAt: new Date().toISOString() });
    await publishEvent(env, SummarySubmitted, {
      summaryId: randomUUID(), batchId, prefectureId: '150200', entries: [{ ...entry(late), opinion: '补正后同意推荐' }],
      submittedBy: randomUUID(), submittedAt: new Date().toISOString(), sequence: 1, supplementOf: summaryId,
    });
    await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'expert-management-summaries');
    const rows = await sql(env, `SELECT id, recommendation_opinion FROM "${schema()}".review_cases WHERE batch_id = $1 ORDER BY application_no`, [batchId]);
    expect(rows).toEqual([{ id: first.applicationId, recommendation_opinion: '同意推荐' }, { id: late.applicationId, recommendation_opinion: '补正后同意推荐' }]);
  });

  it('bad input gets a validation error and changes nothing', async () => {
    const id = await underReview();
    const before = await sql(env, `SELECT (SELECT count(*) FROM "${schema()}".assignments) AS a, (SELECT count(*) FROM "${schema()}".commissions) AS c`);
    const refusals = [
      await rpc.refusal(CommissionInstitution, { batchId: 'batch-1', institutionId: ids.centre }, department),
      await rpc.refusal(AssignExpert, { applicationId: id, expertId: 'wang' }, staff),
      await rpc.refusal(ScoreApplication, { ...scoring(id, 8), criteria: [{ criterionId: 'innovation', score: 101, comment: '满分以上' }] }, wang),
      await rpc.refusal(ScoreApplication, { ...scoring(id, 8), criteria: [{ criterionId: 'innovation', score: 8.5, comment: '' }], opinion: '' }, wang),
      await rpc.refusal(ScoreApplication, { ...scoring(id, 8), recommendation: 'maybe' } as never, wang),
      await rpc.refusal(AcceptAssignment, { applicationId: id, undertaking: true } as never, wang),
      await rpc.refusal(AcceptAssignment, { ...accepting(id), conflict: 'declared' }, wang),
    ];
    expect(refusals.map((e) => [e.code, e.status])).toEqual(Array(7).fill(['VALIDATION_FAILED', 400]));
    expect(await sql(env, `SELECT (SELECT count(*) FROM "${schema()}".assignments) AS a, (SELECT count(*) FROM "${schema()}".commissions) AS c`)).toEqual(before);
    expect(await stateOf(id)).toBe('UNDER_COMPREHENSIVE_REVIEW');
  });

  it('every command leaves an audit record, refusals included, and the log cannot be rewritten', async () => {
    const rows = await sql<{ action: string; outcome: string }>(env, `SELECT DISTINCT action, outcome FROM "${schema()}".audit_records`);
    expect(rows).toEqual(expect.arrayContaining([
      { action: 'commission.create', outcome: 'succeeded' },
      { action: 'commission.create', outcome: 'rejected' },
      { action: 'review.start', outcome: 'succeeded' },
      { action: 'assignment.create', outcome: 'rejected' },
      { action: 'assignment.accept', outcome: 'succeeded' },
      { action: 'review.score', outcome: 'rejected' },
      { action: 'report.sign-off', outcome: 'succeeded' },
    ]));
    await expect(sql(env, `UPDATE "${schema()}".audit_records SET outcome = 'succeeded'`)).rejects.toThrow(/append-only/);
  });
});
