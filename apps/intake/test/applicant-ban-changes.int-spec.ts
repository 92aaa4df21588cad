import { randomUUID } from 'node:crypto';
import { ApplicantBanImposed, CreateApplication, GetApplication, SanctionChanged } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { SANCTION_MEASURE_LABELS } from '@firstset/domain';
import { intakeModule } from '../src/intake.module';
import { AppView, BAOTOU_USCC, openBatch, product, registerEnterprise, submittedApplication } from './helpers';

// ADR 0026: the registry's changes to an applicant ban reach intake's gate: suspended, the applicant
// may apply until it is resumed (then what it started meanwhile stops); lifted early, it may apply
// from that day on.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);
const banId = randomUUID();
let batchId: string;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  batchId = (await openBatch(rpc, actors.department())).id;
  await registerEnterprise(rpc, enterprise);
  await publishEvent(env, ApplicantBanImposed, { banId, uscc: BAOTOU_USCC, startsOn: '2026-01-01', endsOn: '2099-12-31', reason: '提供虚假材料', revocationId: randomUUID() });
  await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'intake-applicant-bans');
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

const change = async (kind: 'suspended' | 'resumed' | 'lifted' | 'upheld') => {
  await publishEvent(env, SanctionChanged, { sanctionId: banId, measure: 'applicant_ban', subjectId: BAOTOU_USCC, change: kind, on: today(), reason: '复议', changedAt: new Date().toISOString() });
  await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'intake-applicant-ban-changes');
};
const create = () => rpc.request<{ id: string }>(CreateApplication, product(batchId), enterprise);
const refusal = async () => (await rpc.refusal(CreateApplication, product(batchId), enterprise)).code;

describe('an applicant ban changed in the registry', () => {
  it('M10.2 refuses the banned applicant, lets it apply while the ban is suspended, and once resumed refuses again and stops what it started meanwhile, each with its notice', async () => {
    expect(await refusal()).toBe('APPLICANT_BANNED');
    await change('suspended');
    const draft = await create();
    const submitted = await submittedApplication(rpc, enterprise, batchId);
    await change('upheld');
    expect((await create()).id).toBeTruthy();
    await change('resumed');
    expect(await refusal()).toBe('APPLICANT_BANNED');
    expect((await rpc.request<AppView>(GetApplication, { applicationId: submitted.id }, enterprise)).state).toBe('WITHDRAWN');
    expect((await rpc.request<AppView>(GetApplication, { applicationId: draft.id }, enterprise)).state).toBe('DRAFT');
    const notices = await sql<{ application_id: string; body: string }>(env, `SELECT application_id, body FROM "${schemaOf(env, 'intake')}".notifications WHERE kind = 'stopped_by_sanction'`);
    expect(notices.map((n) => n.application_id)).toEqual(expect.arrayContaining([draft.id, submitted.id]));
    expect(notices.every((n) => n.body.includes(SANCTION_MEASURE_LABELS.applicant_ban.zh) && n.body.includes('提供虚假材料') && n.body.includes('至 2099-12-31 止'))).toBe(true);
    // A resumption of a ban that is not suspended stops nothing more.
    const before = notices.length;
    await change('resumed');
    expect((await sql(env, `SELECT 1 FROM "${schemaOf(env, 'intake')}".notifications WHERE kind = 'stopped_by_sanction'`)).length).toBe(before);
  });

  it('M10.2 lets the applicant apply from the day the ban is lifted; another measure’s change is ignored', async () => {
    await publishEvent(env, SanctionChanged, { sanctionId: banId, measure: 'institution_ban', subjectId: BAOTOU_USCC, change: 'lifted', on: today(), reason: 'x', changedAt: new Date().toISOString() });
    await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'intake-applicant-ban-changes');
    expect(await refusal()).toBe('APPLICANT_BANNED');
    await change('lifted');
    expect((await create()).id).toBeTruthy();
  });
});
