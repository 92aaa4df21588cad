import { randomUUID } from 'node:crypto';
import { ListNotifications, TrackingReportRequested, TrackingReportRequestedV1 } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, count, OTHER_USCC, registerEnterprise } from './helpers';

// A prefecture's request for the year's tracking report, as the enterprise hears of it (M12.2;
// ADR 0026 Amendments): compliance publishes TrackingReportRequested with the request; intake puts
// a notice in the inbox of the enterprise holding the recognition (by its credit code), once
// however often the event is delivered, and queues the SMS and e-mail to its contacts.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);

interface Inbox {
  items: Array<{ kind: string; applicationId: string; body: string; title: { zh: string; en: string }; readAt: string | null }>;
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

const requested = (uscc = BAOTOU_USCC): TrackingReportRequestedV1 => ({
  evaluationId: randomUUID(),
  recognitionId: randomUUID(),
  applicationId: randomUUID(),
  uscc,
  enterpriseName: '包头北方重型装备有限公司',
  productName: '220吨电动轮矿用自卸车',
  year: 2026,
  dueOn: '2026-12-20',
  note: '请报送认定以来的销售、使用情况及存在问题',
  prefectureId: '150200',
  requestedAt: new Date().toISOString(),
});

describe('tracking report requests in the enterprise inbox', () => {
  it('M12.2 puts the request in the holder\'s inbox with the due date, the year and the product, once however often delivered', async () => {
    const e = requested();
    const eventId = await publishEvent(env, TrackingReportRequested, e);
    expect(await publishEvent(env, TrackingReportRequested, e, { eventId, msgId: randomUUID() })).toBe(eventId);
    await publishEvent(env, TrackingReportRequested, requested(OTHER_USCC));
    await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'intake-tracking-report-requested');
    const notices = (await inbox()).filter((n) => n.kind === 'tracking_report_requested');
    expect(notices).toHaveLength(1);
    const [n] = notices;
    expect(n.title).toEqual({ zh: '跟踪评价报告报送通知', en: 'Tracking evaluation report requested' });
    expect(n.applicationId).toBe(e.applicationId);
    expect(n.readAt).toBeNull();
    // Chinese first, then English; the prefecture's note is passed on.
    expect(n.body.startsWith('请于2026-12-20前报送2026年度跟踪评价报告：220吨电动轮矿用自卸车')).toBe(true);
    expect(n.body).toContain('请报送认定以来的销售、使用情况及存在问题');
    expect(n.body).toContain('Please submit the 2026 tracking evaluation report on 220吨电动轮矿用自卸车 by 2026-12-20');
    // Another enterprise's request is in its own inbox, not this one's.
    expect(await count(env, 'notifications', `enterprise_uscc = $1 AND kind = 'tracking_report_requested'`, [OTHER_USCC])).toBe(1);
    expect(await count(env, 'notifications', `enterprise_uscc = $1 AND kind = 'tracking_report_requested'`, [BAOTOU_USCC])).toBe(1);
  });
});
