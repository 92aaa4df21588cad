import { randomUUID } from 'node:crypto';
import { ApplicationReturned, GetApplication } from '@firstset/contracts';
import { ActorContext } from '@firstset/messaging';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { AppView, BAOTOU_USCC, openBatch, registerEnterprise, submittedApplication } from './helpers';

// Issue 20 item 5: the timeline names the person behind each step (name and the body they acted
// for) to those allowed to know; the enterprise reads the body, not the officer's name (M7.3 return).
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let batchId: string;
const enterprise: ActorContext = { ...actors.enterprise(BAOTOU_USCC), displayName: '张会计' };
const department: ActorContext = { ...actors.department(), displayName: '王处长' };
const officer: ActorContext = { ...actors.prefecture('150200'), displayName: '李初审' };
const auditor: ActorContext = { ...actors.auditor(), displayName: '赵审计' };

type Step = { action: string; actorRole: string; actorName: string | null; actorOrg: string | null };
const timeline = async (applicationId: string, reader: ActorContext) =>
  ((await rpc.request<Omit<AppView, 'history'> & { history: Step[] }>(GetApplication, { applicationId }, reader)).history).map(({ action, actorRole, actorName, actorOrg }) => ({ action, actorRole, actorName, actorOrg }));

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

describe('timelines name the person (issue 20 item 5)', () => {
  it('M7.3 the officer who returned an application is named, with the prefecture, to the Department and the auditor; the enterprise reads the prefecture only', async () => {
    const app = await submittedApplication(rpc, enterprise, batchId);
    await publishEvent(
      env,
      ApplicationReturned,
      { applicationId: app.id, items: [{ item: 'productName', reason: '名称不一致' }], deadline: '2099-01-01', returnedBy: officer.userId, returnedAt: new Date().toISOString() },
      { actor: officer },
    );
    await eventually(() => rpc.request<AppView>(GetApplication, { applicationId: app.id }, enterprise), (v) => v.state === 'RETURNED_FOR_CORRECTION');

    const prefectureBody = '包头市工业和信息化主管部门 / Baotou industry and IT authority';
    for (const reader of [department, auditor, officer]) {
      const steps = await timeline(app.id, reader);
      expect(steps.at(-1)).toEqual({ action: 'returnForCorrection', actorRole: 'prefecture_officer', actorName: '李初审', actorOrg: prefectureBody });
      expect(steps[0]).toMatchObject({ actorRole: 'enterprise', actorName: '张会计' });
      expect(steps[0].actorOrg).toContain('/');
    }
    const own = await timeline(app.id, enterprise);
    expect(own.at(-1)).toEqual({ action: 'returnForCorrection', actorRole: 'prefecture_officer', actorName: null, actorOrg: prefectureBody });
    // Its own staff it still sees by name.
    expect(own[0]).toMatchObject({ actorRole: 'enterprise', actorName: '张会计' });
  });

  it('names nobody for a step whose event came without a person of that role (a forwarded or system step)', async () => {
    const app = await submittedApplication(rpc, enterprise, batchId);
    // An event carrying someone of another role is not taken as the prefecture's officer.
    await publishEvent(
      env,
      ApplicationReturned,
      { applicationId: app.id, items: [{ item: 'productName', reason: '名称不一致' }], deadline: '2099-01-01', returnedBy: randomUUID(), returnedAt: new Date().toISOString() },
      { actor: department },
    );
    await eventually(() => rpc.request<AppView>(GetApplication, { applicationId: app.id }, department), (v) => v.state === 'RETURNED_FOR_CORRECTION');
    expect((await timeline(app.id, department)).at(-1)).toEqual({ action: 'returnForCorrection', actorRole: 'prefecture_officer', actorName: null, actorOrg: null });
  });
});
