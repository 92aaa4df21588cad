import { randomUUID } from 'node:crypto';
import { CompliancePartyNotified, CompliancePartyNotifiedV1, ListNotifications } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, count, openBatch, OTHER_USCC, registerEnterprise, submittedApplication } from './helpers';

// Issue 19 item 2: an enterprise told of an intended revocation (告知; ADR 0026) hears of it in its
// inbox with its deadline to state its case, once per notice; others never see it.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let batchId: string;
const enterprise = actors.enterprise(BAOTOU_USCC);
const other = actors.enterprise(OTHER_USCC);

interface Inbox { items: Array<{ applicationId: string; kind: string; title: { zh: string; en: string }; body: string }> }
const inbox = async (actor = enterprise) => (await rpc.request<Inbox>(ListNotifications, { pageSize: 50 }, actor)).items;

const notified = (applicationId: string | null, change: Partial<CompliancePartyNotifiedV1> = {}): CompliancePartyNotifiedV1 => ({
  caseId: randomUUID(),
  caseNo: 'GZ-2026-0007',
  measure: 'recognition_revocation',
  subjectKind: 'recognition',
  subjectId: randomUUID(),
  subjectUscc: BAOTOU_USCC,
  applicationId,
  statementDeadline: '2026-12-20',
  notice: '告知书\n\nNotice',
  notifiedAt: new Date().toISOString(),
  ...change,
});

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

describe('notices of an intended measure (M10.2)', () => {
  it('M10.2 the enterprise is told of the intended revocation and its deadline in its inbox, once', async () => {
    const app = await submittedApplication(rpc, enterprise, batchId);
    const event = notified(app.id);
    const eventId = randomUUID();
    await publishEvent(env, CompliancePartyNotified, event, { eventId });
    await publishEvent(env, CompliancePartyNotified, event, { eventId, msgId: randomUUID() }); // redelivered
    await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'intake-compliance-party-notified');
    const mine = (await inbox()).filter((n) => n.applicationId === app.id && n.kind === 'compliance_notice');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.title).toEqual({ zh: '违规处理告知：请陈述、申辩', en: 'Notice of an intended measure: state your case' });
    expect(mine[0]!.body).toContain('GZ-2026-0007');
    expect(mine[0]!.body).toContain('撤销认定');
    expect(mine[0]!.body).toContain('2026-12-20');
    expect((await inbox(other)).filter((n) => n.applicationId === app.id)).toEqual([]);
  });

  it('M10.3 M11.2 a case without an application of this intake (an institution, an expert, a carried-over recognition) adds no notice', async () => {
    const before = await count(env, 'notifications');
    await publishEvent(env, CompliancePartyNotified, notified(null, { measure: 'institution_ban', subjectKind: 'institution', subjectUscc: '91150000MA0000000X' }));
    await publishEvent(env, CompliancePartyNotified, notified(randomUUID()));
    await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'intake-compliance-party-notified');
    expect(await count(env, 'notifications')).toBe(before);
  });
});
