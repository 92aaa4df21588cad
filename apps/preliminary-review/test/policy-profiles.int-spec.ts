import { randomUUID } from 'node:crypto';
import * as C from '@firstset/contracts';
import { INNER_MONGOLIA_DRAFT_PROFILE as IM, PolicyProfile } from '@firstset/domain';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { preliminaryReviewModule } from '../src/preliminary-review.module';
import { BAOTOU, receive, submission } from './fixtures';

/** Registered only in this test: a pilot whose materials list has no novelty-search report (M7.4). */
const PILOT: PolicyProfile = Object.freeze({
  ...IM,
  id: 'example-pilot',
  version: '2026',
  materials: IM.materials.filter((m) => m.slotId !== 'noveltySearchReport'),
});

const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const baotou = actors.prefecture(BAOTOU);
const batchId = randomUUID();
const underDraft = submission(BAOTOU, batchId);
const underPilot = submission(BAOTOU, batchId, { policyProfile: { id: PILOT.id, version: PILOT.version } });

beforeAll(async () => {
  service = await startServiceInProcess(env, 'preliminary-review', (config) => preliminaryReviewModule({ ...config, policyProfiles: [IM, PILOT] }));
  rpc = await RpcCaller.connect(env);
  await receive(env, underDraft, underPilot);
});
afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('the formal review judged by the batch profile (M15)', () => {
  it('M15 M7.4 the same product is checked against its own profile’s materials list', async () => {
    const slots = async (applicationId: string) =>
      (await rpc.request<{ items: Array<{ slotId: string }> }>(C.GetFormalReview, { applicationId }, baotou)).items.map((i) => i.slotId);
    expect(await slots(underDraft.applicationId)).toContain('noveltySearchReport');
    expect(await slots(underPilot.applicationId)).not.toContain('noveltySearchReport');
    // The officer sees which profile judges the case.
    const shown = await rpc.request<{ policyProfile: unknown }>(C.GetReviewCase, { applicationId: underPilot.applicationId }, baotou);
    expect(shown.policyProfile).toEqual({ id: PILOT.id, version: '2026' });
    // The case keeps the profile to carry it on with the recommendation and the summary.
    const rows = await sql(env, `SELECT id, policy_profile_id, policy_profile_version FROM "${schemaOf(env, 'preliminary-review')}".review_cases WHERE batch_id = $1 ORDER BY policy_profile_id`, [batchId]);
    expect(rows).toEqual([
      { id: underPilot.applicationId, policy_profile_id: PILOT.id, policy_profile_version: '2026' },
      { id: underDraft.applicationId, policy_profile_id: IM.id, policy_profile_version: IM.version },
    ]);
  });

  it('M15 refuses a recorded verdict on a slot the case’s profile does not list', async () => {
    const err = await rpc.refusal(
      C.RecordMaterialVerdict,
      { applicationId: underPilot.applicationId, slotId: 'noveltySearchReport', present: true, legible: true, valid: true, qualifiedInstitution: true, consistent: true },
      baotou,
    );
    expect([err.code, err.status]).toEqual(['MATERIAL_NOT_IN_CHECKLIST', 422]);
  });
});
