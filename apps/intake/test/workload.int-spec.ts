import { GetIntakeWorkload, ListNotifications, ListOwnApplications, MarkNotificationRead } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, createApplication, openBatch, OTHER_USCC, registerEnterprise, submitAndReturn } from './helpers';

// The workspace home's part from intake (ADR 0030): counts per role and binding, each equal to
// the list it links to.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);
const other = actors.enterprise(OTHER_USCC);

interface Workload {
  items: Array<{ key: string; count: number; nextDeadline: string | null }>;
}
const workload = async (actor = enterprise) => Object.fromEntries((await rpc.request<Workload>(GetIntakeWorkload, {}, actor)).items.map((i) => [i.key, i]));
const listed = async (state: string, actor = enterprise) => (await rpc.request<{ total: number }>(ListOwnApplications, { state, pageSize: 100 }, actor)).total;
const unreadListed = async (actor = enterprise) => (await rpc.request<{ total: number }>(ListNotifications, { unreadOnly: true, pageSize: 100 }, actor)).total;

let returnedDeadlines: string[] = [];

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  const batchId = (await openBatch(rpc, actors.department())).id;
  // A batch whose window has closed, and one not yet open: neither is the Department's open work.
  // (one batch a year, M7.1: last year's and next year's, each in mid-June of its year)
  const year = new Date().getFullYear();
  const june = (y: number, d: number) => Date.UTC(y, 5, d) - Date.now();
  await openBatch(rpc, actors.department(), year - 1, june(year - 1, 10), june(year - 1, 20));
  await openBatch(rpc, actors.department(), year + 1, june(year + 1, 10), june(year + 1, 20));
  await registerEnterprise(rpc, enterprise);
  await registerEnterprise(rpc, other, '150105');
  for (let i = 0; i < 2; i++) await createApplication(rpc, enterprise, batchId);
  for (let i = 0; i < 2; i++) returnedDeadlines.push((await submitAndReturn(env, rpc, enterprise, batchId)).returned.deadline);
  await createApplication(rpc, other, batchId);
  returnedDeadlines = returnedDeadlines.sort();
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('intake workload (workspace home, ADR 0030)', () => {
  it('M7.3 counts the enterprise\'s drafts, returned applications with the nearest correction deadline, and unread notices, each equal to its list', async () => {
    const w = await workload();
    expect(w['enterprise.drafts']).toEqual({ key: 'enterprise.drafts', count: 2, nextDeadline: null });
    expect(w['enterprise.returned']).toEqual({ key: 'enterprise.returned', count: 2, nextDeadline: returnedDeadlines[0] });
    expect(w['enterprise.unreadNotices'].count).toBe(2);
    expect([w['enterprise.drafts'].count, w['enterprise.returned'].count, w['enterprise.unreadNotices'].count]).toEqual([
      await listed('DRAFT'),
      await listed('RETURNED_FOR_CORRECTION'),
      await unreadListed(),
    ]);
    // Reading a notice takes it off the home.
    const [first] = (await rpc.request<{ items: Array<{ id: string }> }>(ListNotifications, { unreadOnly: true }, enterprise)).items;
    await rpc.request(MarkNotificationRead, { notificationId: first.id }, enterprise);
    expect((await workload())['enterprise.unreadNotices'].count).toBe(1);
    expect(await unreadListed()).toBe(1);
  });

  it('shows another enterprise none of the first one\'s work', async () => {
    const w = await workload(other);
    expect([w['enterprise.drafts'].count, w['enterprise.returned'].count, w['enterprise.unreadNotices'].count]).toEqual([1, 0, 0]);
    expect(w['enterprise.returned'].nextDeadline).toBeNull();
  });

  it('M7.1 counts for the Department and the auditor the batches whose window is open now, with the nearest closing day', async () => {
    for (const actor of [actors.department(), actors.auditor()]) {
      const w = await workload(actor);
      expect(Object.keys(w)).toEqual(['department.openBatches']);
      expect(w['department.openBatches'].count).toBe(1);
      expect(w['department.openBatches'].nextDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('refuses the roles that have no work in intake (403) and a payload with unknown fields (400)', async () => {
    for (const actor of [actors.prefecture('150200'), actors.expert('e-1'), actors.institution('i-1')]) {
      expect((await rpc.refusal(GetIntakeWorkload, {}, actor)).status).toBe(403);
    }
    const hostile = await rpc.refusal(GetIntakeWorkload, { enterpriseUscc: OTHER_USCC } as never, enterprise);
    expect(hostile.status).toBe(400);
  });
});
