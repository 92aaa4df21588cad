import { randomUUID } from 'node:crypto';
import {
  AcceptAssignment,
  AssignExpert,
  CommissionInstitution,
  EndCommission,
  ExpertDisqualified,
  InstitutionBanImposed,
  ListCommissions,
  ListReviews,
  ScoreApplication,
  SearchReviews,
  SummarySubmitted,
  SignOffReviewReport,
} from '@firstset/contracts';
import { ActorContext } from '@firstset/messaging';
import {
  actors,
  cleanupTestEnv,
  eventually,
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
import { accepting, recommended, scoring, signOff } from './review-fixtures';

// Commissions per batch for a scope (M8.1), ended with a reason and replaced (the reviews move,
// history kept), and sanctions holding during the review: a banned institution stops at once
// (M10.3), a disqualified expert's assignments are excluded (M11.2).
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const s = () => schemaOf(env, 'expert-management');
const department = actors.department();
const EQ = 'FIRST_SET_EQUIPMENT';
const MAT = 'FIRST_BATCH_MATERIAL';
const COMP = 'FIRST_BATCH_COMPONENT';
const inst = { centre: randomUUID(), other: randomUUID(), next: randomUUID(), doomed: randomUUID(), barred: randomUUID() };
const exp = { wang: randomUUID(), li: randomUUID(), zhou: randomUUID(), sun: randomUUID(), ma: randomUUID() };
const staffOf = (id: string) => actors.institution(id);
const expert = (id: string) => actors.expert(id);

/** A case for the batch with this kind and field (the summary's catalogue entry, M4.2). */
async function recommendCase(batchId: string, kind: string, fieldCode?: string): Promise<string> {
  const e = recommended(batchId);
  const { recommendedBy, recommendedAt, ...entry } = e;
  await publishEvent(env, SummarySubmitted, {
    summaryId: randomUUID(),
    batchId,
    prefectureId: e.prefectureId,
    entries: [{ ...entry, product: { ...entry.product, kind: kind as never }, order: 1, ...(fieldCode ? { catalogueEntryCode: fieldCode } : {}) }],
    submittedBy: recommendedBy,
    submittedAt: recommendedAt,
  });
  await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'expert-management-summaries');
  return e.applicationId;
}

const caseRow = async (id: string) =>
  (await sql<{ state: string; commission_id: string | null }>(env, `SELECT state, commission_id FROM "${s()}".review_cases WHERE id = $1`, [id]))[0];
const commissionRow = async (id: string) =>
  (await sql<{ ended_at: Date | null; ended_by: string | null; end_reason: string | null; replaced_by_id: string | null }>(
    env, `SELECT ended_at, ended_by, end_reason, replaced_by_id FROM "${s()}".commissions WHERE id = $1`, [id],
  ))[0];
const assignmentRow = async (applicationId: string, expertId: string) =>
  (await sql<{ status: string; end_reason: string | null }>(
    env, `SELECT status, end_reason FROM "${s()}".assignments WHERE application_id = $1 AND expert_id = $2`, [applicationId, expertId],
  ))[0];
const events = (subject: string, applicationId: string) =>
  sql<{ payload: Record<string, unknown> }>(env, `SELECT payload FROM "${s()}".outbox_events WHERE subject = $1 AND payload->>'applicationId' = $2 ORDER BY occurred_at`, [subject, applicationId]);
const visibleTo = async (actor: ActorContext) => (await rpc.request<Array<{ applicationId: string }>>(ListReviews, {}, actor)).map((r) => r.applicationId);
const commission = (batchId: string, institutionId: string, scope: { productKinds?: string[]; fieldCodes?: string[] } = {}) =>
  rpc.request<{ id: string; startedApplicationIds: string[]; takenUpApplicationIds: string[] }>(CommissionInstitution, { batchId, institutionId, ...scope }, department);

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  await sql(env, `INSERT INTO "${s()}".institutions (id, name, uscc) VALUES
    ($1, '工业技术评价中心', '12150000MB1234562H'), ($2, '装备质量评价院', '12150000MB7654321X'),
    ($3, '接续评价机构', '12150000MB0000002B'), ($4, '将被禁止的机构', '12150000MB0000003C')`, [inst.centre, inst.other, inst.next, inst.doomed]);
  await sql(env, `INSERT INTO "${s()}".institutions (id, name, uscc, banned_until) VALUES ($1, '禁入期内的机构', '12150000MB0000004D', '2099-12-31')`, [inst.barred]);
  await sql(env, `INSERT INTO "${s()}".experts (id, name, institution_id, field) VALUES
    ($1, '王明', $6, '装备'), ($2, '李华', $6, '装备'), ($3, '周强', $6, '装备'), ($4, '孙丽', $7, '装备'), ($5, '马超', $8, '装备')`,
  [exp.wang, exp.li, exp.zhou, exp.sun, exp.ma, inst.centre, inst.doomed, inst.next]);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('commissions by scope (M8.1)', () => {
  it('M8.1 each open commission holds the cases its scope matches; other cases wait; an overlapping scope is refused naming the commission', async () => {
    const batchId = randomUUID();
    const eq3 = await recommendCase(batchId, EQ, 'EF03');
    const eq4 = await recommendCase(batchId, EQ, 'EF04');
    const mat = await recommendCase(batchId, MAT);
    const comp = await recommendCase(batchId, COMP);
    const a = await commission(batchId, inst.centre, { productKinds: [EQ], fieldCodes: ['EF03'] });
    expect(a.startedApplicationIds).toEqual([eq3]);
    const b = await commission(batchId, inst.other, { productKinds: [MAT] });
    expect(b.startedApplicationIds).toEqual([mat]);
    expect(await caseRow(eq3)).toEqual({ state: 'UNDER_COMPREHENSIVE_REVIEW', commission_id: a.id });
    expect(await caseRow(mat)).toEqual({ state: 'UNDER_COMPREHENSIVE_REVIEW', commission_id: b.id });
    for (const waiting of [eq4, comp]) expect(await caseRow(waiting)).toEqual({ state: 'RECOMMENDED', commission_id: null });

    const overlap = await rpc.refusal(CommissionInstitution, { batchId, institutionId: inst.next, fieldCodes: ['EF03', 'EF05'] }, department);
    expect([overlap.code, overlap.status]).toEqual(['SCOPE_OVERLAP', 409]);
    expect(overlap.error.detail).toContain(a.id);
    const whole = await rpc.refusal(CommissionInstitution, { batchId, institutionId: inst.next }, department);
    expect(whole.code).toBe('SCOPE_OVERLAP');
    // A disjoint scope is fine: the equipment of another field.
    const c = await commission(batchId, inst.next, { productKinds: [EQ], fieldCodes: ['EF04'] });
    expect(c.startedApplicationIds).toEqual([eq4]);

    const later = await recommendCase(batchId, EQ, 'EF03');
    expect(await caseRow(later)).toEqual({ state: 'UNDER_COMPREHENSIVE_REVIEW', commission_id: a.id });
    expect(await visibleTo(staffOf(inst.other))).toEqual([mat]);
    expect((await visibleTo(staffOf(inst.centre))).sort()).toEqual([eq3, later].sort());
    const listed = await rpc.request<{ items: Array<{ id: string; casesHeld: number; state: string; fieldCodes: string[] }> }>(ListCommissions, { batchId }, department);
    expect(listed.items.find((x) => x.id === a.id)).toMatchObject({ casesHeld: 2, state: 'open', fieldCodes: ['EF03'] });
    expect(await sql(env, `SELECT 1 FROM "${s()}".commissions WHERE batch_id = $1`, [batchId])).toHaveLength(3);
  });

  it('M8.1 a scope must name real kinds and M4.2 fields; only the Department commissions', async () => {
    const batchId = randomUUID();
    expect((await rpc.refusal(CommissionInstitution, { batchId, institutionId: inst.centre, fieldCodes: ['EF99'] }, department)).status).toBe(400);
    expect((await rpc.refusal(CommissionInstitution, { batchId, institutionId: inst.centre, productKinds: ['SOFTWARE'] }, department)).status).toBe(400);
    for (const actor of [staffOf(inst.centre), actors.auditor(), expert(exp.wang)]) {
      expect((await rpc.refusal(CommissionInstitution, { batchId, institutionId: inst.centre }, actor)).status).toBe(403);
    }
    expect(await sql(env, `SELECT 1 FROM "${s()}".commissions WHERE batch_id = $1`, [batchId])).toEqual([]);
  });
});

describe('ending a commission (M8.1)', () => {
  it('M8.1 ending with a reason and a replacement moves the cases; the old assignments are excluded; history, events and audit kept', async () => {
    const batchId = randomUUID();
    const first = await commission(batchId, inst.centre, { productKinds: [EQ] });
    const id = await recommendCase(batchId, EQ, 'EF10');
    await rpc.request(AssignExpert, { applicationId: id, expertId: exp.wang }, staffOf(inst.centre));
    await rpc.request(AcceptAssignment, accepting(id), expert(exp.wang));
    expect(await visibleTo(staffOf(inst.next))).not.toContain(id); // never before the move

    for (const reason of ['', ' '.repeat(3), 'x'.repeat(501)]) {
      expect((await rpc.refusal(EndCommission, { commissionId: first.id, reason }, department)).status).toBe(400);
    }
    for (const actor of [staffOf(inst.centre), staffOf(inst.next), actors.auditor()]) {
      expect((await rpc.refusal(EndCommission, { commissionId: first.id, reason: '机构人员变动' }, actor)).status).toBe(403);
    }
    expect((await rpc.refusal(EndCommission, { commissionId: randomUUID(), reason: '机构人员变动' }, department)).status).toBe(404);
    const same = await rpc.refusal(EndCommission, { commissionId: first.id, reason: '机构人员变动', replacementInstitutionId: inst.centre }, department);
    expect([same.code, same.status]).toEqual(['REPLACEMENT_SAME_INSTITUTION', 422]);
    // M10.3: a banned replacement is refused and the commission stays as it was (one transaction).
    const barred = await rpc.refusal(EndCommission, { commissionId: first.id, reason: '机构人员变动', replacementInstitutionId: inst.barred }, department);
    expect([barred.code, barred.status]).toEqual(['INSTITUTION_BANNED', 422]);
    expect((await commissionRow(first.id)).ended_at).toBeNull();
    expect(await assignmentRow(id, exp.wang)).toMatchObject({ status: 'active' });

    const r = await rpc.request<{ ended: { state: string; endReason: string; replacedById: string }; replacement: { id: string; productKinds: string[] }; movedApplicationIds: string[]; excludedAssignments: number }>(
      EndCommission, { commissionId: first.id, reason: '机构评审人员不足，无法按期完成', replacementInstitutionId: inst.next }, department,
    );
    expect(r.ended).toMatchObject({ state: 'ended', endReason: '机构评审人员不足，无法按期完成', replacedById: r.replacement.id });
    expect(r.replacement.productKinds).toEqual([EQ]);
    expect(r).toMatchObject({ movedApplicationIds: [id], excludedAssignments: 1 });
    expect(await caseRow(id)).toEqual({ state: 'UNDER_COMPREHENSIVE_REVIEW', commission_id: r.replacement.id });
    expect(await commissionRow(first.id)).toMatchObject({ ended_by: department.userId, end_reason: '机构评审人员不足，无法按期完成', replaced_by_id: r.replacement.id });
    expect(await assignmentRow(id, exp.wang)).toEqual({ status: 'excluded', end_reason: '机构评审人员不足，无法按期完成' });
    expect(await events('expert-management.assignment.ended.v1', id)).toEqual([
      { payload: expect.objectContaining({ expertId: exp.wang, cause: 'commission_ended' }) },
    ]);
    expect((await events('expert-management.review.moved.v1', id)).map((e) => [e.payload.fromInstitutionId ?? null, e.payload.toInstitutionId ?? null])).toEqual([
      [inst.centre, null],
      [null, inst.next],
    ]);
    const audits = await sql<{ action: string }>(env, `SELECT action FROM "${s()}".audit_records WHERE object_id = $1 AND action = 'review.move'`, [id]);
    expect(audits).toHaveLength(2);

    // The old institution never sees the case again; its expert no longer acts on it; the new one does.
    expect(await visibleTo(staffOf(inst.centre))).not.toContain(id);
    expect((await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 0 }, staffOf(inst.centre))).status).toBe(404);
    expect((await rpc.refusal(AssignExpert, { applicationId: id, expertId: exp.li }, staffOf(inst.centre))).status).toBe(404);
    expect((await rpc.refusal(ScoreApplication, scoring(id, 8, '同意'), expert(exp.wang))).status).toBe(404);
    expect(await visibleTo(expert(exp.wang))).not.toContain(id);
    expect(await visibleTo(staffOf(inst.next))).toContain(id);
    await rpc.request(AssignExpert, { applicationId: id, expertId: exp.ma }, staffOf(inst.next));

    const twice = await rpc.refusal(EndCommission, { commissionId: first.id, reason: '再次终止' }, department);
    expect([twice.code, twice.status]).toEqual(['COMMISSION_ENDED', 409]);
  });

  it('M8.1 ended without a replacement, the cases wait under review, seen by no institution, until a commission for the scope takes them up', async () => {
    const batchId = randomUUID();
    const first = await commission(batchId, inst.centre, { productKinds: [MAT] });
    const id = await recommendCase(batchId, MAT);
    const ended = await rpc.request<{ waitingApplicationIds: string[]; replacement: null }>(EndCommission, { commissionId: first.id, reason: '委托合同解除' }, department);
    expect(ended).toMatchObject({ waitingApplicationIds: [id], replacement: null });
    expect(await caseRow(id)).toEqual({ state: 'UNDER_COMPREHENSIVE_REVIEW', commission_id: null });
    for (const i of [inst.centre, inst.other, inst.next]) expect(await visibleTo(staffOf(i))).not.toContain(id);
    // A case recommended meanwhile in the same scope waits as recommended.
    const meanwhile = await recommendCase(batchId, MAT);
    expect(await caseRow(meanwhile)).toEqual({ state: 'RECOMMENDED', commission_id: null });
    const later = await commission(batchId, inst.other, { productKinds: [MAT] });
    expect(later).toMatchObject({ takenUpApplicationIds: [id], startedApplicationIds: [meanwhile] });
    expect(await caseRow(id)).toEqual({ state: 'UNDER_COMPREHENSIVE_REVIEW', commission_id: later.id });
    expect((await commissionRow(first.id)).replaced_by_id).toBe(later.id);
  });
});

describe('sanctions hold during the review', () => {
  it('M10.3 a ban stops the institution at once: its commissions end with the ban, its cases wait, it can no longer assign, complete or read them', async () => {
    const batchId = randomUUID();
    const held = await commission(batchId, inst.doomed, { productKinds: [COMP] });
    const id = await recommendCase(batchId, COMP);
    await rpc.request(AssignExpert, { applicationId: id, expertId: exp.sun }, staffOf(inst.doomed));
    await rpc.request(AcceptAssignment, accepting(id), expert(exp.sun));
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await publishEvent(env, InstitutionBanImposed, {
      banId: randomUUID(), institutionId: inst.doomed, institutionUscc: '12150000MB0000003C', startsOn: today, endsOn: '2099-12-31',
    });
    await eventually(() => commissionRow(held.id), (c) => c.ended_at !== null, { what: 'the banned institution\'s commission ended' });
    expect((await commissionRow(held.id)).end_reason).toContain('M10.3');
    expect(await caseRow(id)).toEqual({ state: 'UNDER_COMPREHENSIVE_REVIEW', commission_id: null });
    expect(await assignmentRow(id, exp.sun)).toMatchObject({ status: 'excluded' });
    expect(await events('expert-management.assignment.ended.v1', id)).toHaveLength(1);
    expect(await events('expert-management.review.moved.v1', id)).toEqual([{ payload: expect.objectContaining({ fromInstitutionId: inst.doomed }) }]);
    const doomed = staffOf(inst.doomed);
    expect(await visibleTo(doomed)).toEqual([]);
    expect((await rpc.request<{ total: number }>(SearchReviews, {}, doomed)).total).toBe(0);
    expect((await rpc.refusal(SignOffReviewReport, { applicationId: id, expectedVersion: 0 }, doomed)).status).toBe(404);
    expect((await rpc.refusal(AssignExpert, { applicationId: id, expertId: exp.sun }, doomed)).status).toBe(404);
    expect((await rpc.refusal(CommissionInstitution, { batchId, institutionId: inst.doomed, productKinds: [COMP] }, department)).code).toBe('INSTITUTION_BANNED');
    const next = await commission(batchId, inst.next, { productKinds: [COMP] });
    expect(next.takenUpApplicationIds).toEqual([id]);
  });

  it('M11.2 a disqualified expert\'s assignments are excluded, scored or not: no access, no score counted, the case asks for a replacement', async () => {
    const batchId = randomUUID();
    await commission(batchId, inst.centre, { productKinds: [EQ], fieldCodes: ['EF07'] });
    const id = await recommendCase(batchId, EQ, 'EF07');
    for (const e of [exp.wang, exp.li, exp.zhou]) {
      await rpc.request(AssignExpert, { applicationId: id, expertId: e }, staffOf(inst.centre));
      await rpc.request(AcceptAssignment, accepting(id), expert(e));
    }
    await rpc.request(ScoreApplication, scoring(id, 4, '创新性不足'), expert(exp.wang));
    await rpc.request(ScoreApplication, scoring(id, 9, '国内首创'), expert(exp.zhou));
    for (const e of [exp.wang, exp.li]) {
      await publishEvent(env, ExpertDisqualified, { disqualificationId: randomUUID(), expertId: e, decisionDate: '2026-11-28' });
    }
    await eventually(() => assignmentRow(id, exp.li), (a) => a.status === 'excluded', { what: 'the unscored assignment excluded' });
    await eventually(() => assignmentRow(id, exp.wang), (a) => a.status === 'excluded', { what: 'the scored assignment excluded' });
    expect((await assignmentRow(id, exp.li)).end_reason).toContain('M11.2');
    expect((await events('expert-management.assignment.ended.v1', id)).map((e) => e.payload.expertId).sort()).toEqual([exp.wang, exp.li].sort());
    expect(await assignmentRow(id, exp.zhou)).toMatchObject({ status: 'active' });

    const [view] = (await rpc.request<Array<{ applicationId: string; activeExperts: number; needsReplacement: boolean; assignments: Array<{ expertId: string; status: string }> }>>(ListReviews, { batchId }, staffOf(inst.centre)));
    expect(view).toMatchObject({ applicationId: id, activeExperts: 1, needsReplacement: true });
    expect(view.assignments.find((a) => a.expertId === exp.li)).toMatchObject({ status: 'excluded' });
    expect((await rpc.refusal(ScoreApplication, scoring(id, 7, '同意'), expert(exp.li))).status).toBe(404);
    expect(await visibleTo(expert(exp.li))).not.toContain(id);

    // Only the active assignment counts: the disqualified expert's 40 is not in the conclusion.
    const done = await signOff(rpc, id, staffOf(inst.centre));
    expect(done).toMatchObject({ score: 90, opinion: '【建议认定】国内首创' });
  });
});
