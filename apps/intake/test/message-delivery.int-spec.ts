import { randomUUID } from 'node:crypto';
import { ApplicationReturned, UpdateEnterpriseProfile, UpdateEnterpriseProfileV1 } from '@firstset/contracts';
import {
  actors,
  cleanupTestEnv,
  eventually,
  newTestEnv,
  publishEvent,
  RpcCaller,
  RunningService,
  schemaOf,
  sql,
  startServiceInProcess,
  waitUntilConsumed,
} from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { DeliveryDispatcher } from '../src/notifications/delivery-dispatcher';
import { MessageSender, SimulatedMessageSender } from '../src/notifications/message-sender';
import { BAOTOU_USCC, openBatch, registerEnterprise, submitAndReturn } from './helpers';

// SMS and e-mail to the enterprise's contacts when something happens to its application (issue 4
// item 6), through the port with its simulator: queued with the notification, sent after commit.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let sender: SimulatedMessageSender;
let batchId: string;
const enterprise = actors.enterprise(BAOTOU_USCC);
const deliveries = (applicationNo?: string) =>
  sql<{ channel: string; recipient: string; state: string; attempts: number; last_error: string | null; body: string }>(
    env,
    `SELECT d.channel, d.recipient, d.state, d.attempts, d.last_error, d.body FROM "${schemaOf(env, 'intake')}".message_deliveries d
      WHERE $1::text IS NULL OR d.body LIKE '%' || $1 || '%' ORDER BY d.channel, d.recipient`,
    [applicationNo ?? null],
  );

const returnOne = (eventId?: ReturnType<typeof randomUUID>) => submitAndReturn(env, rpc, enterprise, batchId, eventId);

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  sender = intake.app.get(MessageSender) as SimulatedMessageSender;
  rpc = await RpcCaller.connect(env);
  batchId = (await openBatch(rpc, actors.department())).id;
  await registerEnterprise(rpc, enterprise);
  await rpc.request(
    UpdateEnterpriseProfile,
    {
      expectedRevision: 0,
      contacts: [
        { name: '李娜', phone: '13800000000', email: 'lina@example.cn' },
        { name: '王强', phone: '13900000000' },
      ],
    } as unknown as UpdateEnterpriseProfileV1,
    enterprise,
  );
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('SMS and e-mail to the enterprise\'s contacts', () => {
  it('M7.3 a return for correction reaches every contact by SMS and e-mail once, even when the event comes twice', async () => {
    const { app, returned, eventId } = await returnOne();
    await publishEvent(env, ApplicationReturned, returned, { eventId, msgId: randomUUID() }); // redelivered
    await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'intake-corrections-returned');
    const rows = await eventually(
      () => deliveries(app.applicationNo),
      (r) => r.length === 3 && r.every((d) => d.state === 'sent'),
      { what: 'the SMS and e-mails to be sent' },
    );
    expect(rows.map((d) => [d.channel, d.recipient])).toEqual([
      ['email', 'lina@example.cn'],
      ['sms', '13800000000'],
      ['sms', '13900000000'],
    ]);
    const sms = sender.sent.filter((m) => m.channel === 'sms' && m.body.includes(app.applicationNo));
    expect(sms).toHaveLength(2);
    expect(sms[0].body).toMatch(/^【首台（套）认定】申请被退回补正：/);
    expect(sms[0].body).toContain(returned.deadline);
  });

  it('retries while the provider is down and records each failure; nothing is lost', async () => {
    sender.failNext(2);
    const { app } = await returnOne();
    const rows = await eventually(
      () => deliveries(app.applicationNo),
      (r) => r.length === 3 && r.filter((d) => d.state === 'pending' && d.attempts === 1).length === 2,
      { what: 'two failed attempts to be recorded' },
    );
    expect(rows.filter((d) => d.last_error === 'simulated provider outage')).toHaveLength(2);
    // The next attempts are due 5 s later (then 10, 20 s…): move the clock on rather than wait.
    await rpc.setClock(new Date(Date.now() + 60_000));
    await intake.app.get(DeliveryDispatcher).sendDue();
    const after = await deliveries(app.applicationNo);
    expect(after.map((d) => d.state)).toEqual(['sent', 'sent', 'sent']);
  });
});
