import {
  GetComplianceWorkload,
  ListComplianceCases,
  NotifyComplianceParty,
  OpenComplianceCase,
  RecognitionIssued,
  StateComplianceCase,
  type ComplianceCasePageV1,
  type ComplianceCaseViewV1,
  type WorkloadV1,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, recognitionIssuedEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { complianceModule } from '../src/compliance.module';

// The workspace home's part from compliance (ADR 0030): the Department's cases to notify and cases
// heard, ready to decide, each count equal to the cases list's status it links to.
const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const USCC = '91150200MA0N4KXX4C';
const S = () => `"${schemaOf(env, 'compliance')}"`;

async function recognition(model: string): Promise<string> {
  const event = recognitionIssuedEvent({ product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model, rdCompletedOn: '2026-03-01' } });
  await publishEvent(env, RecognitionIssued, event);
  await eventually(async () => (await sql(env, `SELECT 1 FROM ${S()}.recognitions WHERE id = $1`, [event.recognitionId])).length === 1);
  return event.recognitionId;
}
const open = async (model: string) =>
  rpc.request<ComplianceCaseViewV1>(OpenComplianceCase, { intendedMeasure: 'recognition_revocation', subjectId: await recognition(model), facts: '申报材料中的销售合同系伪造' }, department);
const workload = async (actor = department) => Object.fromEntries((await rpc.request<WorkloadV1>(GetComplianceWorkload, {}, actor)).items.map((i) => [i.key, i.count]));
const listed = async (status: string) => (await rpc.request<ComplianceCasePageV1>(ListComplianceCases, { status }, department)).total;

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'compliance', complianceModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-12-03T04:00:00Z'));
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

describe("compliance's workload (workspace home, ADR 0030)", () => {
  it('M10.2 counts the cases to notify and the cases heard for the Department and the auditor, as the cases list filters them', async () => {
    expect(await workload()).toEqual({ 'department.casesToNotify': 0, 'department.casesHeard': 0 });
    await open('ZK-1');
    await open('ZK-2');
    let heard = await open('ZK-3');
    heard = await rpc.request(NotifyComplianceParty, { caseId: heard.id, expectedVersion: heard.version, statementDeadline: '2026-12-10' }, department);
    await rpc.request(StateComplianceCase, { caseId: heard.id, statement: '合同系经办人员失误，请求从轻处理。' }, actors.enterprise(USCC));

    const counts = { 'department.casesToNotify': 2, 'department.casesHeard': 1 };
    expect(await workload()).toEqual(counts);
    expect(await workload(actors.auditor())).toEqual(counts);
    expect([await listed('opened'), await listed('statement_received')]).toEqual([2, 1]);
  });

  it('refuses the roles with no work here and input it does not know', async () => {
    for (const actor of [actors.enterprise(USCC), actors.prefecture('150200'), actors.institution('00000000-0000-4000-8000-000000000001')]) {
      expect((await rpc.refusal(GetComplianceWorkload, {}, actor)).status).toBe(403);
    }
    expect((await rpc.refusal(GetComplianceWorkload, { status: 'opened' } as never, department)).status).toBe(400);
  });
});
