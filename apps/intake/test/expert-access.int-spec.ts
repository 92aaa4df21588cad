import { randomUUID } from 'node:crypto';
import {
  AssignmentAccepted,
  AssignmentEnded,
  AttachMaterial,
  AuthorizeMaterialDownload,
  GetApplication,
  ListApplicationVersions,
  ListMaterials,
  ReviewStarted,
} from '@firstset/contracts';
import { ActorContext } from '@firstset/messaging';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, completeDraft, createApplication, openBatch, registerEnterprise, submitDraft } from './helpers';

// Issue 17: an expert who accepted the assignment and its undertaking reads the whole application
// (its detail, every submitted version, every material) and loses it on recusal (M11.1).
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);
const institutionId = randomUUID();
const [wangId, liId] = [randomUUID(), randomUUID()];
const wang = actors.expert(wangId);
const li = actors.expert(liId);
const stranger = actors.expert(randomUUID());
let applicationId: string;
let materialId: string;

/** What the expert can read of the application, endpoint by endpoint: true, or false when "not found". */
async function reads(actor: ActorContext): Promise<Record<string, boolean>> {
  const attempt = async (f: () => Promise<unknown>) => {
    try {
      await f();
      return true;
    } catch (err) {
      if ((err as { status?: number }).status === 404) return false;
      throw err;
    }
  };
  return {
    application: await attempt(() => rpc.request(GetApplication, { applicationId }, actor)),
    versions: await attempt(() => rpc.request(ListApplicationVersions, { applicationId }, actor)),
    materials: await attempt(() => rpc.request(ListMaterials, { applicationId }, actor)),
    download: await attempt(() => rpc.request(AuthorizeMaterialDownload, { applicationId, materialId }, actor)),
  };
}
const none = { application: false, versions: false, materials: false, download: false };
const all = { application: true, versions: true, materials: true, download: true };

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  const batchId = (await openBatch(rpc, actors.department())).id;
  await registerEnterprise(rpc, enterprise);
  const app = await createApplication(rpc, enterprise, batchId);
  applicationId = app.id;
  const sha256 = 'ab'.repeat(32);
  materialId = (
    await rpc.request<{ id: string }>(
      AttachMaterial,
      { applicationId, slotId: 'testReport', fileName: '检测报告.pdf', size: 2048, mediaType: 'pdf', sha256, objectKey: `sha256/ab/${sha256}` },
      enterprise,
    )
  ).id;
  await completeDraft(rpc, enterprise, app);
  await submitDraft(rpc, enterprise, applicationId);
  await publishEvent(env, ReviewStarted, { applicationId, institutionId, startedAt: new Date().toISOString() });
  await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-access-institutions');
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('an expert\'s reading of the application (issue 17)', () => {
  it('M11.1 before acceptance the expert reads nothing; after it the application, its versions and materials; another expert nothing', async () => {
    expect(await reads(wang)).toEqual(none);
    for (const expertId of [wangId, liId]) {
      await publishEvent(env, AssignmentAccepted, { applicationId, expertId, institutionId, acceptedAt: new Date().toISOString() });
    }
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-access-experts');
    expect(await reads(wang)).toEqual(all);
    expect(await reads(stranger)).toEqual(none);
    const versions = await rpc.request<Array<{ version: number; snapshot: { productName: string; materials?: unknown[] } }>>(ListApplicationVersions, { applicationId }, wang);
    expect(versions.map((v) => v.version)).toEqual([1]);
    expect(versions[0]!.snapshot.productName).toEqual(expect.any(String));
    const detail = await rpc.request<{ id: string; state: string }>(GetApplication, { applicationId }, wang);
    expect(detail.id).toBe(applicationId);
    // The institution reads through its own grant too.
    expect(await reads(actors.institution(institutionId))).toEqual(all);
    expect(await reads(actors.institution(randomUUID()))).toEqual(none);
  });

  it('M11.1 a recused expert reads nothing more of that application; the other expert still does', async () => {
    await publishEvent(env, AssignmentEnded, { applicationId, expertId: wangId, cause: 'recused', reason: '曾参与该产品研制', endedAt: new Date().toISOString() });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-access-assignment-ended');
    expect(await reads(wang)).toEqual(none);
    expect(await reads(li)).toEqual(all);
  });
});
