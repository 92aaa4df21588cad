import { randomUUID } from 'node:crypto';
import * as C from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, startServiceInProcess } from '@firstset/testing';
import { preliminaryReviewModule } from '../src/preliminary-review.module';
import { BAOTOU, HOHHOT, receive, submission } from './fixtures';

// Issue 13 item 9: a prefecture's second officer, known from the gateway's accounts but not yet
// at work here, is registered so that a case can be assigned to them (two-step approval).
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const baotou = actors.prefecture(BAOTOU);
const hohhot = actors.prefecture(HOHHOT);
const newcomer = randomUUID();
const app = submission(BAOTOU, randomUUID());

beforeAll(async () => {
  service = await startServiceInProcess(env, 'preliminary-review', preliminaryReviewModule);
  rpc = await RpcCaller.connect(env);
  await receive(env, app);
});
afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('registering a colleague who has not acted yet', () => {
  it('M7.3 a case can be assigned to an officer of the prefecture once registered, not before; another prefecture cannot take them over', async () => {
    await rpc.request(C.ClaimReviewCase, { applicationId: app.applicationId }, baotou);
    expect((await rpc.refusal(C.AssignReviewCase, { applicationId: app.applicationId, assigneeId: newcomer }, baotou)).code).toBe('ASSIGNEE_UNKNOWN');

    const registered = await rpc.request<{ userId: string; displayName: string }>(C.RegisterPrefectureOfficer, { userId: newcomer, displayName: '包头市工信局 审批人' }, baotou);
    expect(registered).toMatchObject({ userId: newcomer, displayName: '包头市工信局 审批人' });
    // Idempotent: registering again changes nothing.
    await rpc.request(C.RegisterPrefectureOfficer, { userId: newcomer, displayName: '别的名字' }, baotou);
    const officers = await rpc.request<Array<{ userId: string; displayName: string }>>(C.ListPrefectureOfficers, {}, baotou);
    expect(officers.find((o) => o.userId === newcomer)?.displayName).toBe('包头市工信局 审批人');

    const assigned = await rpc.request<{ assigneeId: string }>(C.AssignReviewCase, { applicationId: app.applicationId, assigneeId: newcomer }, baotou);
    expect(assigned.assigneeId).toBe(newcomer);

    expect((await rpc.refusal(C.RegisterPrefectureOfficer, { userId: newcomer }, hohhot)).code).toBe('ASSIGNEE_UNKNOWN');
    expect((await rpc.refusal(C.RegisterPrefectureOfficer, { userId: newcomer }, actors.department())).status).toBe(403);
    expect((await rpc.refusal(C.RegisterPrefectureOfficer, { userId: 'x'.repeat(101) } as never, baotou)).code).toBe('VALIDATION_FAILED');
  });
});
