import { randomUUID } from 'node:crypto';
import {
  ApplicationRejected,
  ApplicationReturned,
  ApplicationReturnedV1,
  GetApplication,
  ListApplicationVersions,
  ListNotifications,
  MarkNotificationRead,
  ResubmitApplication,
  SubmitApplication,
  UpdateApplicationDraft,
  WithdrawApplication,
} from '@firstset/contracts';
import {
  actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed,
} from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { AppView, BAOTOU_USCC, count, createApplication, day, openBatch, OTHER_USCC, registerEnterprise } from './helpers';

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
  await rpc.request(SubmitApplication, { applicationId: app.id }, enterprise);
  return app;
}

const returned = (applicationId: string, deadline = chinaDate(10)): ApplicationReturnedV1 => ({
  applicationId,
  items: [{ item: 'productName', reason: '产品名称与检测报告不一致' }, { item: 'testReport', reason: '检测报告缺少资质证书页' }],
  deadline,
  returnedBy: 'officer-baotou',
  returnedAt: new Date().toISOString(),
});

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
    expect((await rpc.refusal(MarkNotificationRead, { notificationId: notices[0].id }, actors.enterprise(OTHER_USCC))).status).toBe(404);
    const read = await rpc.request<{ readAt: string }>(MarkNotificationRead, { notificationId: notices[0].id }, enterprise);
    expect(read.readAt).toBeTruthy();
    expect((await rpc.request<{ items: unknown[] }>(ListNotifications, {}, actors.enterprise(OTHER_USCC))).items).toEqual([]);
  });

  it('M7.3 the enterprise revises and resubmits before the deadline as a new version, with the differences for the reviewer', async () => {
    const app = await submitted();
    const r = await returnApp(app.id);
    await rpc.request(UpdateApplicationDraft, { applicationId: app.id, expectedRevision: r.revision, productName: '240吨电动轮矿用自卸车', declarations: { ownRd: true } }, enterprise);
    const resubmitted = await rpc.request<AppView>(ResubmitApplication, { applicationId: app.id }, enterprise);
    expect([resubmitted.state, resubmitted.version]).toEqual(['RESUBMITTED', 2]);
    const versions = await rpc.request<Array<{ version: number; changes: unknown[]; snapshot: { productName: string } }>>(
      ListApplicationVersions, { applicationId: app.id }, actors.prefecture('150200'),
    );
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0].snapshot.productName).toBe('大型矿用自卸车');
    expect(versions[1].changes).toEqual([
      { field: 'declarations.ownRd', before: null, after: true },
      { field: 'productName', before: '大型矿用自卸车', after: '240吨电动轮矿用自卸车' },
    ]);
    expect((await rpc.refusal(ListApplicationVersions, { applicationId: app.id }, actors.prefecture('150100'))).status).toBe(404);
    const events = await outboxOf(app.id);
    expect(events.map((e) => e.subject)).toEqual(['intake.application.submitted.v1', 'intake.application.resubmitted.v1']);
    expect(events[1].payload).toMatchObject({ version: 2, previousVersion: 1, changes: versions[1].changes });
    const again = await rpc.refusal(ResubmitApplication, { applicationId: app.id }, enterprise);
    expect([again.code, again.status]).toEqual(['ILLEGAL_TRANSITION', 409]);
  });

  it('M7.3 after the deadline, neither revision nor resubmission is accepted (422 with the deadline) and nothing changes', async () => {
    const app = await submitted();
    const r = await returnApp(app.id, chinaDate(-1));
    const edit = await rpc.refusal(UpdateApplicationDraft, { applicationId: app.id, expectedRevision: r.revision, productName: 'x' }, enterprise);
    expect([edit.code, edit.status]).toEqual(['CORRECTION_DEADLINE_PASSED', 422]);
    const late = await rpc.refusal(ResubmitApplication, { applicationId: app.id }, enterprise);
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
    expect((await rpc.refusal(ResubmitApplication, { applicationId: app.id }, enterprise)).code).toBe('ILLEGAL_TRANSITION');
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
