import { randomUUID } from 'node:crypto';
import * as C from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { preliminaryReviewModule } from '../src/preliminary-review.module';
import { BAOTOU, HOHHOT, judgeAll, receive, submission } from './fixtures';

const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const schema = () => schemaOf(env, 'preliminary-review');
const baotou = actors.prefecture(BAOTOU);
const colleague = { ...actors.prefecture(BAOTOU), displayName: '包头市工信局 张科长' };
const hohhot = actors.prefecture(HOHHOT);
const batchId = randomUUID();
const material = submission(BAOTOU, batchId, {
  enterprise: { uscc: '91150200MA0N5NEW1X', name: '包头稀土新材料股份有限公司', registeredAddress: '包头市昆都仑区' },
  product: { kind: 'FIRST_BATCH_MATERIAL', name: '高性能钕铁硼永磁材料', series: 'NdFeB', model: 'N52H', rdCompletedOn: '2026-01-10' },
  submittedAt: new Date(Date.now() - 9 * 24 * 3600_000).toISOString(),
});
const [a, b, c, d] = [submission(BAOTOU, batchId), submission(BAOTOU, batchId), submission(BAOTOU, batchId), submission(BAOTOU, batchId)];
// What intake sends for the formal review besides the form: the M4.2 field, the credit answer, its flags.
Object.assign(a, {
  catalogueEntryCode: 'EF04',
  credit: { source: 'credit-platform', checkedAt: new Date().toISOString(), note: 'HTTP 503' },
  flags: [{ code: 'M5.1_USCC_CHECK_CHARACTER', measuresId: 'M5.1', field: 'uscc', message: '统一社会信用代码校验位不符，请核实' }],
});
Object.assign(b, {
  catalogueEntryCode: 'EF10',
  credit: { source: 'credit-platform', seriousDishonesty: false, abnormalOperations: false, checkedAt: new Date().toISOString(), reference: 'CP-0001' },
});
const foreign = submission(HOHHOT, batchId);
const future = (days: number) => new Date(Date.now() + days * 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);
const stateOf = async (id: string) => (await sql<{ state: string }>(env, `SELECT state FROM "${schema()}".review_cases WHERE id = $1`, [id]))[0]?.state;
const outboxOf = (id: string) => sql<{ subject: string; payload: Record<string, unknown> }>(env, `SELECT subject, payload FROM "${schema()}".outbox_events WHERE payload->>'applicationId' = $1 ORDER BY occurred_at`, [id]);
type Page = { items: Array<{ applicationId: string; waitingDays: number; resubmitted: boolean; state: string }>; total: number };

beforeAll(async () => {
  service = await startServiceInProcess(env, 'preliminary-review', preliminaryReviewModule);
  rpc = await RpcCaller.connect(env);
  await receive(env, material, a, b, c, d, foreign);
});
afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('the prefecture queue', () => {
  it('M7.2 M7.3 searches, filters and pages on the server within the own prefecture, oldest first with waiting days', async () => {
    const page = await rpc.request<Page>(C.SearchReviewQueue, { batchId, pageSize: 2 }, baotou);
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ applicationId: material.applicationId, waitingDays: 9 });
    const last = await rpc.request<Page>(C.SearchReviewQueue, { batchId, pageSize: 2, page: 3 }, baotou);
    expect(last.items).toHaveLength(1);
    for (const search of ['钕铁硼', '91150200MA0N5NEW1X', 'n52h', '稀土新材料']) {
      const found = await rpc.request<Page>(C.SearchReviewQueue, { batchId, search }, baotou);
      expect(found.items.map((r) => r.applicationId)).toEqual([material.applicationId]);
    }
    const kinds = await rpc.request<Page>(C.SearchReviewQueue, { batchId, productKind: 'FIRST_BATCH_MATERIAL' }, baotou);
    expect(kinds.total).toBe(1);
    const field = await rpc.request<Page>(C.SearchReviewQueue, { batchId, catalogueEntryCode: 'EF04' }, baotou);
    expect(field.items.map((r) => r.applicationId)).toEqual([a.applicationId]);
    expect(field.items[0]).toMatchObject({ product: { catalogueEntryCode: 'EF04' }, flagCount: 1 });
    expect((await rpc.request<Page>(C.SearchReviewQueue, { batchId, catalogueEntryCode: 'EF04' }, hohhot)).total).toBe(0);
    const fromHohhot = await rpc.request<Page>(C.SearchReviewQueue, { batchId, search: '包头' }, hohhot);
    expect(fromHohhot.items.map((r) => r.applicationId)).toEqual([foreign.applicationId]);
    for (const bad of [{ pageSize: 101 }, { page: 0 }, { state: 'DRAFT' }, { sort: 'random' }, { catalogueEntryCode: "EF04' OR 1=1--" }]) {
      expect((await rpc.refusal(C.SearchReviewQueue, bad as never, baotou)).code).toBe('VALIDATION_FAILED');
    }
  });

  it('claims and assigns only to a known officer of the same prefecture, recording who holds it', async () => {
    await rpc.request(C.ClaimReviewCase, { applicationId: b.applicationId }, colleague);
    const claimed = await rpc.request<{ assigneeId: string }>(C.ClaimReviewCase, { applicationId: a.applicationId }, baotou);
    expect(claimed.assigneeId).toBe(baotou.userId);
    const assigned = await rpc.request<{ assigneeId: string; assignedBy: string }>(C.AssignReviewCase, { applicationId: a.applicationId, assigneeId: colleague.userId }, baotou);
    expect(assigned).toMatchObject({ assigneeId: colleague.userId, assignedBy: baotou.userId });
    await rpc.request(C.ClaimReviewCase, { applicationId: foreign.applicationId }, hohhot);
    for (const assigneeId of [hohhot.userId, randomUUID()]) {
      const err = await rpc.refusal(C.AssignReviewCase, { applicationId: a.applicationId, assigneeId }, baotou);
      expect([err.code, err.status]).toEqual(['ASSIGNEE_UNKNOWN', 422]);
    }
    // Whom one can assign to, with their names: the own prefecture's officers only.
    const officers = await rpc.request<Array<{ userId: string; displayName: string | null }>>(C.ListPrefectureOfficers, {}, baotou);
    expect(officers.map((o) => o.userId).sort()).toEqual([baotou.userId, colleague.userId].sort());
    expect(officers.find((o) => o.userId === colleague.userId)?.displayName).toBe('包头市工信局 张科长');
    expect((await rpc.request<Array<{ userId: string }>>(C.ListPrefectureOfficers, {}, hohhot)).map((o) => o.userId)).toEqual([hohhot.userId]);
    expect((await rpc.refusal(C.ListPrefectureOfficers, {}, actors.department())).status).toBe(403);
  });
});

describe('formal review', () => {
  it('M5.1 M7.4 shows the credit answer at submission and intake\'s flags; without a yes/no the credit report is to be verified', async () => {
    type Case = { credit: Record<string, unknown> | null; flags: Array<{ code: string }> };
    const unanswered = await rpc.request<Case>(C.GetReviewCase, { applicationId: a.applicationId }, baotou);
    expect(unanswered.credit).toMatchObject({ source: 'credit-platform', note: 'HTTP 503', verifyCreditReport: true });
    expect(unanswered.flags.map((f) => f.code)).toEqual(['M5.1_USCC_CHECK_CHARACTER']);
    const answered = await rpc.request<Case>(C.GetReviewCase, { applicationId: b.applicationId }, baotou);
    expect(answered.credit).toMatchObject({ seriousDishonesty: false, abnormalOperations: false, reference: 'CP-0001', verifyCreditReport: false });
    expect(answered.flags).toEqual([]);
    // An event from before these facts were sent: no credit answer on record, nothing to show.
    expect((await rpc.request<Case>(C.GetReviewCase, { applicationId: c.applicationId }, baotou)).credit).toBeNull();
  });

  it('M7.4 M5.5 lists the domain checklist, records verdicts and comments; the institution check is required where M5.5 asks', async () => {
    const sheet = await rpc.request<{ items: Array<{ slotId: string; conditionUnknown: boolean; qualifiedInstitutionRequired: boolean }> }>(C.GetFormalReview, { applicationId: a.applicationId }, baotou);
    const slots = sheet.items.map((i) => i.slotId);
    expect(slots).toEqual(expect.arrayContaining(['applicationForm', 'creditReport', 'testReport', 'noveltySearchReport', 'productionLicence', 'cccCertificate', 'ipContracts']));
    expect(sheet.items.find((i) => i.slotId === 'cccCertificate')).toMatchObject({ conditionUnknown: true });
    expect(sheet.items.find((i) => i.slotId === 'testReport')).toMatchObject({ qualifiedInstitutionRequired: true });
    const base = { applicationId: a.applicationId, present: true, legible: true, valid: true, consistent: true };
    expect((await rpc.refusal(C.RecordMaterialVerdict, { ...base, slotId: 'testReport' }, baotou)).code).toBe('QUALIFIED_INSTITUTION_REQUIRED');
    expect((await rpc.refusal(C.RecordMaterialVerdict, { ...base, slotId: 'creditReport', qualifiedInstitution: true }, baotou)).code).toBe('QUALIFIED_INSTITUTION_NOT_APPLICABLE');
    const after = await rpc.request<{ items: Array<{ slotId: string; passed: boolean | null; verdict: { comment: string; reviewedBy: string } | null }> }>(
      C.RecordMaterialVerdict, { ...base, slotId: 'testReport', qualifiedInstitution: false, comment: '检测机构无省级资质认定' }, baotou,
    );
    expect(after.items.find((i) => i.slotId === 'testReport')).toMatchObject({ passed: false, verdict: { comment: '检测机构无省级资质认定', reviewedBy: baotou.userId } });
    const blocked = await rpc.refusal(C.RecommendApplication, { applicationId: a.applicationId, opinion: '同意推荐' }, baotou);
    expect([blocked.code, blocked.status]).toEqual(['REVIEW_INCOMPLETE', 422]);
    expect(blocked.error.errors).toContainEqual({ field: 'materials.testReport', rule: 'FAILED', message: expect.stringContaining('审查未通过') });
  });

  it('M12.1 records verification actions with who and when; a future date is refused', async () => {
    const sheet = await rpc.request<{ verifications: Array<{ kind: string; recordedBy: string; performedOn: string }> }>(
      C.RecordVerification, { applicationId: b.applicationId, kind: 'SITE_VISIT', note: '现场核查生产线与样机', performedOn: '2026-11-20' }, baotou,
    );
    expect(sheet.verifications).toEqual([expect.objectContaining({ kind: 'SITE_VISIT', recordedBy: baotou.userId, performedOn: '2026-11-20' })]);
    expect((await rpc.refusal(C.RecordVerification, { applicationId: b.applicationId, kind: 'ORIGINALS_CHECKED', note: '原件', performedOn: future(5) }, baotou)).code).toBe('DATE_IN_FUTURE');
  });
});

describe('decisions and the correction loop', () => {
  it('M7.3 returns with items, articles and a deadline; the resubmission comes back to the queue marked, with its changes and the answer to each item', async () => {
    const items = [{ item: 'testReport', reason: '检测报告出具机构无资质，请补充（M5.5）' }];
    expect((await rpc.refusal(C.ReturnForCorrection, { applicationId: a.applicationId, items, deadline: '2026-01-01', measuresIds: ['M5.5'] }, baotou)).code).toBe('CORRECTION_DEADLINE_INVALID');
    expect((await rpc.refusal(C.ReturnForCorrection, { applicationId: a.applicationId, items, deadline: future(10), measuresIds: ['5.5'] }, baotou)).code).toBe('VALIDATION_FAILED');
    const deadline = future(10);
    const returned = await rpc.request<{ state: string }>(C.ReturnForCorrection, { applicationId: a.applicationId, items, deadline, measuresIds: ['M5.5', 'M7.3'] }, baotou);
    expect(returned.state).toBe('RETURNED_FOR_CORRECTION');
    expect(await outboxOf(a.applicationId)).toEqual([{ subject: 'preliminary-review.application.returned.v1', payload: expect.objectContaining({ items, deadline, returnedBy: baotou.userId }) }]);
    const early = await rpc.refusal(C.RejectApplication, { applicationId: a.applicationId, reason: '逾期未补正', measuresIds: ['M7.3'] }, baotou);
    expect([early.code, early.status]).toEqual(['TRANSITION_GUARD_FAILED', 422]);
    const changes = [{ field: 'materials.testReport', before: 'old.pdf', after: 'new.pdf' }];
    const answers = [{ item: 'testReport', answer: '已更换为有资质机构出具的检测报告' }];
    await publishEvent(env, C.ApplicationResubmitted, { ...a, version: 2, previousVersion: 1, changes, answers, submittedAt: new Date().toISOString() });
    await waitUntilConsumed(env, 'INTAKE_EVENTS', 'preliminary-review-resubmissions');
    const view = await rpc.request<{ state: string; resubmitted: boolean; applicationVersion: number; previousVersion: number; changes: unknown; correction: unknown }>(C.GetReviewCase, { applicationId: a.applicationId }, baotou);
    // What was asked and the enterprise's answer to each item, side by side for the reviewer.
    expect(view).toMatchObject({ state: 'RESUBMITTED', resubmitted: true, applicationVersion: 2, previousVersion: 1, changes, correction: { items, deadline, answers } });
    const queue = await rpc.request<Page>(C.SearchReviewQueue, { batchId, state: 'RESUBMITTED' }, baotou);
    expect(queue.items.map((r) => r.applicationId)).toEqual([a.applicationId]);
  });

  it('M7.3 M12.1 a verdict on files the resubmission replaced no longer counts until the slot is reviewed again', async () => {
    const fresh = submission(BAOTOU, batchId);
    await receive(env, fresh);
    const { applicationId } = fresh;
    const ok = { present: true, legible: true, valid: true, consistent: true };
    await judgeAll(rpc, applicationId, baotou);
    await rpc.request(C.ReturnForCorrection, { applicationId, items: [{ item: 'creditReport', reason: '信用报告已过有效期' }], deadline: future(10), measuresIds: ['M7.4'] }, baotou);
    const file = (id: string, slotId: string, sha: string) => ({ id, slotId, fileName: `${slotId}.pdf`, sha256: sha.repeat(64), size: 1000 });
    const changes = [{ field: 'materials', before: [file('m1', 'creditReport', 'a'), file('m2', 'applicationForm', 'b')], after: [file('m3', 'creditReport', 'c'), file('m2', 'applicationForm', 'b')] }];
    await publishEvent(env, C.ApplicationResubmitted, { ...fresh, version: 2, previousVersion: 1, changes, submittedAt: new Date().toISOString() });
    await waitUntilConsumed(env, 'INTAKE_EVENTS', 'preliminary-review-resubmissions');
    type Sheet = { items: Array<{ slotId: string; passed: boolean | null; stale: boolean }> };
    const slot = (sheet: Sheet, id: string) => sheet.items.find((i) => i.slotId === id);
    const sheet = await rpc.request<Sheet>(C.GetFormalReview, { applicationId }, baotou);
    expect(slot(sheet, 'creditReport')).toMatchObject({ passed: false, stale: true });
    expect(slot(sheet, 'applicationForm')).toMatchObject({ passed: true, stale: false });
    const refused = await rpc.refusal(C.RecommendApplication, { applicationId, opinion: '同意推荐' }, baotou);
    expect([refused.code, refused.status]).toEqual(['REVIEW_INCOMPLETE', 422]);
    expect(refused.error.errors?.find((e) => e.field === 'materials.creditReport')).toMatchObject({ rule: 'STALE' });
    expect(refused.error.errors?.some((e) => e.field === 'materials.applicationForm')).toBe(false);
    const again = await rpc.request<Sheet>(C.RecordMaterialVerdict, { applicationId, slotId: 'creditReport', ...ok }, baotou);
    expect(slot(again, 'creditReport')).toMatchObject({ passed: true, stale: false });
    // The conditions were judged on the returned version: the corrected one is judged again (M12.1).
    await judgeAll(rpc, applicationId, baotou);
    expect((await rpc.request<{ state: string }>(C.RecommendApplication, { applicationId, opinion: '同意推荐' }, baotou)).state).toBe('RECOMMENDED');
  });

  it('M7.3 M12.1 rejects with the article, final for the batch; a withdrawal leaves the active queue (M7.1)', async () => {
    const rejected = await rpc.request<{ state: string; measuresIds: string[] }>(C.RejectApplication, { applicationId: c.applicationId, reason: '产品为自用研制（M6.1）', measuresIds: ['M6.1'] }, baotou);
    expect(rejected).toMatchObject({ state: 'REJECTED_AT_PRELIMINARY_REVIEW', measuresIds: ['M6.1'] });
    expect((await outboxOf(c.applicationId))[0]).toMatchObject({ subject: 'preliminary-review.application.rejected.v1', payload: { measuresIds: ['M6.1'] } });
    expect((await rpc.refusal(C.RecommendApplication, { applicationId: c.applicationId, opinion: '同意' }, baotou)).code).toBe('ILLEGAL_TRANSITION');
    await publishEvent(env, C.ApplicationWithdrawn, { applicationId: d.applicationId, withdrawnAt: new Date().toISOString() });
    await waitUntilConsumed(env, 'INTAKE_EVENTS', 'preliminary-review-withdrawals');
    expect(await stateOf(d.applicationId)).toBe('WITHDRAWN');
    const active = await rpc.request<Page>(C.SearchReviewQueue, { batchId }, baotou);
    expect(active.items.some((r) => r.applicationId === d.applicationId)).toBe(false);
  });

  it('two-step approval: the drafter cannot approve; another officer of the prefecture does, then the event goes out', async () => {
    expect(await rpc.request(C.SetApprovalSetting, { twoStepApproval: true }, baotou)).toEqual({ prefectureId: BAOTOU, twoStepApproval: true });
    await judgeAll(rpc, b.applicationId, baotou);
    const drafted = await rpc.request<{ state: string; draft: { kind: string } }>(C.RecommendApplication, { applicationId: b.applicationId, opinion: '同意推荐' }, baotou);
    expect(drafted).toMatchObject({ state: 'SUBMITTED', draft: { kind: 'RECOMMEND' } });
    expect(await outboxOf(b.applicationId)).toEqual([]);
    expect((await rpc.refusal(C.RejectApplication, { applicationId: b.applicationId, reason: 'x', measuresIds: ['M7.3'] }, colleague)).code).toBe('DECISION_DRAFT_PENDING');
    expect((await rpc.refusal(C.ApproveDecision, { applicationId: b.applicationId }, baotou)).code).toBe('APPROVER_MUST_DIFFER');
    expect((await rpc.refusal(C.ApproveDecision, { applicationId: b.applicationId }, hohhot)).status).toBe(404);
    const approved = await rpc.request<{ state: string; approvedBy: string; decidedBy: string }>(C.ApproveDecision, { applicationId: b.applicationId }, colleague);
    expect(approved).toMatchObject({ state: 'RECOMMENDED', approvedBy: colleague.userId, decidedBy: baotou.userId });
    expect((await outboxOf(b.applicationId)).map((r) => r.subject)).toEqual(['preliminary-review.application.recommended.v1']);
    expect((await rpc.refusal(C.ApproveDecision, { applicationId: b.applicationId }, colleague)).code).toBe('NO_DRAFT');
    await rpc.request(C.SetApprovalSetting, { twoStepApproval: false }, baotou);
  });

  it('two-step approval: the approver sends a draft back with a reason, the drafter withdraws one; the case is open again', async () => {
    const fresh = submission(BAOTOU, batchId);
    await receive(env, fresh);
    await rpc.request(C.SetApprovalSetting, { twoStepApproval: true }, baotou);
    try {
      type Case = { state: string; version: number; draft: unknown; draftDiscarded: Record<string, unknown> | null };
      await rpc.request(C.RejectApplication, { applicationId: fresh.applicationId, reason: '研发完成时间超过两年', measuresIds: ['M6.5'] }, baotou);
      for (const [input, code] of [[{ reason: '' }, 'VALIDATION_FAILED'], [{}, 'VALIDATION_FAILED']] as const) {
        expect((await rpc.refusal(C.DiscardDecisionDraft, { applicationId: fresh.applicationId, ...input } as never, colleague)).code).toBe(code);
      }
      expect((await rpc.refusal(C.DiscardDecisionDraft, { applicationId: fresh.applicationId, reason: '越权' }, hohhot)).status).toBe(404);
      const sentBack = await rpc.request<Case>(C.DiscardDecisionDraft, { applicationId: fresh.applicationId, reason: '研发完成时间有误，请核对原件' }, colleague);
      expect(sentBack).toMatchObject({ state: 'SUBMITTED', draft: null, draftDiscarded: { kind: 'REJECT', how: 'SENT_BACK_BY_APPROVER', by: colleague.userId, draftedBy: baotou.userId, reason: '研发完成时间有误，请核对原件' } });
      expect((await rpc.refusal(C.ApproveDecision, { applicationId: fresh.applicationId }, colleague)).code).toBe('NO_DRAFT');
      expect((await rpc.refusal(C.DiscardDecisionDraft, { applicationId: fresh.applicationId, reason: '再次' }, colleague)).code).toBe('NO_DRAFT');

      // A new draft is possible; its drafter can withdraw it too. Nothing left the prefecture.
      await judgeAll(rpc, fresh.applicationId, baotou);
      await rpc.request(C.RecommendApplication, { applicationId: fresh.applicationId, opinion: '同意推荐' }, baotou);
      const withdrawn = await rpc.request<Case>(C.DiscardDecisionDraft, { applicationId: fresh.applicationId, reason: '意见需补充' }, baotou);
      expect(withdrawn.draftDiscarded).toMatchObject({ kind: 'RECOMMEND', how: 'WITHDRAWN_BY_DRAFTER' });
      expect(await outboxOf(fresh.applicationId)).toEqual([]);
      expect((await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM "${schema()}".audit_records WHERE action = 'review.draft.discard' AND object_id = $1 AND outcome = 'succeeded'`, [fresh.applicationId]))[0].n).toBe(2);
    } finally {
      await rpc.request(C.SetApprovalSetting, { twoStepApproval: false }, baotou);
    }
  });
});

it('M7.2 every route refuses another prefecture\'s application as not found, like a guessed id, and changes nothing', async () => {
  const before = await sql(env, `SELECT id, state, version, assignee_id FROM "${schema()}".review_cases ORDER BY id`);
  const verdict = { slotId: 'creditReport', present: true, legible: true, valid: true, consistent: true };
  for (const applicationId of [material.applicationId, randomUUID()]) {
    const calls: Array<[C.MessageContract<object>, object]> = [
      [C.GetReviewCase, {}], [C.GetFormalReview, {}], [C.ClaimReviewCase, {}], [C.AssignReviewCase, { assigneeId: hohhot.userId }],
      [C.RecordMaterialVerdict, verdict], [C.RecordVerification, { kind: 'SITE_VISIT', note: '越权', performedOn: '2026-11-01' }],
      [C.RecommendApplication, { opinion: '越权' }], [C.RejectApplication, { reason: '越权', measuresIds: ['M7.3'] }],
      [C.ReturnForCorrection, { items: [{ item: 'x', reason: 'y' }], deadline: future(5), measuresIds: ['M7.3'] }], [C.ApproveDecision, {}],
      [C.DiscardDecisionDraft, { reason: '越权' }],
    ];
    for (const [contract, extra] of calls) {
      const err = await rpc.refusal(contract, { applicationId, ...extra }, hohhot);
      expect([contract.subject, err.code, err.status]).toEqual([contract.subject, 'NOT_FOUND', 404]);
    }
  }
  const seen = await rpc.request<Page>(C.SearchReviewQueue, { search: material.product.model }, hohhot);
  expect(seen.total).toBe(0);
  expect(await sql(env, `SELECT id, state, version, assignee_id FROM "${schema()}".review_cases ORDER BY id`)).toEqual(before);
  expect((await rpc.refusal(C.SearchReviewQueue, {}, actors.enterprise('91150200MA0N4KXX4C'))).status).toBe(403);
});
