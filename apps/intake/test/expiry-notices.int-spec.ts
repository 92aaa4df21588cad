import { randomUUID } from 'node:crypto';
import { ListNotifications, RecognitionExpiring, RecognitionExpiringV1 } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, count, OTHER_USCC, registerEnterprise } from './helpers';

// A recognition about to expire, as the enterprise hears of it (M13.2; ADR 0025 Amendments):
// publicity sends the 90- and 30-day notices once each; intake puts each in the inbox of the
// enterprise holding the recognition (by its credit code), once.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);

interface Inbox {
  items: Array<{ kind: string; applicationId: string; body: string; title: { zh: string; en: string } }>;
}
const inbox = async (who = enterprise) => (await rpc.request<Inbox>(ListNotifications, { pageSize: 100 } as never, who)).items;

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

const expiring = (daysBefore: 90 | 30, uscc = BAOTOU_USCC): RecognitionExpiringV1 => ({
  recognitionId: randomUUID(),
  applicationId: randomUUID(),
  uscc,
  enterpriseName: '包头北方重型装备有限公司',
  productName: '220吨电动轮矿用自卸车',
  certificateNo: 'NMSTT-2026-0007',
  prefectureId: '150200',
  validUntil: '2029-11-20',
  daysBefore,
  sentAt: new Date().toISOString(),
});

describe('expiry notices in the enterprise inbox', () => {
  it('M13.2 puts the 90- and 30-day notices in the holder\'s inbox with the last valid day, once each however often delivered', async () => {
    const e90 = expiring(90);
    const eventId = await publishEvent(env, RecognitionExpiring, e90);
    expect(await publishEvent(env, RecognitionExpiring, e90, { eventId, msgId: randomUUID() })).toBe(eventId);
    await publishEvent(env, RecognitionExpiring, { ...expiring(30), recognitionId: e90.recognitionId, applicationId: e90.applicationId });
    await publishEvent(env, RecognitionExpiring, expiring(90, OTHER_USCC));
    await waitUntilConsumed(env, 'PUBLICITY_EVENTS', 'intake-recognition-expiring');
    const notices = (await inbox()).filter((n) => n.kind === 'expiring');
    expect(notices).toHaveLength(2);
    expect(notices.map((n) => n.title.zh)).toEqual(['认定有效期即将届满', '认定有效期即将届满']);
    expect(notices.map((n) => n.body.match(/将在 (\d+) 天内届满/)?.[1]).sort()).toEqual(['30', '90']);
    for (const n of notices) {
      expect(n.applicationId).toBe(e90.applicationId);
      expect(n.body).toContain('有效期至 2029-11-20（含当日）');
      expect(n.body).toContain('NMSTT-2026-0007');
    }
    // Another enterprise's recognition is in its own inbox, not this one's.
    expect(await count(env, 'notifications', `enterprise_uscc = $1 AND kind = 'expiring'`, [OTHER_USCC])).toBe(1);
    expect(await count(env, 'notifications', `enterprise_uscc = $1 AND kind = 'expiring'`, [BAOTOU_USCC])).toBe(2);
  });
});
