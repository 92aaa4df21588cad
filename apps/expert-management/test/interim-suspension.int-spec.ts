import { randomUUID } from 'node:crypto';
import {
  AcceptAssignment,
  AssignExpert,
  CommissionInstitution,
  InterimMeasureChanged,
  ListExperts,
  ListReviews,
  ScoreApplication,
  SummarySubmitted,
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
import { accepting, recommended, scoring } from './review-fixtures';

// ADR 0026: a compliance case heard with an interim measure suspends the institution's or the
// expert's review work from the day it opens until it is decided or dropped (M10.3, M11.2). The
// gates refuse their work with the case's number; their commissions and assignments wait.
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const s = () => schemaOf(env, 'expert-management');
const department = actors.department();
const EQ = 'FIRST_SET_EQUIPMENT';
const TODAY = '2026-11-28';
const inst = { centre: randomUUID(), other: randomUUID() };
const exp = { wang: randomUUID(), li: randomUUID() };
const staff = actors.institution(inst.centre);
const wang = actors.expert(exp.wang);

async function recommendCase(batchId: string): Promise<string> {
  const e = recommended(batchId);
  const { recommendedBy, recommendedAt, ...entry } = e;
  await publishEvent(env, SummarySubmitted, {
    summaryId: randomUUID(),
    batchId,
    prefectureId: e.prefectureId,
    entries: [{ ...entry, product: { ...entry.product, kind: EQ as never }, order: 1, catalogueEntryCode: 'EF03' }],
    submittedBy: recommendedBy,
    submittedAt: recommendedAt,
  });
  await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'expert-management-summaries');
  return e.applicationId;
}

const interim = async (measure: 'institution_work_suspended' | 'expert_work_suspended', subjectId: string, change: 'started' | 'ended', caseNo: string) => {
  await publishEvent(env, InterimMeasureChanged, { caseId: randomUUID(), caseNo, measure, subjectId, change, on: TODAY, changedAt: new Date().toISOString() });
  await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'expert-management-interim-measures');
};
const suspension = async (table: 'institutions' | 'experts', id: string) =>
  (await sql<{ work_suspended_from: string | null; work_suspension_case: string | null }>(
    env, `SELECT work_suspended_from, work_suspension_case FROM "${s()}".${table} WHERE id = $1`, [id],
  ))[0];
const assignmentStatus = async (applicationId: string, expertId: string) =>
  (await sql<{ status: string }>(env, `SELECT status FROM "${s()}".assignments WHERE application_id = $1 AND expert_id = $2`, [applicationId, expertId]))[0]?.status;

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-11-28T04:00:00Z'));
  await sql(env, `INSERT INTO "${s()}".institutions (id, name, uscc) VALUES ($1, '工业技术评价中心', '12150000MB1234562H'), ($2, '装备质量评价院', '12150000MB7654321X')`, [inst.centre, inst.other]);
  await sql(env, `INSERT INTO "${s()}".experts (id, name, institution_id, field) VALUES ($1, '王明', $3, '装备'), ($2, '李华', $3, '装备')`, [exp.wang, exp.li, inst.centre]);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('interim suspension while a compliance case is heard (ADR 0026)', () => {
  it('M11.2 a suspended expert cannot read, score or be assigned, with the case named; the assignment waits and works again once the case ends', async () => {
    const batchId = randomUUID();
    const id = await recommendCase(batchId);
    const other = await recommendCase(batchId);
    await rpc.request(CommissionInstitution, { batchId, institutionId: inst.centre }, department);
    await rpc.request(AssignExpert, { applicationId: id, expertId: exp.wang }, staff);
    await rpc.request(AcceptAssignment, accepting(id), wang);

    await interim('expert_work_suspended', exp.wang, 'started', 'GZ-2026-0007');
    expect(await suspension('experts', exp.wang)).toEqual({ work_suspended_from: TODAY, work_suspension_case: 'GZ-2026-0007' });
    for (const refused of [
      await rpc.refusal(ListReviews, {}, wang),
      await rpc.refusal(ScoreApplication, scoring(id, 8), wang),
      await rpc.refusal(AssignExpert, { applicationId: other, expertId: exp.wang }, staff),
    ]) {
      expect([refused.code, refused.status]).toEqual(['EXPERT_WORK_SUSPENDED', 422]);
      expect(refused.message).toContain('GZ-2026-0007');
      expect(refused.message).toContain(TODAY);
    }
    expect(await assignmentStatus(id, exp.wang)).toBe('active');
    expect(await assignmentStatus(other, exp.wang)).toBeUndefined();
    // The pool shows the expert as not available today, and the institution's other experts work on.
    const available = await rpc.request<{ items: Array<{ id: string }> }>(ListExperts, { availability: 'available' }, staff);
    expect(available.items.map((e) => e.id)).toEqual([exp.li]);
    await rpc.request(AssignExpert, { applicationId: other, expertId: exp.li }, staff);

    // Only the case that started the suspension ends it.
    await interim('expert_work_suspended', exp.wang, 'ended', 'GZ-2026-0099');
    expect((await suspension('experts', exp.wang)).work_suspension_case).toBe('GZ-2026-0007');
    await interim('expert_work_suspended', exp.wang, 'ended', 'GZ-2026-0007');
    expect(await suspension('experts', exp.wang)).toEqual({ work_suspended_from: null, work_suspension_case: null });
    expect((await rpc.request<Array<{ applicationId: string }>>(ListReviews, {}, wang)).map((r) => r.applicationId)).toEqual([id]);
    await rpc.request(ScoreApplication, scoring(id, 8), wang);
  });

  it('M10.3 a suspended institution cannot be commissioned, read its cases or seat experts; its commission stays and works again once the case ends', async () => {
    const batchId = randomUUID();
    const id = await recommendCase(batchId);
    const held = await rpc.request<{ id: string }>(CommissionInstitution, { batchId, institutionId: inst.centre }, department);

    await interim('institution_work_suspended', inst.centre, 'started', 'GZ-2026-0008');
    for (const refused of [
      await rpc.refusal(ListReviews, {}, staff),
      await rpc.refusal(AssignExpert, { applicationId: id, expertId: exp.li }, staff),
      await rpc.refusal(CommissionInstitution, { batchId: randomUUID(), institutionId: inst.centre }, department),
    ]) {
      expect([refused.code, refused.status]).toEqual(['INSTITUTION_WORK_SUSPENDED', 422]);
      expect(refused.message).toContain('GZ-2026-0008');
    }
    const [commission] = await sql<{ ended_at: Date | null }>(env, `SELECT ended_at FROM "${s()}".commissions WHERE id = $1`, [held.id]);
    expect(commission.ended_at).toBeNull();
    // Another institution is not touched.
    await rpc.request(CommissionInstitution, { batchId: randomUUID(), institutionId: inst.other }, department);

    await interim('institution_work_suspended', inst.centre, 'ended', 'GZ-2026-0008');
    expect((await rpc.request<Array<{ applicationId: string }>>(ListReviews, { batchId }, staff)).map((r) => r.applicationId)).toEqual([id]);
    await rpc.request(AssignExpert, { applicationId: id, expertId: exp.li }, staff);
  });

  it('M10.3 an event naming no expert or institution of this service changes nothing', async () => {
    await interim('institution_work_suspended', 'not-a-uuid', 'started', 'GZ-2026-0009');
    await interim('expert_work_suspended', randomUUID(), 'started', 'GZ-2026-0010');
    const [{ n }] = await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM "${s()}".experts WHERE work_suspended_from IS NOT NULL`);
    expect(n).toBe(0);
  });
});
