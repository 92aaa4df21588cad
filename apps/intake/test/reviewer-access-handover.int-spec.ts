import { randomUUID } from 'node:crypto';
import { AssignmentAccepted, AssignmentEnded, ReviewMoved, ReviewStarted } from '@firstset/contracts';
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
import { BAOTOU_USCC, submittedWithOneMaterial } from './helpers';

// Access follows the review when it stops or changes hands: an expert whose assignment ended
// (disqualified M11.2, commission ended) reads no more; an institution whose commission ended or
// that was banned (M10.3) reads no more, the one taking over does.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);
const institutionId = randomUUID();
const expertId = randomUUID();
const staff = actors.institution(institutionId);
const nextInstitutionId = randomUUID();
const nextStaff = actors.institution(nextInstitutionId);
const expert = actors.expert(expertId);
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

describe("reviewers' access when the review stops or moves", () => {
  it('M11.2 M8.1 an expert whose assignment ended reads the materials no more', async () => {
    await publishEvent(env, ReviewStarted, {
      applicationId,
      institutionId,
      startedAt: new Date().toISOString(),
    });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-access-institutions');
    await publishEvent(env, AssignmentAccepted, {
      applicationId,
      expertId,
      institutionId,
      acceptedAt: new Date().toISOString(),
    });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-access-experts');
    expect(await canRead(expert)).toBe(true);
    await publishEvent(env, AssignmentEnded, {
      applicationId,
      expertId,
      cause: 'expert_disqualified',
      reason: 'M11.2 取消评审资格',
      endedAt: new Date().toISOString(),
    });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-access-assignment-ended');
    expect(await canRead(expert)).toBe(false);
    expect(await canRead(staff)).toBe(true);
  });

  it('M10.3 M8.1 a case moved away closes it to the old institution at once and opens it to the new one only when taken up', async () => {
    await publishEvent(env, ReviewMoved, {
      applicationId,
      fromInstitutionId: institutionId,
      fromCommissionId: randomUUID(),
      reason: 'M10.3 禁止参与',
      movedAt: new Date().toISOString(),
    });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-access-review-moved');
    expect(await canRead(staff)).toBe(false);
    expect(await canRead(nextStaff)).toBe(false); // waiting: nobody holds it
    await publishEvent(env, ReviewMoved, {
      applicationId,
      toInstitutionId: nextInstitutionId,
      toCommissionId: randomUUID(),
      reason: '接续评审',
      movedAt: new Date().toISOString(),
    });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-access-review-moved');
    expect(await canRead(nextStaff)).toBe(true);
    expect(await canRead(staff)).toBe(false);
  });
});
