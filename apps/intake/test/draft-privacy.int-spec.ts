import { randomUUID } from 'node:crypto';
import { AttachMaterial, AuthorizeMaterialDownload, GetApplication, ListApplicationVersions, ListMaterials, ReviewStarted } from '@firstset/contracts';
import { ActorContext } from '@firstset/messaging';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { AppView, BAOTOU_USCC, completeDraft, createApplication, openBatch, registerEnterprise, submitDraft } from './helpers';

// Issue 14: an application draft that was never submitted, and its files, are the enterprise's
// alone (M11.1 confidentiality): its prefecture, the Department, auditors and reviewers are
// answered as if it did not exist, until the first submission (reviewers only ever see a
// submitted application: access comes with the review).
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);
const institutionId = randomUUID();
const officer = actors.prefecture('150200');
const department = actors.department();
const auditor = actors.auditor();
const staff = actors.institution(institutionId);
let applicationId: string;
let materialId: string;

/** Which of the reads the actor may make: the application, its versions, its files, a download. */
async function reads(actor: ActorContext): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const tries: Array<[string, () => Promise<unknown>]> = [
    ['application', () => rpc.request(GetApplication, { applicationId }, actor)],
    ['versions', () => rpc.request(ListApplicationVersions, { applicationId }, actor)],
    ['materials', () => rpc.request(ListMaterials, { applicationId }, actor)],
    ['download', () => rpc.request(AuthorizeMaterialDownload, { applicationId, materialId }, actor)],
  ];
  for (const [name, read] of tries) {
    try {
      await read();
      out[name] = 200;
    } catch (err) {
      out[name] = (err as { status?: number }).status ?? 500;
    }
  }
  return out;
}

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  const batchId = (await openBatch(rpc, department)).id;
  await registerEnterprise(rpc, enterprise);
  applicationId = (await createApplication(rpc, enterprise, batchId)).id;
  const sha256 = 'ef'.repeat(32);
  materialId = (
    await rpc.request<{ id: string }>(
      AttachMaterial,
      { applicationId, slotId: 'testReport', fileName: '检测报告.pdf', size: 2048, mediaType: 'pdf', sha256, objectKey: `sha256/ef/${sha256}` },
      enterprise,
    )
  ).id;
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('a draft never submitted', () => {
  it('M11.1 is the enterprise\'s alone: officer, Department, auditor and reviewer get 404 for it and its files', async () => {
    expect(await reads(enterprise)).toEqual({ application: 200, versions: 200, materials: 200, download: 200 });
    expect(await reads(officer)).toEqual({ application: 404, versions: 404, materials: 404, download: 404 });
    expect(await reads(department)).toEqual({ application: 404, versions: 404, materials: 404, download: 404 });
    expect(await reads(auditor)).toEqual({ application: 404, versions: 404, materials: 404, download: 404 });
  });

  it('M11.1 becomes visible to its prefecture, the Department, auditors (each read audited) and the reviewers given access once submitted', async () => {
    await completeDraft(rpc, enterprise, await rpc.request<AppView>(GetApplication, { applicationId }, enterprise));
    await submitDraft(rpc, enterprise, applicationId);
    expect(await reads(officer)).toEqual({ application: 200, versions: 200, materials: 200, download: 200 });
    expect(await reads(department)).toEqual({ application: 200, versions: 200, materials: 200, download: 200 });
    // The auditor reads the application and its files, read-only, each read audited (ADR 0028).
    expect(await reads(auditor)).toEqual({ application: 200, versions: 200, materials: 200, download: 200 });
    const audited = await sql<{ action: string; object_id: string; actor_role: string }>(
      env,
      `SELECT action, object_id, actor_role FROM "${schemaOf(env, 'intake')}".audit_records WHERE actor_id = $1 AND outcome = 'succeeded' ORDER BY seq`,
      [auditor.userId],
    );
    expect(audited.map((r) => [r.action, r.object_id, r.actor_role])).toEqual([
      ['application.read', applicationId, 'auditor'],
      ['application.read-versions', applicationId, 'auditor'],
      ['material.list', applicationId, 'auditor'],
      ['material.download', materialId, 'auditor'],
    ]);
    // Reviewers, once given access (M8.1), read the files.
    expect(await reads(staff)).toMatchObject({ materials: 404, download: 404 });
    await publishEvent(env, ReviewStarted, { applicationId, institutionId, startedAt: new Date().toISOString() });
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', 'intake-access-institutions');
    expect(await reads(staff)).toMatchObject({ materials: 200, download: 200 });
    // Another prefecture still sees nothing.
    expect(await reads(actors.prefecture('150100'))).toEqual({ application: 404, versions: 404, materials: 404, download: 404 });
  });
});
