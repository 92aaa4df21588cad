import { randomUUID } from 'node:crypto';
import { ListNotifications, ObjectionDecided, ObjectionDecidedV1, ObjectionInquiryAsked, ObjectionInquiryAskedV1 } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, openBatch, OTHER_USCC, registerEnterprise, submittedApplication } from './helpers';

// Objections to a publicized entry as the enterprise hears of them (M9.3; ADR 0025): an upheld one
// with its reason, a question put to it with its due date; a dismissed one and questions to others are not its concern.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);
let app: { id: string; applicationNo: string };

interface Inbox {
  items: Array<{ kind: string; applicationId: string; body: string; title: { zh: string; en: string } }>;
}
const inbox = async () => (await rpc.request<Inbox>(ListNotifications, { pageSize: 100 } as never, enterprise)).items;

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  const batchId = (await openBatch(rpc, actors.department())).id;
  await registerEnterprise(rpc, enterprise);
  app = await submittedApplication(rpc, enterprise, batchId);
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

const decided = (outcome: 'upheld' | 'dismissed', reason: string): ObjectionDecidedV1 => ({
  objectionId: randomUUID(),
  applicationId: app.id,
  applicationNo: app.applicationNo,
  enterpriseUscc: BAOTOU_USCC,
  outcome,
  reason,
  entryState: outcome === 'upheld' ? 'REMOVED_AFTER_OBJECTION' : 'IN_PUBLICITY',
  decidedAt: new Date().toISOString(),
});

const asked = (party: 'prefecture' | 'enterprise', partyRef: string, question: string): ObjectionInquiryAskedV1 => ({
  inquiryId: randomUUID(),
  objectionId: randomUUID(),
  applicationId: app.id,
  applicationNo: app.applicationNo,
  party,
  partyRef,
  question,
  dueOn: '2026-12-07',
  askedAt: new Date().toISOString(),
});

describe('objection notices', () => {
  it('M9.3 tells the enterprise once of an upheld objection with its reason, and not of a dismissed one', async () => {
    await publishEvent(env, ObjectionDecided, decided('dismissed', '证据不足'));
    const eventId = await publishEvent(env, ObjectionDecided, decided('upheld', '经核实已批量销售'));
    const again = await publishEvent(env, ObjectionDecided, decided('upheld', '经核实已批量销售'), { eventId, msgId: randomUUID() });
    expect(again).toBe(eventId);
    await waitUntilConsumed(env, 'PUBLICITY_EVENTS', 'intake-objection-decided');
    const notices = (await inbox()).filter((n) => n.kind.startsWith('objection'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'objection_upheld', applicationId: app.id, title: { zh: '公示异议成立，产品移出名单' } });
    expect(notices[0].body).toContain('经核实已批量销售');
    expect(notices[0].body).not.toContain('证据不足');
    // The status the enterprise sees follows: removed from the list.
    await waitUntilConsumed(env, 'PUBLICITY_EVENTS', 'intake-status-objection-decided');
    const [row] = await sql<{ state: string }>(env, `SELECT state FROM "${schemaOf(env, 'intake')}".applications WHERE id = $1`, [app.id]);
    expect(row.state).toBe('REMOVED_AFTER_OBJECTION');
  });

  it('M9.3 puts a question to the enterprise in its inbox with the due date; questions to others are not its concern', async () => {
    await publishEvent(env, ObjectionInquiryAsked, asked('prefecture', '150200', '盟市请核实'));
    await publishEvent(env, ObjectionInquiryAsked, asked('enterprise', OTHER_USCC, '别家企业'));
    await publishEvent(env, ObjectionInquiryAsked, asked('enterprise', BAOTOU_USCC, '请提供首次销售合同'));
    await waitUntilConsumed(env, 'PUBLICITY_EVENTS', 'intake-objection-inquiry');
    const notices = (await inbox()).filter((n) => n.kind === 'objection_inquiry');
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toMatch(/请提供首次销售合同.*2026-12-07|2026-12-07.*请提供首次销售合同/);
    expect(notices[0].title.en).toBe('Question about an objection to the publicized list');
  });
});
