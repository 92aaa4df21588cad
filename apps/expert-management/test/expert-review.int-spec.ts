import { randomUUID } from 'node:crypto';
import {
  AcceptAssignment,
  AssignExpert,
  CallConsensusRound,
  CommissionInstitution,
  ConcludeConsensusRound,
  GetComprehensiveReview,
  ListReviews,
  RecuseAssignment,
  ScoreApplication,
  SearchReviews,
  SignOffReviewReport,
} from '@firstset/contracts';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { expertManagementModule } from '../src/expert-management.module';
import { accepting, recommend, recommended, scoring, signOff } from './review-fixtures';

/** Issue 17, the review itself: undertaking, rubric, hidden scores, divergence and consensus, recusal (M8.1, M11.1). */
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;

const REVIEW = INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview;
const schema = () => schemaOf(env, 'expert-management');
const department = actors.department();
const ids = { centre: randomUUID(), other: randomUUID(), wang: randomUUID(), li: randomUUID(), zhang: randomUUID(), out: randomUUID() };
const staff = actors.institution(ids.centre);
const otherStaff = actors.institution(ids.other);
const wang = actors.expert(ids.wang);
const li = actors.expert(ids.li);
const zhang = actors.expert(ids.zhang);
const outsider = actors.expert(ids.out);

type Actor = ReturnType<typeof actors.expert>;
interface Assignment { expertId: string; status: string; score: number | null; criterionScores: Array<{ criterionId: string; score: number; comment: string }> | null; opinion: string | null; recommendation: string | null; undertakingVersion: string | null; noConflictConfirmedAt: string | null; endReason: string | null }
interface CaseView {
  applicationId: string;
  undertakingAccepted?: boolean;
  myAssignment?: Assignment;
  assignments?: Assignment[];
  peerScores?: Array<{ ordinal: number; score: number | null; opinion: string | null; criterionScores: unknown }>;
  rules?: { undertaking: { version: string; textZh: string }; rubric: Array<{ id: string; max: number }>; divergenceThreshold: number };
  divergence?: { spread: number | null; threshold: number; divergent: boolean };
  consensusRounds?: Array<{ reason: string; outcome: string | null; spread: number }>;
  consensusRoundOpen?: boolean;
  enterprise?: unknown;
}


/** A case under review in a batch of its own (so no expert reaches the profile's load limit across tests), with these experts assigned. */
async function underReview(...experts: string[]): Promise<string> {
  const batchId = randomUUID();
  await rpc.request(CommissionInstitution, { batchId, institutionId: ids.centre }, department);
  const e = recommended(batchId);
  await recommend(env, e);
  for (const expertId of experts) await rpc.request(AssignExpert, { applicationId: e.applicationId, expertId }, staff);
  return e.applicationId;
}

const assignmentRow = (id: string, expertId: string) =>
  sql<Record<string, unknown>>(env, `SELECT status, accepted_at, undertaking_version, undertaking_text, no_conflict_confirmed_at, criterion_scores, score, recommendation, opinion, scored_at, ended_at, end_reason
    FROM "${schema()}".assignments WHERE application_id = $1 AND expert_id = $2`, [id, expertId]).then((r) => r[0]!);
const outboxOf = (id: string) =>
  sql<{ subject: string; payload: Record<string, unknown> }>(env, `SELECT subject, payload FROM "${schema()}".outbox_events WHERE payload->>'applicationId' = $1 ORDER BY occurred_at`, [id]);
const caseOf = (id: string, actor: Actor) => rpc.request<CaseView>(GetComprehensiveReview, { applicationId: id }, actor);

/** Every endpoint that returns assignments to an expert, for one case. */
async function expertViews(id: string, actor: Actor): Promise<CaseView[]> {
  const list = (await rpc.request<CaseView[]>(ListReviews, {}, actor)).filter((r) => r.applicationId === id);
  const page = (await rpc.request<{ items: CaseView[] }>(SearchReviews, { pageSize: 100 }, actor)).items.filter((r) => r.applicationId === id);
  return [...list, ...page, await caseOf(id, actor)];
}

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  const s = schema();
  await sql(env, `INSERT INTO "${s}".institutions (id, name, uscc) VALUES ($1, '内蒙古自治区工业技术评价中心', '12150000MB1234562H'), ($2, '另一家评价机构', '12150000MB7654321X')`, [ids.centre, ids.other]);
  await sql(env, `INSERT INTO "${s}".experts (id, name, institution_id, field) VALUES
    ($1, '王明', $5, '矿山装备'), ($2, '李华', $5, '新材料'), ($3, '张伟', $5, '电力装备'), ($4, '孙丽', $6, '新材料')`,
  [ids.wang, ids.li, ids.zhang, ids.out, ids.centre, ids.other]);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('the undertaking (M11.1)', () => {
  it('M11.1 before acceptance the expert sees the profile\'s undertaking to sign, not the application', async () => {
    const id = await underReview(ids.wang);
    const view = await caseOf(id, wang);
    expect(view).toMatchObject({ undertakingAccepted: false, rules: { undertaking: { version: REVIEW.undertaking.version, textZh: REVIEW.undertaking.textZh } } });
    expect(view).not.toHaveProperty('enterprise');
    expect(view.rules!.rubric.map((c) => c.id)).toEqual(REVIEW.rubric.map((c) => c.id));
  });

  it('M11.1 accepting stores the undertaking\'s version and exact text and the no-conflict confirmation, then opens the application', async () => {
    const id = await underReview(ids.wang);
    const a = await rpc.request<Assignment>(AcceptAssignment, accepting(id), wang);
    expect(a).toMatchObject({ status: 'active', undertakingVersion: REVIEW.undertaking.version, noConflictConfirmedAt: expect.any(String) });
    expect(await assignmentRow(id, ids.wang)).toMatchObject({
      undertaking_version: REVIEW.undertaking.version,
      undertaking_text: REVIEW.undertaking.textZh,
      no_conflict_confirmed_at: expect.any(Date),
      accepted_at: expect.any(Date),
    });
    expect((await caseOf(id, wang)).enterprise).toMatchObject({ name: '包头北方重型装备有限公司' });
    expect((await outboxOf(id)).map((e) => e.subject)).toContain('expert-management.assignment.accepted.v1');
  });

  it('M11.1 an outdated undertaking version is refused with 409 at its field, and nothing is stored', async () => {
    const id = await underReview(ids.wang);
    const stale = await rpc.refusal(AcceptAssignment, { ...accepting(id), undertakingVersion: 'nmg-expert-undertaking-2025-1' }, wang);
    expect([stale.code, stale.status]).toEqual(['UNDERTAKING_VERSION_OUTDATED', 409]);
    expect(stale.error.errors?.map((e) => e.field)).toEqual(['undertakingVersion']);
    expect(await assignmentRow(id, ids.wang)).toMatchObject({ accepted_at: null, undertaking_version: null, no_conflict_confirmed_at: null });
    expect((await outboxOf(id)).map((e) => e.subject)).toEqual(['expert-management.review.started.v1']);
  });

  it('M11.1 declaring a conflict instead records it and recuses the expert: no access, a replacement needed', async () => {
    const id = await underReview(ids.wang);
    const a = await rpc.request<Assignment>(AcceptAssignment, { ...accepting(id), conflict: 'declared', conflictReason: '本人曾在申报单位任职至 2025 年' }, wang);
    expect(a).toMatchObject({ status: 'recused', endReason: '本人曾在申报单位任职至 2025 年', undertakingVersion: null });
    expect(await sql(env, `SELECT source, kind, reason_zh FROM "${schema()}".conflicts WHERE application_id = $1 AND expert_id = $2`, [id, ids.wang])).toEqual([
      { source: 'declared', kind: 'declared_on_assignment', reason_zh: '本人曾在申报单位任职至 2025 年' },
    ]);
    expect(await assignmentRow(id, ids.wang)).toMatchObject({ status: 'recused', accepted_at: null, ended_at: expect.any(Date) });
    const events = await outboxOf(id);
    expect(events.map((e) => e.subject)).toEqual(['expert-management.review.started.v1', 'expert-management.assignment.ended.v1']);
    expect(events[1]!.payload).toMatchObject({ expertId: ids.wang, cause: 'recused', reason: '本人曾在申报单位任职至 2025 年' });
    expect(await caseOf(id, wang)).toMatchObject({ undertakingAccepted: false });
    // An assignment no longer active is, for its expert's commands, not found (as after an exclusion).
    expect((await rpc.refusal(AcceptAssignment, accepting(id), wang)).code).toBe('NOT_FOUND');
    expect((await rpc.refusal(ScoreApplication, scoring(id, 8), wang)).code).toBe('NOT_FOUND');
  });

  it('M11.1 only the assigned expert answers for their assignment; others are not found, other roles forbidden', async () => {
    const id = await underReview(ids.wang);
    expect((await rpc.refusal(AcceptAssignment, accepting(id), li)).status).toBe(404);
    expect((await rpc.refusal(AcceptAssignment, accepting(id), outsider)).status).toBe(404);
    expect((await rpc.refusal(AcceptAssignment, accepting(id), staff)).code).toBe('FORBIDDEN_ROLE');
    expect((await rpc.refusal(GetComprehensiveReview, { applicationId: id }, li)).status).toBe(404);
    expect((await rpc.refusal(GetComprehensiveReview, { applicationId: id }, otherStaff)).status).toBe(404);
    expect((await rpc.refusal(GetComprehensiveReview, { applicationId: id }, actors.prefecture('150200'))).status).toBe(403);
  });
});

describe('rubric scoring (M8.1)', () => {
  it('M8.1 the expert scores every criterion with a comment; the weighted total, recommendation and opinion are stored', async () => {
    const id = await underReview(ids.wang);
    await rpc.request(AcceptAssignment, accepting(id), wang);
    const scores = { innovation: 9, performance: 8, ownership: 7, capability: 6, market: 5 };
    const a = await rpc.request<Assignment>(ScoreApplication, { ...scoring(id, scores), recommendation: 'on_site_needed', opinion: '建议现场核查产能' }, wang);
    // 30×0.9 + 25×0.8 + 20×0.7 + 15×0.6 + 10×0.5 = 27 + 20 + 14 + 9 + 5
    expect(a).toMatchObject({ score: 75, recommendation: 'on_site_needed', opinion: '建议现场核查产能' });
    expect(a.criterionScores).toEqual(REVIEW.rubric.map((c) => ({ criterionId: c.id, score: scores[c.id as keyof typeof scores], comment: `${c.nameZh}：评语` })));
    expect(await assignmentRow(id, ids.wang)).toMatchObject({ score: 75, criterion_scores: { innovation: { score: 9, comment: '创新性：评语' } } });
    const again = await rpc.refusal(ScoreApplication, scoring(id, 1), wang);
    expect([again.code, again.status]).toEqual(['ALREADY_SCORED', 409]);
  });

  it('M8.1 a missing, unknown, repeated or out-of-scale criterion, or an empty comment, is refused at its field and nothing is stored', async () => {
    const id = await underReview(ids.wang);
    await rpc.request(AcceptAssignment, accepting(id), wang);
    const full = scoring(id, 8);
    const cases: Array<[string, typeof full, string]> = [
      ['missing', { ...full, criteria: full.criteria.slice(1) }, 'criteria'],
      ['unknown', { ...full, criteria: [...full.criteria, { criterionId: 'beauty', score: 5, comment: '外观' }] }, 'criteria.5.criterionId'],
      ['repeated', { ...full, criteria: [...full.criteria, full.criteria[0]!] }, 'criteria.5.criterionId'],
      ['out of scale', { ...full, criteria: full.criteria.map((c, i) => (i === 2 ? { ...c, score: 11 } : c)) }, 'criteria.2.score'],
      ['blank comment', { ...full, criteria: full.criteria.map((c, i) => (i === 1 ? { ...c, comment: '   ' } : c)) }, 'criteria.1.comment'],
    ];
    for (const [name, payload, field] of cases) {
      const err = await rpc.refusal(ScoreApplication, payload, wang);
      expect([name, err.code, err.status, err.error.errors?.map((e) => e.field)]).toEqual([name, 'RUBRIC_SCORES_INVALID', 422, expect.arrayContaining([field])]);
    }
    const empty = await rpc.refusal(ScoreApplication, { ...full, criteria: [{ criterionId: 'innovation', score: 8, comment: '' }] }, wang);
    expect([empty.code, empty.status]).toEqual(['VALIDATION_FAILED', 400]);
    expect(await assignmentRow(id, ids.wang)).toMatchObject({ scored_at: null, score: null, criterion_scores: null });
  });
});

describe('scores of others hidden until one\'s own is in (M11.1)', () => {
  it('M11.1 an expert never reads another\'s scores before their own, through any endpoint; the institution sees all', async () => {
    const id = await underReview(ids.wang, ids.li);
    for (const e of [wang, li]) await rpc.request(AcceptAssignment, accepting(id), e);
    await rpc.request(ScoreApplication, scoring(id, 9, '李华不应先看到的意见'), wang);
    // Li has not scored: no peer scores anywhere, and Li's own assignment carries only Li's.
    for (const view of await expertViews(id, li)) {
      expect(view.peerScores ?? []).toEqual([]);
      expect(view).not.toHaveProperty('assignments');
      expect(JSON.stringify(view)).not.toContain('李华不应先看到的意见');
    }
    const liAccepted = await rpc.request<Assignment>(AcceptAssignment, accepting(id), li);
    expect(JSON.stringify(liAccepted)).not.toContain('李华不应先看到的意见');
    // The institution sees every expert's scores by criterion.
    const inst = await caseOf(id, staff);
    expect(inst.assignments!.find((a) => a.expertId === ids.wang)).toMatchObject({ score: 90, opinion: '李华不应先看到的意见' });
    // Once Li's own are in, Wang's appear for Li, anonymous; and Li's for Wang.
    const own = await rpc.request<Assignment>(ScoreApplication, scoring(id, 7, '李华的意见'), li);
    expect(JSON.stringify(own)).not.toContain('李华不应先看到的意见');
    for (const view of await expertViews(id, li)) {
      expect(view.peerScores).toEqual([expect.objectContaining({ ordinal: 1, score: 90, opinion: '李华不应先看到的意见' })]);
      expect(JSON.stringify(view.peerScores)).not.toContain(ids.wang);
      expect(JSON.stringify(view.peerScores)).not.toContain('王明');
    }
    expect((await caseOf(id, wang)).peerScores).toEqual([expect.objectContaining({ score: 70, opinion: '李华的意见' })]);
  });
});

describe('divergence and consensus (M8.1)', () => {
  it('M8.1 the institution sees the spread and the flag; calls a round with a reason; experts may revise while it is open; completion waits for its outcome', async () => {
    const id = await underReview(ids.wang, ids.li);
    for (const e of [wang, li]) await rpc.request(AcceptAssignment, accepting(id), e);
    await rpc.request(ScoreApplication, scoring(id, 9), wang);
    // Not divergent yet: a single score has no spread.
    expect((await caseOf(id, staff)).divergence).toEqual({ spread: null, threshold: REVIEW.divergenceThreshold, divergent: false });
    const early = await rpc.refusal(CallConsensusRound, { applicationId: id, reason: '分歧' }, staff);
    expect([early.code, early.status]).toEqual(['SCORES_NOT_DIVERGENT', 422]);
    await rpc.request(ScoreApplication, scoring(id, 5), li);
    expect((await caseOf(id, li)).consensusRoundOpen).toBe(false);
    expect((await caseOf(id, staff)).divergence).toEqual({ spread: 40, threshold: 25, divergent: true });
    // A reason is required; only the commissioned institution calls.
    expect((await rpc.refusal(CallConsensusRound, { applicationId: id, reason: '' }, staff)).status).toBe(400);
    expect((await rpc.refusal(CallConsensusRound, { applicationId: id, reason: '分歧' }, otherStaff)).status).toBe(404);
    expect((await rpc.refusal(CallConsensusRound, { applicationId: id, reason: '分歧' }, wang)).status).toBe(403);
    const round = await rpc.request<{ spread: number; outcome: string | null }>(CallConsensusRound, { applicationId: id, reason: '创新性评分相差较大，请专家合议' }, staff);
    expect(round).toMatchObject({ spread: 40, outcome: null });
    expect((await rpc.refusal(CallConsensusRound, { applicationId: id, reason: '再开' }, staff)).code).toBe('CONSENSUS_ROUND_OPEN');
    const blocked = await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 0 }, staff);
    expect([blocked.code, blocked.status]).toEqual(['CONSENSUS_ROUND_OPEN', 409]);
    // While the round is open, Li revises (audited with the scores replaced).
    expect((await caseOf(id, li)).consensusRoundOpen).toBe(true);
    expect(await rpc.request<Assignment>(ScoreApplication, scoring(id, 8, '合议后调整'), li)).toMatchObject({ score: 80, opinion: '合议后调整' });
    const audit = await sql<{ detail: { previous?: { score: number } } }>(env, `SELECT detail FROM "${schema()}".audit_records WHERE action = 'review.score' AND object_id = $1 AND outcome = 'succeeded' ORDER BY occurred_at`, [id]);
    expect(audit.at(-1)!.detail.previous).toMatchObject({ score: 50 });
    expect((await rpc.refusal(ConcludeConsensusRound, { applicationId: id, outcome: '' }, staff)).status).toBe(400);
    await rpc.request(ConcludeConsensusRound, { applicationId: id, outcome: '经合议，专家意见趋于一致' }, staff);
    expect((await rpc.refusal(ConcludeConsensusRound, { applicationId: id, outcome: '再结束' }, staff)).code).toBe('NO_OPEN_CONSENSUS_ROUND');
    // After the round, scores are final again.
    expect((await rpc.refusal(ScoreApplication, scoring(id, 9), li)).code).toBe('ALREADY_SCORED');
    const view = await caseOf(id, staff);
    expect(view.consensusRounds).toEqual([expect.objectContaining({ reason: '创新性评分相差较大，请专家合议', outcome: '经合议，专家意见趋于一致', spread: 40 })]);
    expect(view.divergence).toMatchObject({ spread: 10, divergent: false });
    const done = await signOff(rpc, id, staff);
    expect(done.score).toBe(85);
  });

  it('M8.1 the case score is the mean of the weighted totals with one decimal', async () => {
    const id = await underReview(ids.wang, ids.li, ids.zhang);
    for (const e of [wang, li, zhang]) await rpc.request(AcceptAssignment, accepting(id), e);
    await rpc.request(ScoreApplication, scoring(id, { innovation: 9, performance: 8, ownership: 8, capability: 8, market: 8 }), wang); // 83
    await rpc.request(ScoreApplication, scoring(id, 8), li); // 80
    await rpc.request(ScoreApplication, scoring(id, 8), zhang); // 80
    const done = await signOff(rpc, id, staff);
    expect(done.score).toBe(81);
    const reviewed = (await outboxOf(id)).find((e) => e.subject.endsWith('application.reviewed.v1'))!;
    expect(reviewed.payload).toMatchObject({ score: 81, weightedScore: 81 });
    const id2 = await underReview(ids.wang, ids.li);
    for (const e of [wang, li]) await rpc.request(AcceptAssignment, accepting(id2), e);
    await rpc.request(ScoreApplication, scoring(id2, { innovation: 9, performance: 8, ownership: 8, capability: 8, market: 8 }), wang); // 83
    await rpc.request(ScoreApplication, scoring(id2, { innovation: 8, performance: 8, ownership: 8, capability: 8, market: 9 }), li); // 81
    expect((await signOff(rpc, id2, staff)).score).toBe(82);
    const id3 = await underReview(ids.wang, ids.li);
    for (const e of [wang, li]) await rpc.request(AcceptAssignment, accepting(id3), e);
    await rpc.request(ScoreApplication, scoring(id3, { innovation: 9, performance: 8, ownership: 8, capability: 8, market: 8 }), wang); // 83
    await rpc.request(ScoreApplication, scoring(id3, { innovation: 8, performance: 8, ownership: 8, capability: 8, market: 8 }), li); // 80
    expect((await signOff(rpc, id3, staff)).score).toBe(81.5);
    expect((await outboxOf(id3)).find((e) => e.subject.endsWith('application.reviewed.v1'))!.payload).toMatchObject({ score: 82, weightedScore: 81.5 });
  });
});

describe('recusal (M11.1)', () => {
  it('M11.1 the expert recuses with a reason before scoring, accepted or not; the case completes without them once the others scored', async () => {
    const id = await underReview(ids.wang, ids.li, ids.zhang);
    await rpc.request(AcceptAssignment, accepting(id), wang);
    await rpc.request(AcceptAssignment, accepting(id), li);
    expect((await rpc.refusal(RecuseAssignment, { applicationId: id, reason: '' }, wang)).status).toBe(400);
    const a = await rpc.request<Assignment>(RecuseAssignment, { applicationId: id, reason: '发现与申报单位存在合作项目' }, wang);
    expect(a).toMatchObject({ status: 'recused', endReason: '发现与申报单位存在合作项目' });
    expect(await assignmentRow(id, ids.wang)).toMatchObject({ status: 'recused', ended_at: expect.any(Date), end_reason: '发现与申报单位存在合作项目' });
    expect((await outboxOf(id)).filter((e) => e.subject.endsWith('assignment.ended.v1')).map((e) => e.payload)).toEqual([
      expect.objectContaining({ expertId: ids.wang, cause: 'recused', reason: '发现与申报单位存在合作项目' }),
    ]);
    // No access to the content any more, no scoring, no second recusal.
    expect(await caseOf(id, wang)).toMatchObject({ undertakingAccepted: false, myAssignment: { status: 'recused' } });
    // The expert's lists show it as ended, no longer as a task to accept or score.
    const stages = async (stage: string) => (await rpc.request<{ items: CaseView[] }>(SearchReviews, { stage, pageSize: 100 }, wang)).items.map((r) => r.applicationId);
    expect(await stages('ENDED')).toContain(id);
    expect([...(await stages('ASSIGNED')), ...(await stages('ACCEPTED'))]).not.toContain(id);
    expect((await rpc.refusal(ScoreApplication, scoring(id, 9), wang)).code).toBe('NOT_FOUND');
    expect((await rpc.refusal(RecuseAssignment, { applicationId: id, reason: '再次' }, wang)).code).toBe('NOT_FOUND');
    // Zhang recuses before accepting.
    await rpc.request(RecuseAssignment, { applicationId: id, reason: '时间冲突' }, zhang);
    await rpc.request(ScoreApplication, scoring(id, 7), li);
    // After scoring, recusal is refused.
    const late = await rpc.refusal(RecuseAssignment, { applicationId: id, reason: '晚了' }, li);
    expect([late.code, late.status]).toEqual(['RECUSAL_AFTER_SCORING', 409]);
    // Recused experts never count: the score is Li's alone.
    const done = await signOff(rpc, id, staff);
    expect(done).toMatchObject({ score: 70, opinion: '【建议认定】同意' });
    const inst = await caseOf(id, staff);
    expect(inst.assignments!.map((x) => [x.expertId, x.status])).toEqual(expect.arrayContaining([[ids.wang, 'recused'], [ids.zhang, 'recused'], [ids.li, 'active']]));
  });

  it('M11.1 completion needs every active assignment scored and at least one; a recused expert\'s scores are excluded', async () => {
    const id = await underReview(ids.wang);
    await rpc.request(RecuseAssignment, { applicationId: id, reason: '回避' }, wang);
    const none = await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 0 }, staff);
    expect([none.code, none.status, none.error.detail]).toEqual(['OPINIONS_MISSING', 422, 'no active expert is assigned']);
    await rpc.request(AssignExpert, { applicationId: id, expertId: ids.li }, staff);
    await rpc.request(AcceptAssignment, accepting(id), li);
    expect((await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 0 }, staff)).error.detail).toBe('0 of 1 active assigned experts have scored');
    expect((await rpc.refusal(RecuseAssignment, { applicationId: id, reason: '不相关' }, outsider)).status).toBe(404);
    expect((await rpc.refusal(RecuseAssignment, { applicationId: id, reason: '不相关' }, staff)).status).toBe(403);
  });
});
