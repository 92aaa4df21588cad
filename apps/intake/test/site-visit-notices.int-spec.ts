import { randomUUID } from 'node:crypto';
import { ListNotifications, SiteVisitCancelled, SiteVisitConcluded, SiteVisitScheduled } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, count, openBatch, OTHER_USCC, registerEnterprise, submittedApplication } from './helpers';

// Issue 17 item 5: the enterprise hears of the institution's on-site verification (M8.2) in its
// inbox — the notice with date, place and what to prepare (how many experts, not who), a change,
// a cancellation, the conclusion.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let batchId: string;
const enterprise = actors.enterprise(BAOTOU_USCC);
const other = actors.enterprise(OTHER_USCC);

interface Inbox { items: Array<{ applicationId: string; kind: string; title: { zh: string; en: string }; body: string }> }
const inbox = async (actor = enterprise) => (await rpc.request<Inbox>(ListNotifications, { pageSize: 50 }, actor)).items;

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  batchId = (await openBatch(rpc, actors.department())).id;
  await registerEnterprise(rpc, enterprise);
  await registerEnterprise(rpc, other, '150102');
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('on-site verification notices (M8.2)', () => {
  it('M8.2 the enterprise is notified of a visit, its revision, its cancellation and a conclusion; each event once', async () => {
    const app = await submittedApplication(rpc, enterprise, batchId);
    const visitId = randomUUID();
    const at = new Date().toISOString();
    const scheduled = { visitId, applicationId: app.id, visitOn: '2026-12-20', address: '包头市青山区装备产业园', notice: '请准备检测报告原件', memberCount: 3, scheduledAt: at };
    const eventId = randomUUID();
    await publishEvent(env, SiteVisitScheduled, scheduled, { eventId });
    await publishEvent(env, SiteVisitScheduled, scheduled, { eventId, msgId: randomUUID() }); // redelivered
    await publishEvent(env, SiteVisitScheduled, { ...scheduled, visitOn: '2026-12-22', revised: true });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-site-visit-scheduled');
    await publishEvent(env, SiteVisitCancelled, { visitId, applicationId: app.id, visitOn: '2026-12-22', reason: '企业停产检修', cancelledAt: at });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-site-visit-cancelled');
    await publishEvent(env, SiteVisitConcluded, { visitId: randomUUID(), applicationId: app.id, visitOn: '2026-12-28', conclusion: 'confirmed_with_reservations', findingCount: 2, concludedAt: at });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-site-visit-concluded');
    const mine = (await inbox()).filter((n) => n.applicationId === app.id);
    expect(mine.map((n) => n.kind).sort()).toEqual(['site_visit_cancelled', 'site_visit_concluded', 'site_visit_revised', 'site_visit_scheduled']);
    const notice = mine.find((n) => n.kind === 'site_visit_scheduled')!;
    expect(notice.title).toEqual({ zh: '现场核查通知', en: 'On-site verification scheduled' });
    expect(notice.body).toContain('2026-12-20');
    expect(notice.body).toContain('包头市青山区装备产业园');
    expect(notice.body).toContain('请准备检测报告原件');
    expect(notice.body).toContain('3 人');
    expect(mine.find((n) => n.kind === 'site_visit_revised')!.body).toContain('2026-12-22');
    expect(mine.find((n) => n.kind === 'site_visit_cancelled')!.body).toContain('企业停产检修');
    expect(mine.find((n) => n.kind === 'site_visit_concluded')!.body).toContain('基本属实，存在问题');
    expect((await inbox(other)).filter((n) => n.applicationId === app.id)).toEqual([]);
  });

  it('M8.2 a visit of an application intake does not hold is ignored', async () => {
    const before = await count(env, 'notifications');
    await publishEvent(env, SiteVisitScheduled, { visitId: randomUUID(), applicationId: randomUUID(), visitOn: '2026-12-20', address: '某地', notice: '—', memberCount: 1, scheduledAt: new Date().toISOString() });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-site-visit-scheduled');
    expect(await count(env, 'notifications')).toBe(before);
  });
});
