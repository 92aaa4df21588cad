import { CloseBatchWindow, CreateApplication, ExtendBatchWindow, ListBatches } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, count, day, openBatch, product, registerEnterprise } from './helpers';

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const enterprise = actors.enterprise(BAOTOU_USCC);

interface Batch { id: string; windowClosesAt: string; prefectureDeadline: string; windowChanges: Array<{ kind: string; reason: string; previousClosesAt: string }> }
const batches = () => rpc.request<Batch[]>(ListBatches, {}, undefined);

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  await registerEnterprise(rpc, enterprise);
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('annual batch windows (M7.1)', () => {
  it('M7.1 the Department extends a window with a recorded reason, moving the prefectures\' deadline when needed', async () => {
    const year = new Date().getFullYear() + 5;
    const opens = new Date(`${year}-03-01T00:00:00+08:00`).getTime() - Date.now();
    const batch = await openBatch(rpc, department, year, opens, opens + 30 * day);
    const newClose = new Date(new Date(batch.windowClosesAt).getTime() + 40 * day).toISOString();
    const tooEarly = await rpc.refusal(ExtendBatchWindow, { batchId: batch.id, windowClosesAt: newClose, reason: '系统故障' }, department);
    expect(tooEarly.code).toBe('PREFECTURE_DEADLINE_TOO_EARLY');
    const extended = await rpc.request<Batch>(ExtendBatchWindow, { batchId: batch.id, windowClosesAt: newClose, prefectureDeadline: `${year}-06-30`, reason: '申报系统故障两天，顺延' }, department);
    expect(extended.windowClosesAt).toBe(newClose);
    const listed = (await batches()).find((b) => b.id === batch.id)!;
    expect(listed.windowChanges).toEqual([expect.objectContaining({ kind: 'extend', reason: '申报系统故障两天，顺延', previousClosesAt: batch.windowClosesAt })]);
    expect(await count(env, 'audit_records', "action = 'batch.extend-window' AND outcome = 'succeeded'")).toBe(1);
    // The change goes out for preliminary review, which checks the summaries against the deadline.
    expect(
      await count(env, 'outbox_events', "subject = 'intake.batch.window-changed.v1' AND payload->>'batchId' = $1 AND payload->>'prefectureDeadline' = $2 AND payload->>'kind' = 'extend'", [batch.id, `${year}-06-30`]),
    ).toBe(1);
  });

  it('M7.1 refuses an extension that does not extend, one without a reason, and one by anyone but the Department', async () => {
    const year = new Date().getFullYear() + 6;
    const opens = new Date(`${year}-03-01T00:00:00+08:00`).getTime() - Date.now();
    const batch = await openBatch(rpc, department, year, opens, opens + 30 * day);
    const earlier = new Date(new Date(batch.windowClosesAt).getTime() - day).toISOString();
    expect((await rpc.refusal(ExtendBatchWindow, { batchId: batch.id, windowClosesAt: earlier, reason: '缩短' }, department)).code).toBe('BATCH_WINDOW_CHANGE_INVALID');
    expect((await rpc.refusal(ExtendBatchWindow, { batchId: batch.id, windowClosesAt: batch.windowClosesAt, reason: '' }, department)).code).toBe('VALIDATION_FAILED');
    expect((await rpc.refusal(CloseBatchWindow, { batchId: batch.id, reason: '提前截止' }, enterprise)).status).toBe(403);
    expect((await rpc.refusal(CloseBatchWindow, { batchId: batch.id, reason: '提前截止' }, actors.prefecture('150200'))).status).toBe(403);
    const notOpen = await rpc.refusal(CloseBatchWindow, { batchId: batch.id, reason: '提前截止' }, department);
    expect(notOpen.code).toBe('APPLICATION_WINDOW_NOT_OPEN');
    expect((await batches()).find((b) => b.id === batch.id)!.windowClosesAt).toBe(batch.windowClosesAt);
  });

  it('M7.1 closing early stops applications at once, and the error says when the window closed', async () => {
    const batch = await openBatch(rpc, department);
    await rpc.request(CreateApplication, product(batch.id), enterprise);
    const closed = await rpc.request<Batch>(CloseBatchWindow, { batchId: batch.id, reason: '名额已满，经厅务会研究提前截止' }, department);
    expect(new Date(closed.windowClosesAt).getTime()).toBeLessThan(new Date(batch.windowClosesAt).getTime());
    const err = await rpc.refusal(CreateApplication, product(batch.id), enterprise);
    expect([err.code, err.status]).toEqual(['APPLICATION_WINDOW_CLOSED', 422]);
    expect(err.error.title).toContain(closed.windowClosesAt);
    const twice = await rpc.refusal(CloseBatchWindow, { batchId: batch.id, reason: '再次截止' }, department);
    expect(twice.code).toBe('APPLICATION_WINDOW_CLOSED');
  });
});
