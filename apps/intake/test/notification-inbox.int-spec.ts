import { ListNotifications, MarkAllNotificationsRead, MarkNotificationRead } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, openBatch, OTHER_USCC, registerEnterprise, submitAndReturn } from './helpers';

// The enterprise's inbox, paged on the server: unread notices first, mark one or all read.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);

interface Inbox {
  unread: number;
  total: number;
  page: number;
  pageSize: number;
  items: Array<{ id: string; applicationId: string; kind: string; title: { zh: string; en: string }; readAt: string | null }>;
}
const inbox = (query: Record<string, unknown> = {}, actor = enterprise) => rpc.request<Inbox>(ListNotifications, query as never, actor);

let notices: string[] = []; // newest first

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  const batchId = (await openBatch(rpc, actors.department())).id;
  await registerEnterprise(rpc, enterprise);
  for (let i = 0; i < 5; i++) await submitAndReturn(env, rpc, enterprise, batchId);
  notices = (await inbox({ pageSize: 100 })).items.map((n) => n.id);
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('the notification inbox', () => {
  it('pages on the server with unread notices first, each part newest first, never repeating one', async () => {
    expect(notices).toHaveLength(5);
    // The newest and the third become read: the unread part is then notices 1, 3, 4.
    for (const id of [notices[0], notices[2]]) await rpc.request(MarkNotificationRead, { notificationId: id }, enterprise);
    const pages = await Promise.all([1, 2, 3].map((page) => inbox({ page, pageSize: 2 })));
    expect(pages.map((p) => [p.unread, p.total, p.page, p.pageSize])).toEqual([[3, 5, 1, 2], [3, 5, 2, 2], [3, 5, 3, 2]]);
    expect(pages.flatMap((p) => p.items.map((n) => n.id))).toEqual([notices[1], notices[3], notices[4], notices[0], notices[2]]);
    expect(pages.flatMap((p) => p.items.map((n) => n.readAt === null))).toEqual([true, true, true, false, false]);
    expect(pages[0].items[0]).toMatchObject({ kind: 'returned', title: { zh: '申请被退回补正', en: 'Application returned for correction' } });
    const beyond = await inbox({ page: 9, pageSize: 2 });
    expect([beyond.items, beyond.total]).toEqual([[], 5]);
    const unreadOnly = await inbox({ unreadOnly: true, pageSize: 100 });
    expect([unreadOnly.items.map((n) => n.id), unreadOnly.total]).toEqual([[notices[1], notices[3], notices[4]], 3]);
  });

  it('marks every unread notice read at once, keeping the time of those read before, and only the own enterprise\'s', async () => {
    const before = await inbox({ pageSize: 100 });
    const readBefore = before.items.filter((n) => n.readAt).map((n) => [n.id, n.readAt]);
    expect(await rpc.request(MarkAllNotificationsRead, {}, actors.enterprise(OTHER_USCC))).toMatchObject({ marked: 0 });
    expect((await inbox()).unread).toBe(before.unread);
    const all = await rpc.request<{ marked: number }>(MarkAllNotificationsRead, {}, enterprise);
    expect(all.marked).toBe(before.unread);
    const after = await inbox({ pageSize: 100 });
    expect([after.unread, after.items.every((n) => n.readAt)]).toEqual([0, true]);
    for (const [id, at] of readBefore) expect(after.items.find((n) => n.id === id)?.readAt).toBe(at);
    expect((await inbox({}, actors.enterprise(OTHER_USCC))).items).toEqual([]);
  });

  it('refuses a page out of range in the user\'s language, and any other role', async () => {
    const bad = await rpc.refusal(ListNotifications, { page: 0, pageSize: 500, unreadOnly: 'maybe' } as never, enterprise);
    expect([bad.code, bad.status]).toEqual(['VALIDATION_FAILED', 400]);
    expect(bad.error.errors).toEqual(
      expect.arrayContaining([
        { field: 'page', message: '不能小于 1 / must be at least 1', rule: 'min' },
        { field: 'pageSize', message: '不能大于 100 / must be at most 100', rule: 'max' },
        { field: 'unreadOnly', message: '须为“是”或“否” / must be true or false', rule: 'isBoolean' },
      ]),
    );
    expect((await rpc.refusal(MarkAllNotificationsRead, {}, actors.department())).status).toBe(403);
  });
});
