import { randomUUID } from 'node:crypto';
import {
  ApplicationRejected,
  ApplicationReturned,
  ApplicationReturnedV1,
  CheckApplication,
  GetApplication,
  ListApplicationVersions,
  ListNotifications,
  MarkNotificationRead,
  ResubmitApplication,
  UpdateApplicationDraft,
  WithdrawApplication,
} from '@firstset/contracts';
import {
  actors, cleanupTestEnv, CURRENT_PLEDGE_VERSION, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed,
} from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { AppView, BAOTOU_USCC, completeDraft, count, createApplication, day, openBatch, OTHER_USCC, registerEnterprise, saveDraft, submitDraft } from './helpers';

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let batchId: string;
const enterprise = actors.enterprise(BAOTOU_USCC);
const department = actors.department();
const chinaDate = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * day).toISOString().slice(0, 10);

const view = (applicationId: string, actor = enterprise) => rpc.request<AppView>(GetApplication, { applicationId }, actor);
const outboxOf = (applicationId: string) =>
  sql<{ subject: string; payload: Record<string, unknown> }>(env, `SELECT subject, payload FROM "${schemaOf(env, 'intake')}".outbox_events WHERE payload->>'applicationId' = $1 ORDER BY occurred_at`, [applicationId]);

async function submitted(): Promise<AppView> {
  const app = await createApplication(rpc, enterprise, batchId);
  await completeDraft(rpc, enterprise, app);
  const receipt = await submitDraft(rpc, enterprise, app.id);
  // The draft path's receipt carries the content hash too, the same as the stored version 1's.
  const [v1] = await rpc.request<Array<{ contentSha256: string }>>(ListApplicationVersions, { applicationId: app.id }, enterprise);
  expect(receipt.contentSha256).toBe(v1.contentSha256);
  return app;
}

const returned = (applicationId: string, deadline = chinaDate(10)): ApplicationReturnedV1 => ({
  applicationId,
  items: [{ item: 'productName', reason: '产品名称与检测报告不一致' }, { item: 'testReport', reason: '检测报告缺少资质证书页' }],
  deadline,
  returnedBy: 'officer-baotou',
  returnedAt: new Date().toISOString(),
});

const ANSWERS = [
  { item: 'productName', answer: '已按检测报告更正产品名称' },
  { item: 'testReport', answer: '已补充检测机构资质证书页' },
];

/** The enterprise answers every item of the return with its autosave, as the form does. */
async function answerAll(applicationId: string) {
  const v = await view(applicationId);
  return saveDraft(rpc, enterprise, { applicationId, expectedRevision: v.revision, correctionAnswers: ANSWERS });
}

async function returnApp(applicationId: string, deadline?: string, eventId?: string) {
  await publishEvent(env, ApplicationReturned, returned(applicationId, deadline), { eventId });
  return eventually(() => view(applicationId), (v) => v.state === 'RETURNED_FOR_CORRECTION', { what: 'the return' });
}

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  batchId = (await openBatch(rpc, department)).id;
  await registerEnterprise(rpc, enterprise);
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('the correction loop (M7.3)', () => {
  it('M7.3 a return keeps its items and deadline for the enterprise and puts a notice in its inbox, once even when redelivered', async () => {
    const app = await submitted();
    const eventId = randomUUID();
    const v = await returnApp(app.id, chinaDate(10), eventId);
    expect(v.correction).toMatchObject({ deadline: chinaDate(10), items: [{ item: 'productName' }, { item: 'testReport' }] });
    await publishEvent(env, ApplicationReturned, returned(app.id), { eventId, msgId: randomUUID() });
    await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'intake-corrections-returned');
    expect(await count(env, 'application_history', "application_id = $1 AND to_state = 'RETURNED_FOR_CORRECTION'", [app.id])).toBe(1);
    const inbox = await rpc.request<{ unread: number; items: Array<{ id: string; kind: string; applicationId: string; body: string }> }>(ListNotifications, {}, enterprise);
    const notices = inbox.items.filter((n) => n.applicationId === app.id);
    expect(notices).toEqual([expect.objectContaining({ kind: 'returned' })]);
    expect(notices[0].body).toContain(chinaDate(10));
    // Each language's half names every request in words (the material's name, not its id), with the prefecture's reason.
    const [zhHalf, enHalf] = notices[0].body.split(' / ');
    expect(zhHalf).toMatch(/1\. 申报书内容：产品名称与检测报告不一致；2\. .*检测报告.*：检测报告缺少资质证书页/);
    expect(zhHalf).not.toMatch(/[A-Za-z]{2,}/);
    expect(enHalf).toMatch(/Requests: 1\. application form \(productName\): 产品名称与检测报告不一致; 2\. .*test report.*: 检测报告缺少资质证书页/i);
    expect((await rpc.refusal(MarkNotificationRead, { notificationId: notices[0].id }, actors.enterprise(OTHER_USCC))).status).toBe(404);
    const read = await rpc.request<{ readAt: string }>(MarkNotificationRead, { notificationId: notices[0].id }, enterprise);
    expect(read.readAt).toBeTruthy();
    expect((await rpc.request<{ items: unknown[] }>(ListNotifications, {}, actors.enterprise(OTHER_USCC))).items).toEqual([]);
  });

  it('M7.3 the enterprise revises and resubmits before the deadline as a new version, with the differences for the reviewer', async () => {
    const app = await submitted();
    const r = await returnApp(app.id);
    await rpc.request(UpdateApplicationDraft, { applicationId: app.id, expectedRevision: r.revision, productName: '240吨电动轮矿用自卸车', declarations: { safetyAccidentDates: ['2020-01-01'] } }, enterprise);
    await answerAll(app.id);
    const resubmitted = await rpc.request<AppView & { contentSha256: string }>(ResubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect([resubmitted.state, resubmitted.version]).toEqual(['RESUBMITTED', 2]);
    const versions = await rpc.request<Array<{ version: number; changes: unknown[]; snapshot: { productName: string }; contentSha256: string }>>(
      ListApplicationVersions, { applicationId: app.id }, actors.prefecture('150200'),
    );
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    // The resubmission's receipt hash is version 2's, recomputable from what is stored; version 1's differs.
    expect(versions[1].contentSha256).toBe(resubmitted.contentSha256);
    expect(versions[0].contentSha256).not.toBe(resubmitted.contentSha256);
    expect(versions[0].snapshot.productName).toBe('大型矿用自卸车');
    expect(versions[1].changes).toEqual([
      { field: 'declarations.safetyAccidentDates', before: [], after: ['2020-01-01'] },
      { field: 'productName', before: '大型矿用自卸车', after: '240吨电动轮矿用自卸车' },
    ]);
    expect((await rpc.refusal(ListApplicationVersions, { applicationId: app.id }, actors.prefecture('150100'))).status).toBe(404);
    const events = await outboxOf(app.id);
    expect(events.map((e) => e.subject)).toEqual(['intake.application.submitted.v1', 'intake.application.resubmitted.v1']);
    expect(events[1].payload).toMatchObject({ version: 2, previousVersion: 1, changes: versions[1].changes, answers: ANSWERS });
    const again = await rpc.refusal(ResubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect([again.code, again.status]).toEqual(['ILLEGAL_TRANSITION', 409]);
  });

  it('M10.1 a resubmission signs the truthfulness pledge again: missing (400) or outdated (422) is refused at its field and changes nothing; the signed one is kept with version 2 and on the receipt', async () => {
    const app = await submitted();
    await returnApp(app.id);
    await answerAll(app.id);
    const before = { versions: await count(env, 'application_versions', 'application_id = $1', [app.id]), outbox: (await outboxOf(app.id)).length };
    const unsigned = await rpc.refusal(ResubmitApplication, { applicationId: app.id } as never, enterprise);
    expect([unsigned.code, unsigned.status, unsigned.error.errors?.map((e) => e.field)]).toEqual(['VALIDATION_FAILED', 400, expect.arrayContaining(['pledgeVersion'])]);
    const outdated = await rpc.refusal(ResubmitApplication, { applicationId: app.id, pledgeVersion: 'old-1' }, enterprise);
    expect([outdated.code, outdated.status, outdated.error.errors?.map((e) => e.field)]).toEqual(['PLEDGE_VERSION_OUTDATED', 422, ['pledgeVersion']]);
    expect((await view(app.id)).state).toBe('RETURNED_FOR_CORRECTION');
    expect({ versions: await count(env, 'application_versions', 'application_id = $1', [app.id]), outbox: (await outboxOf(app.id)).length }).toEqual(before);

    const receipt = await rpc.request<AppView & { pledge: { version: string; textZh: string; signedAt: string } }>(
      ResubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise,
    );
    expect(receipt.pledge).toMatchObject({ version: CURRENT_PLEDGE_VERSION, textZh: expect.stringContaining('真实') });
    const versions = await rpc.request<Array<{ version: number; pledge: { version: string; signedAt: string } | null }>>(ListApplicationVersions, { applicationId: app.id }, enterprise);
    expect(versions.map((v) => [v.version, v.pledge?.version])).toEqual([[1, CURRENT_PLEDGE_VERSION], [2, CURRENT_PLEDGE_VERSION]]);
    // Signed anew at the resubmission, not copied from version 1.
    expect(versions[1].pledge?.signedAt).toBe(receipt.pledge.signedAt);
    expect(versions[1].pledge?.signedAt).not.toBe(versions[0].pledge?.signedAt);
  });

  it('M7.3 every item is answered one by one before resubmitting: the check names each unanswered item at its field, and the resubmission is refused until then', async () => {
    const app = await submitted();
    const r = await returnApp(app.id);
    const check = await rpc.request<{ canSubmit: boolean; problems: Array<{ code: string; field?: string; measuresId: string; message: string }> }>(CheckApplication, { applicationId: app.id }, enterprise);
    const unanswered = check.problems.filter((p) => p.code === 'M7.3_CORRECTION_UNANSWERED');
    expect(unanswered.map((p) => [p.field, p.measuresId])).toEqual([['correctionAnswers.0', 'M7.3'], ['correctionAnswers.1', 'M7.3']]);
    expect(unanswered[1].message).toContain('检测报告缺少资质证书页');
    expect(check.canSubmit).toBe(false);

    // One answer saved (a blank one does not count): the other item is still asked for.
    const one = await saveDraft(rpc, enterprise, {
      applicationId: app.id, expectedRevision: r.revision, correctionAnswers: [{ item: 'productName', answer: '  已更正  ' }, { item: 'testReport', answer: '   ' }],
    });
    expect(one.correction?.answers).toEqual([{ item: 'productName', answer: '已更正' }]);
    const refused = await rpc.refusal(ResubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect([refused.code, refused.status]).toEqual(['PRE_SUBMISSION_CHECK_FAILED', 422]);
    expect(refused.error.errors?.map((e) => e.field)).toContain('correctionAnswers.1');
    expect((await view(app.id)).state).toBe('RETURNED_FOR_CORRECTION');

    // A later save replaces only the items it names.
    await rpc.request(UpdateApplicationDraft, { applicationId: app.id, expectedRevision: one.revision, correctionAnswers: [{ item: 'testReport', answer: '已补充' }] }, enterprise);
    const saved = await view(app.id);
    expect(saved.correction?.answers).toEqual([{ item: 'productName', answer: '已更正' }, { item: 'testReport', answer: '已补充' }]);
    const done = await rpc.request<AppView>(ResubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect(done.state).toBe('RESUBMITTED');
    const events = await outboxOf(app.id);
    expect(events[1].payload.answers).toEqual([{ item: 'productName', answer: '已更正' }, { item: 'testReport', answer: '已补充' }]);

    // A second return asks afresh: the earlier answers do not answer it.
    await publishEvent(env, ApplicationReturned, { ...returned(app.id), items: [{ item: 'productName', reason: '仍不一致' }] });
    const again = await eventually(() => view(app.id), (v) => v.state === 'RETURNED_FOR_CORRECTION' && v.correction?.items.length === 1);
    expect(again.correction?.answers).toBeUndefined();
  });

  it('M7.3 answers naming an item not asked, one item twice, or sent outside a correction are refused at their field and change nothing', async () => {
    const app = await submitted();
    const r = await returnApp(app.id);
    const bad = await rpc.refusal(UpdateApplicationDraft, {
      applicationId: app.id, expectedRevision: r.revision, productName: '不应保存',
      correctionAnswers: [{ item: 'productName', answer: '甲' }, { item: 'salesContracts', answer: '乙' }, { item: 'productName', answer: '丙' }],
    }, enterprise);
    expect([bad.code, bad.status]).toEqual(['VALIDATION_FAILED', 400]);
    expect(bad.error.errors?.map((e) => e.field)).toEqual(['correctionAnswers.1.item', 'correctionAnswers.2.item']);
    const unchanged = await view(app.id);
    expect([unchanged.revision, unchanged.productName, unchanged.correction?.answers]).toEqual([r.revision, r.productName, undefined]);
    const tooLong = await rpc.refusal(UpdateApplicationDraft, { applicationId: app.id, expectedRevision: r.revision, correctionAnswers: [{ item: 'productName', answer: '长'.repeat(2001) }] }, enterprise);
    expect(tooLong.status).toBe(400);

    const draft = await createApplication(rpc, enterprise, batchId);
    const outside = await rpc.refusal(UpdateApplicationDraft, { applicationId: draft.id, expectedRevision: draft.revision, correctionAnswers: [{ item: 'productName', answer: '甲' }] }, enterprise);
    expect([outside.code, outside.status]).toEqual(['NOT_UNDER_CORRECTION', 409]);
  });

  it('M7.3 after the deadline, neither revision nor resubmission is accepted (422 with the deadline) and nothing changes', async () => {
    const app = await submitted();
    const r = await returnApp(app.id, chinaDate(-1));
    const edit = await rpc.refusal(UpdateApplicationDraft, { applicationId: app.id, expectedRevision: r.revision, productName: 'x' }, enterprise);
    expect([edit.code, edit.status]).toEqual(['CORRECTION_DEADLINE_PASSED', 422]);
    const late = await rpc.refusal(ResubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect([late.code, late.status]).toEqual(['CORRECTION_DEADLINE_PASSED', 422]);
    expect(late.error.title).toContain(chinaDate(-1));
    expect((await view(app.id)).state).toBe('RETURNED_FOR_CORRECTION');
    expect(await count(env, 'application_versions', 'application_id = $1', [app.id])).toBe(1);
  });

  it('M7.3 a rejection closes the application with its reason and articles, and tells the enterprise', async () => {
    const app = await submitted();
    await publishEvent(env, ApplicationRejected, {
      applicationId: app.id, reason: '产品不属于认定范围', measuresIds: ['M4.1', 'M5.4'], rejectedBy: 'officer-baotou', rejectedAt: new Date().toISOString(),
    });
    const v = await eventually(() => view(app.id), (x) => x.state === 'REJECTED_AT_PRELIMINARY_REVIEW');
    expect(v.rejection).toMatchObject({ reason: '产品不属于认定范围', measuresIds: ['M4.1', 'M5.4'] });
    const inbox = await rpc.request<{ items: Array<{ kind: string; applicationId: string }> }>(ListNotifications, {}, enterprise);
    expect(inbox.items.filter((n) => n.applicationId === app.id).map((n) => n.kind)).toEqual(['rejected']);
    expect((await rpc.refusal(ResubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise)).code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('withdrawal (M7.1)', () => {
  it('M7.1 the enterprise withdraws a submitted application; the event goes out once', async () => {
    const app = await submitted();
    const w = await rpc.request<AppView>(WithdrawApplication, { applicationId: app.id, reason: '产品改型，明年再报' }, enterprise);
    expect(w.state).toBe('WITHDRAWN');
    const events = await outboxOf(app.id);
    expect(events.map((e) => e.subject)).toEqual(['intake.application.submitted.v1', 'intake.application.withdrawn.v1']);
    expect(events[1].payload).toMatchObject({ reason: '产品改型，明年再报' });
    expect((await rpc.refusal(WithdrawApplication, { applicationId: app.id }, enterprise)).code).toBe('ILLEGAL_TRANSITION');
  });

  it('M7.1 a return arriving after the withdrawal does not revive the application', async () => {
    const app = await submitted();
    await rpc.request(WithdrawApplication, { applicationId: app.id }, enterprise);
    await publishEvent(env, ApplicationReturned, returned(app.id));
    await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'intake-corrections-returned');
    expect((await view(app.id)).state).toBe('WITHDRAWN');
  });

  it('refuses withdrawal of a draft, by another enterprise, or by an officer, changing nothing', async () => {
    const draft = await createApplication(rpc, enterprise, batchId);
    expect((await rpc.refusal(WithdrawApplication, { applicationId: draft.id }, enterprise)).code).toBe('ILLEGAL_TRANSITION');
    const app = await submitted();
    expect((await rpc.refusal(WithdrawApplication, { applicationId: app.id }, actors.enterprise(OTHER_USCC))).status).toBe(404);
    expect((await rpc.refusal(WithdrawApplication, { applicationId: app.id }, actors.prefecture('150200'))).status).toBe(403);
    expect((await view(app.id)).state).toBe('SUBMITTED');
    expect(await count(env, 'outbox_events', "subject = 'intake.application.withdrawn.v1' AND payload->>'applicationId' = $1", [app.id])).toBe(0);
  });
});
