import { randomUUID } from 'node:crypto';
import { ApplicationDecided, DecisionListed, DecisionListWithdrawn } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, openBatch, registerEnterprise, submittedApplication } from './helpers';

// M9.1: the Department's decision reaches the enterprise for both outcomes.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);
let batchId: string;
const S = () => `"${schemaOf(env, 'intake')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  await registerEnterprise(rpc, enterprise);
  batchId = (await openBatch(rpc, actors.department())).id; // one batch a year (M7.1)
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('the decision as the enterprise sees it (M9.1)', () => {
  it('M9.1 a not selected application moves to NOT_SELECTED with the reason and its enterprise is told; a selected one is told too', async () => {
    const notSelected = await submittedApplication(rpc, enterprise, batchId);
    const selected = await submittedApplication(rpc, enterprise, batchId);
    const decisionListId = randomUUID();
    await publishEvent(env, ApplicationDecided, { applicationId: notSelected.id, batchId, outcome: 'not_selected', reason: '创新性不足' });
    await publishEvent(env, DecisionListed, { decisionListId, batchId, applicationIds: [selected.id] });
    await publishEvent(env, ApplicationDecided, { applicationId: selected.id, batchId, outcome: 'selected', decisionListId });
    await waitUntilConsumed(env, 'PUBLICITY_EVENTS', 'intake-status-decided');
    await waitUntilConsumed(env, 'PUBLICITY_EVENTS', 'intake-status-decision-listed');
    const states = await q<{ id: string; state: string }>(`SELECT id, state FROM ${S()}.applications WHERE id = ANY($1::uuid[])`, [[notSelected.id, selected.id]]);
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({ [notSelected.id]: 'NOT_SELECTED', [selected.id]: 'ON_DECISION_LIST' });
    const [history] = await q<{ reason: string }>(`SELECT reason FROM ${S()}.application_history WHERE application_id = $1 AND to_state = 'NOT_SELECTED'`, [notSelected.id]);
    expect(history.reason).toBe('创新性不足');
    const notices = await q<{ application_id: string; kind: string; title_zh: string; body: string }>(
      `SELECT application_id, kind, title_zh, body FROM ${S()}.notifications WHERE application_id = ANY($1::uuid[]) AND kind IN ('selected', 'not_selected')`,
      [[notSelected.id, selected.id]],
    );
    expect(notices).toHaveLength(2);
    expect(notices.find((n) => n.application_id === notSelected.id)).toMatchObject({ kind: 'not_selected', title_zh: '申请未列入认定名单' });
    expect(notices.find((n) => n.application_id === notSelected.id)!.body).toContain('创新性不足');
    expect(notices.find((n) => n.application_id === selected.id)).toMatchObject({ kind: 'selected' });
  });

  it('M9.1 a list withdrawn before publication puts its applications back to REVIEWED, and each enterprise is told why', async () => {
    const a = await submittedApplication(rpc, enterprise, batchId);
    const b = await submittedApplication(rpc, enterprise, batchId);
    const decisionListId = randomUUID();
    await publishEvent(env, DecisionListed, { decisionListId, batchId, applicationIds: [a.id, b.id] });
    await waitUntilConsumed(env, 'PUBLICITY_EVENTS', 'intake-status-decision-listed');
    await publishEvent(env, DecisionListWithdrawn, { decisionListId, batchId, applicationIds: [a.id, b.id], reason: '会议纪要编号有误', withdrawnAt: new Date().toISOString() });
    await waitUntilConsumed(env, 'PUBLICITY_EVENTS', 'intake-status-decision-withdrawn');
    const states = await q<{ state: string }>(`SELECT state FROM ${S()}.applications WHERE id = ANY($1::uuid[])`, [[a.id, b.id]]);
    expect(states.map((s) => s.state)).toEqual(['REVIEWED', 'REVIEWED']);
    const history = await q<{ action: string; reason: string }>(`SELECT action, reason FROM ${S()}.application_history WHERE application_id = $1 AND to_state = 'REVIEWED'`, [a.id]);
    expect(history).toEqual([{ action: 'withdrawDecision', reason: '会议纪要编号有误' }]);
    const notices = await q<{ application_id: string; title_zh: string; body: string }>(
      `SELECT application_id, title_zh, body FROM ${S()}.notifications WHERE application_id = ANY($1::uuid[]) AND kind = 'decision_withdrawn'`,
      [[a.id, b.id]],
    );
    expect(notices.map((n) => n.application_id).sort()).toEqual([a.id, b.id].sort());
    expect(notices[0]).toMatchObject({ title_zh: '认定名单已撤回，将重新作出决定' });
    expect(notices[0]!.body).toContain('会议纪要编号有误');
  });
});
