import { randomUUID } from 'node:crypto';
import {
  AssignmentAccepted,
  ExpertDisqualified,
  FindUnreferencedObjects,
  GetApplication,
  InterimMeasureChanged,
  ListMaterials,
  ReviewStarted,
  WithdrawApplication,
} from '@firstset/contracts';
import { ActorContext } from '@firstset/messaging';
import {
  actors,
  cleanupTestEnv,
  newTestEnv,
  publishEvent,
  RpcCaller,
  RunningService,
  startServiceInProcess,
  waitUntilConsumed,
} from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, count, submittedWithOneMaterial } from './helpers';

// Reviewers read an application's materials only once expert management gave them access:
// the commissioned institution (M8.1), an expert after accepting the confidentiality undertaking
// (M11.1), and no longer after a disqualification (M11.2) or the application's withdrawal (M7.1).
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);
const institutionId = randomUUID();
const expertId = randomUUID();
const staff = actors.institution(institutionId);
const otherStaff = actors.institution(randomUUID());
const expert = actors.expert(expertId);
const otherExpert = actors.expert(randomUUID());
let applicationId: string;

let canRead: (actor: ActorContext) => Promise<boolean>;

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  ({ applicationId, canRead } = await submittedWithOneMaterial(rpc, enterprise));
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe("reviewers' access to the materials", () => {
  it('M8.1 M11.1 nobody of the review reads before access is given; then only the commissioned institution and the expert who accepted', async () => {
    for (const a of [staff, expert]) expect(await canRead(a)).toBe(false);
    await publishEvent(env, ReviewStarted, {
      applicationId,
      institutionId,
      startedAt: new Date().toISOString(),
    });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-access-institutions');
    expect(await canRead(staff)).toBe(true);
    expect(await canRead(otherStaff)).toBe(false);
    expect(await canRead(expert)).toBe(false); // assigned, perhaps, but not yet bound by the undertaking

    await publishEvent(env, AssignmentAccepted, {
      applicationId,
      expertId,
      institutionId,
      acceptedAt: new Date().toISOString(),
    });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-access-experts');
    expect(await canRead(expert)).toBe(true);
    expect(await canRead(otherExpert)).toBe(false);
    expect(
      await count(
        env,
        'audit_records',
        `action = 'material.download' AND outcome = 'succeeded' AND actor_role = 'expert'`,
      ),
    ).toBe(1);
  });

  it('M10.3 M11.2 an institution or expert suspended while a compliance case is heard reads nothing, told which case; the case ended, the grant opens again', async () => {
    const interim = async (measure: 'institution_work_suspended' | 'expert_work_suspended', subjectId: string, change: 'started' | 'ended', caseNo: string) => {
      await publishEvent(env, InterimMeasureChanged, { caseId: randomUUID(), caseNo, measure, subjectId, change, on: '2026-11-28', changedAt: new Date().toISOString() });
      await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'intake-access-interim-measures');
    };
    await interim('institution_work_suspended', institutionId, 'started', 'GZ-2026-0003');
    const refused = await rpc.refusal(ListMaterials, { applicationId }, staff);
    expect([refused.code, refused.status]).toEqual(['REVIEWER_WORK_SUSPENDED', 422]);
    expect(refused.message).toContain('GZ-2026-0003');
    expect((await rpc.refusal(GetApplication, { applicationId }, staff)).code).toBe('REVIEWER_WORK_SUSPENDED');
    expect(await canRead(expert)).toBe(true); // the expert's own work is not the institution's
    await interim('expert_work_suspended', expertId, 'started', 'GZ-2026-0004');
    expect((await rpc.refusal(ListMaterials, { applicationId }, expert)).code).toBe('REVIEWER_WORK_SUSPENDED');
    // Another case's end does not lift this one's suspension.
    await interim('institution_work_suspended', institutionId, 'ended', 'GZ-2026-0099');
    expect((await rpc.refusal(ListMaterials, { applicationId }, staff)).code).toBe('REVIEWER_WORK_SUSPENDED');
    await interim('institution_work_suspended', institutionId, 'ended', 'GZ-2026-0003');
    await interim('expert_work_suspended', expertId, 'ended', 'GZ-2026-0004');
    expect(await canRead(staff)).toBe(true);
    expect(await canRead(expert)).toBe(true);
  });

  it('M11.2 a disqualified expert reads no more; the institution still does', async () => {
    await publishEvent(env, ExpertDisqualified, {
      disqualificationId: randomUUID(),
      expertId,
      decisionDate: '2026-11-28',
    });
    await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'intake-access-disqualified');
    expect(await canRead(expert)).toBe(false);
    expect(await canRead(staff)).toBe(true);
  });

  it('M7.1 withdrawn by the enterprise, the application is no longer reviewed: the institution reads its materials no more; the enterprise still does', async () => {
    expect(await canRead(staff)).toBe(true);
    const w = await rpc.request<{ state: string }>(WithdrawApplication, { applicationId, reason: '产品改型，明年再报' }, enterprise);
    expect(w.state).toBe('WITHDRAWN');
    expect(await canRead(staff)).toBe(false);
    expect(await canRead(expert)).toBe(false);
    expect(await canRead(enterprise)).toBe(true);
    expect((await rpc.request<{ state: string }>(GetApplication, { applicationId }, enterprise)).state).toBe('WITHDRAWN');
  });

  it("tells only the system which stored objects no material refers to (the gateway's orphan sweep)", async () => {
    const referenced = `sha256/cd/${'cd'.repeat(32)}`;
    const orphan = `sha256/ee/${'ee'.repeat(32)}`;
    const system = { userId: 'gateway-object-sweeper', role: 'system' };
    expect(await rpc.request(FindUnreferencedObjects, { objectKeys: [referenced, orphan] }, system)).toEqual({
      unreferenced: [orphan],
    });
    expect((await rpc.refusal(FindUnreferencedObjects, { objectKeys: [orphan] }, enterprise)).code).toBe(
      'FORBIDDEN_ROLE',
    );
    expect(
      (await rpc.refusal(FindUnreferencedObjects, { objectKeys: ['../../etc/passwd'] }, system)).code,
    ).toBe('VALIDATION_FAILED');
  });
});
