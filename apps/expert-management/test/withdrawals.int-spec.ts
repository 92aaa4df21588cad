import { randomUUID } from 'node:crypto';
import {
  AcceptAssignment,
  ApplicationWithdrawn,
  AssignExpert,
  CommissionInstitution,
  GetComprehensiveReview,
  ListBatchReports,
  ListReviews,
  ScheduleSiteVisit,
  ScoreApplication,
  SignOffReviewReport,
} from '@firstset/contracts';
import { addDays, toShanghaiDate } from '@firstset/domain';
import { ActorContext } from '@firstset/messaging';
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
import { accepting, recommend, recommended, scoring, signOff } from './review-fixtures';

// Issue 19 item 3: an application withdrawn by the enterprise (M7.1) or by the system on an
// applicant ban (M10.2) ends its comprehensive review: the case is WITHDRAWN with the reason, the
// experts lose the task and cannot score, scheduled visits are cancelled; nothing else changes.
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const s = () => schemaOf(env, 'expert-management');
const department = actors.department();
const ids = { centre: randomUUID(), wang: randomUUID(), li: randomUUID(), zhou: randomUUID() };
const staff = actors.institution(ids.centre);
const expert = (id: string) => actors.expert(id);
const nextWeek = addDays(toShanghaiDate(new Date()), 7);
const BAN_NOTICE = '申报因申请人被禁止申报而终止（M10.2）';

const withdraw = async (applicationId: string, reason?: string, eventId?: string) => {
  await publishEvent(env, ApplicationWithdrawn, { applicationId, ...(reason ? { reason } : {}), withdrawnAt: new Date().toISOString() }, { eventId });
  await waitUntilConsumed(env, 'INTAKE_EVENTS', 'expert-management-withdrawals');
};
const caseRow = async (id: string) =>
  (await sql<{ state: string; version: number; withdrawal_reason: string | null; withdrawn_at: Date | null; commission_id: string | null }>(
    env, `SELECT state, version, withdrawal_reason, withdrawn_at, commission_id FROM "${s()}".review_cases WHERE id = $1`, [id],
  ))[0];
const assignments = (applicationId: string) =>
  sql<{ expert_id: string; status: string; end_reason: string | null; score: number | null }>(
    env, `SELECT expert_id, status, end_reason, score FROM "${s()}".assignments WHERE application_id = $1 ORDER BY expert_id`, [applicationId],
  );
const events = (subject: string, applicationId: string) =>
  sql<{ payload: Record<string, unknown> }>(env, `SELECT payload FROM "${s()}".outbox_events WHERE subject = $1 AND payload->>'applicationId' = $2 ORDER BY occurred_at`, [subject, applicationId]);
const visibleTo = async (actor: ActorContext) => (await rpc.request<Array<{ applicationId: string }>>(ListReviews, {}, actor)).map((r) => r.applicationId);

/** A case under review in its own batch: Wang (scored) and Li (accepted) on the panel. */
async function underReview(): Promise<{ id: string; batchId: string }> {
  const batchId = randomUUID();
  await rpc.request(CommissionInstitution, { batchId, institutionId: ids.centre }, department);
  const e = recommended(batchId);
  await recommend(env, e);
  for (const expertId of [ids.wang, ids.li]) {
    await rpc.request(AssignExpert, { applicationId: e.applicationId, expertId }, staff);
    await rpc.request(AcceptAssignment, accepting(e.applicationId), expert(expertId));
  }
  await rpc.request(ScoreApplication, scoring(e.applicationId, 8, '国内首创'), expert(ids.wang));
  return { id: e.applicationId, batchId };
}

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  await sql(env, `INSERT INTO "${s()}".institutions (id, name, uscc) VALUES ($1, '工业技术评价中心', '12150000MB1234562H')`, [ids.centre]);
  await sql(env, `INSERT INTO "${s()}".experts (id, name, institution_id, field) VALUES ($1, '王明', $4, '装备'), ($2, '李华', $4, '装备'), ($3, '周强', $4, '装备')`, [
    ids.wang, ids.li, ids.zhou, ids.centre,
  ]);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('a withdrawn application ends its comprehensive review (M7.1, M10.2)', () => {
  it('M7.1 M10.2 the case under review ends WITHDRAWN with the reason: assignments excluded, scores refused, visits cancelled, the institution sees why', async () => {
    const { id, batchId } = await underReview();
    const visit = await rpc.request<{ id: string }>(ScheduleSiteVisit, {
      applicationId: id, visitOn: nextWeek, address: '包头市青山区装备产业园 3 号厂房', notice: '请准备生产线和检测报告原件。', memberExpertIds: [ids.wang, ids.li],
    }, staff);
    const before = await caseRow(id);

    await withdraw(id, BAN_NOTICE);

    const after = await caseRow(id);
    expect(after).toMatchObject({ state: 'WITHDRAWN', version: before.version + 1, withdrawal_reason: BAN_NOTICE, commission_id: before.commission_id });
    expect(after.withdrawn_at).not.toBeNull();
    // Both experts' assignments stop counting; the score already given stays as history.
    const rows = await assignments(id);
    expect(rows.map((a) => a.status)).toEqual(['excluded', 'excluded']);
    for (const a of rows) expect(a.end_reason).toBe(`申报已撤回：${BAN_NOTICE} / application withdrawn: ${BAN_NOTICE}`);
    expect(rows.find((a) => a.expert_id === ids.wang)!.score).toBe(80);
    // Intake closes each expert's materials on these events.
    expect((await events('expert-management.assignment.ended.v1', id)).map((e) => [e.payload.expertId, e.payload.cause]).sort()).toEqual(
      [[ids.li, 'withdrawn'], [ids.wang, 'withdrawn']].sort(),
    );
    const [v] = await sql<{ status: string; cancel_reason: string }>(env, `SELECT status, cancel_reason FROM "${s()}".site_visits WHERE id = $1`, [visit.id]);
    expect(v).toEqual({ status: 'cancelled', cancel_reason: expect.stringContaining(BAN_NOTICE) });
    expect(await events('expert-management.site-visit.cancelled.v1', id)).toEqual([{ payload: expect.objectContaining({ visitId: visit.id }) }]);

    // The experts no longer have the task and cannot score; the institution cannot conclude.
    for (const e of [ids.wang, ids.li]) expect(await visibleTo(expert(e))).not.toContain(id);
    expect((await rpc.refusal(ScoreApplication, scoring(id, 6, '同意'), expert(ids.li))).status).toBe(404);
    const assign = await rpc.refusal(AssignExpert, { applicationId: id, expertId: ids.zhou }, staff);
    expect([assign.code, assign.status]).toEqual(['REVIEW_NOT_IN_PROGRESS', 409]);
    const concluded = await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 0 }, staff);
    expect([concluded.code, concluded.status]).toEqual(['ILLEGAL_TRANSITION', 409]);
    expect(await sql(env, `SELECT 1 FROM "${s()}".assignments WHERE application_id = $1 AND expert_id = $2`, [id, ids.zhou])).toEqual([]);
    // The institution still sees the case, ended, with the reason; it leaves the batch report.
    const view = await rpc.request<{ state: string; stateLabel: { zh: string }; withdrawal: { reason: string; withdrawnAt: string } }>(GetComprehensiveReview, { applicationId: id }, staff);
    expect(view).toMatchObject({ state: 'WITHDRAWN', withdrawal: { reason: BAN_NOTICE, withdrawnAt: after.withdrawn_at!.toISOString() } });
    expect(await visibleTo(staff)).toContain(id);
    const [batch] = await rpc.request<Array<{ entries: Array<{ applicationId: string }> }>>(ListBatchReports, { batchId }, staff);
    expect(batch.entries).toEqual([]);
  });

  it('M7.1 redelivered or repeated, the withdrawal changes nothing more; an unknown application is ignored', async () => {
    const { id } = await underReview();
    const eventId = randomUUID();
    await withdraw(id, undefined, eventId);
    const first = await caseRow(id);
    expect(first).toMatchObject({ state: 'WITHDRAWN', withdrawal_reason: null });
    const ended = await events('expert-management.assignment.ended.v1', id);
    expect(ended).toHaveLength(2);
    expect((await assignments(id))[0].end_reason).toBe('申报已撤回 / application withdrawn');

    await withdraw(id, undefined, eventId); // redelivered: the inbox skips it
    await withdraw(id, '再次撤回'); // a second withdrawal event: the case is already ended
    expect(await caseRow(id)).toEqual(first);
    expect(await events('expert-management.assignment.ended.v1', id)).toHaveLength(2);

    const unknown = randomUUID();
    const outboxBefore = await sql(env, `SELECT id FROM "${s()}".outbox_events`);
    await withdraw(unknown, '从未进入综合评审');
    expect(await sql(env, `SELECT 1 FROM "${s()}".review_cases WHERE id = $1`, [unknown])).toEqual([]);
    expect(await sql(env, `SELECT id FROM "${s()}".outbox_events`)).toHaveLength(outboxBefore.length);
  });

  it('M7.1 M10.2 a withdrawal that arrives before the summary (another stream) keeps the case WITHDRAWN with its reason: no review starts, even under a commission', async () => {
    const batchId = randomUUID();
    await rpc.request(CommissionInstitution, { batchId, institutionId: ids.centre }, department);
    const early = recommended(batchId);
    const kept = recommended(batchId);
    await withdraw(early.applicationId, '企业主动撤回');
    await recommend(env, early, kept);
    expect(await caseRow(early.applicationId)).toMatchObject({ state: 'WITHDRAWN', withdrawal_reason: '企业主动撤回', commission_id: null });
    expect((await caseRow(early.applicationId)).withdrawn_at).not.toBeNull();
    expect((await caseRow(kept.applicationId)).state).toBe('UNDER_COMPREHENSIVE_REVIEW');
    expect(await events('expert-management.review.started.v1', early.applicationId)).toEqual([]);
    expect(await visibleTo(staff)).not.toContain(early.applicationId);
  });

  it('M7.1 a case waiting for a commission, or already reviewed, ends too; other cases of the batch are untouched', async () => {
    const batchId = randomUUID();
    const waiting = recommended(batchId);
    const other = recommended(batchId);
    await recommend(env, waiting, other);
    expect((await caseRow(waiting.applicationId)).state).toBe('RECOMMENDED');
    await withdraw(waiting.applicationId, '企业主动撤回');
    expect(await caseRow(waiting.applicationId)).toMatchObject({ state: 'WITHDRAWN', withdrawal_reason: '企业主动撤回' });
    expect((await caseRow(other.applicationId)).state).toBe('RECOMMENDED');
    // A new commission takes up only the case still recommended.
    const c = await rpc.request<{ startedApplicationIds: string[] }>(CommissionInstitution, { batchId, institutionId: ids.centre }, department);
    expect(c.startedApplicationIds).toEqual([other.applicationId]);

    const reviewed = await underReview();
    await rpc.request(ScoreApplication, scoring(reviewed.id, 9, '同意'), expert(ids.li));
    await signOff(rpc, reviewed.id, staff);
    expect((await caseRow(reviewed.id)).state).toBe('REVIEWED');
    await withdraw(reviewed.id, '企业主动撤回');
    expect((await caseRow(reviewed.id)).state).toBe('WITHDRAWN');
    // Scored assignments of a reviewed case were still active: they end too (no more access).
    expect((await assignments(reviewed.id)).map((a) => a.status)).toEqual(['excluded', 'excluded']);
  });
});
