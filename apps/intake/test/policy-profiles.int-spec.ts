import { CheckApplication, CreateApplication, GetApplication, ListBatches, ListPolicyProfiles, OpenBatch, OpenBatchV1, SubmitApplication } from '@firstset/contracts';
import { INNER_MONGOLIA_DRAFT_PROFILE as IM, LocalDate, PolicyProfile } from '@firstset/domain';
import { actors, cleanupTestEnv, CURRENT_PLEDGE_VERSION, newTestEnv, requiredSlots, RpcCaller, RunningService, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { AppView, BAOTOU_USCC, completeDraft, count, day, registerEnterprise } from './helpers';

/**
 * A second profile, registered only in this test: a pilot that allows older R&D (M6.5), drops the
 * novelty search from the materials (M7.4) and allows two batches a year (M7.1).
 */
const PILOT: PolicyProfile = Object.freeze({
  ...IM,
  id: 'example-pilot',
  version: '2026',
  nameZh: '示例试点办法（测试用）',
  nameEn: 'Example pilot measures (for tests)',
  effectiveFrom: '2025-06-01' as LocalDate,
  maxRdAgeYears: 3,
  batchesPerYear: 2,
  publicityWorkingDays: 7,
  materials: IM.materials.filter((m) => m.slotId !== 'noveltySearchReport'),
});
/** Registered, but not in force until after every batch this test opens. */
const LATER: PolicyProfile = Object.freeze({ ...PILOT, version: '2099', effectiveFrom: '2099-01-01' as LocalDate });

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);
const department = actors.department();
const year = new Date().getFullYear();

interface Batch { id: string; policyProfileId: string; policyProfileVersion: string; policyProfileNameZh: string }
interface Check { canSubmit: boolean; problems: Array<{ code: string; severity: string; measuresId: string }>; materials: Array<{ slotId: string }> }

const openBatch = (extra: Partial<OpenBatchV1> = {}) =>
  rpc.request<Batch>(
    OpenBatch,
    {
      year,
      name: `${year}年度首台（套）认定`,
      windowOpensAt: new Date(Date.now() - day).toISOString(),
      windowClosesAt: new Date(Date.now() + 30 * day).toISOString(),
      prefectureDeadline: new Date(Date.now() + 50 * day).toISOString().slice(0, 10),
      ...extra,
    },
    department,
  );

let draftBatch: Batch;
let pilotBatch: Batch;

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', (config) => intakeModule({ ...config, policyProfiles: [IM, PILOT, LATER] }));
  rpc = await RpcCaller.connect(env);
  await registerEnterprise(rpc, enterprise);
  draftBatch = await openBatch();
  pilotBatch = await openBatch({ policyProfileId: PILOT.id, policyProfileVersion: PILOT.version, name: `${year}年度试点批次` });
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('policy profiles in force (M15)', () => {
  it('M15 lists the registered profiles with their numbers, oldest first', async () => {
    const profiles = await rpc.request<Array<{ id: string; version: string; maxRdAgeYears: number; publicityWorkingDays: number }>>(ListPolicyProfiles, {});
    expect(profiles.map((p) => [p.id, p.version, p.maxRdAgeYears, p.publicityWorkingDays])).toEqual([
      [IM.id, IM.version, 2, 5],
      [PILOT.id, '2026', 3, 7],
      [PILOT.id, '2099', 3, 7],
    ]);
  });

  it('M15 a batch opened without a choice takes the profile in force; a chosen one is kept and shown on the batch', async () => {
    expect([draftBatch.policyProfileId, draftBatch.policyProfileVersion]).toEqual([IM.id, IM.version]);
    expect([pilotBatch.policyProfileId, pilotBatch.policyProfileVersion, pilotBatch.policyProfileNameZh]).toEqual([PILOT.id, '2026', PILOT.nameZh]);
    const listed = await rpc.request<Batch[]>(ListBatches, {});
    expect(listed.find((b) => b.id === pilotBatch.id)).toMatchObject({ policyProfileId: PILOT.id, policyProfileVersion: '2026' });
    expect(await count(env, 'outbox_events', `subject = 'intake.batch.opened.v1' AND payload->>'policyProfileId' = $1`, [PILOT.id])).toBe(1);
  });

  it('M15 M7.1 the yearly batch limit is the chosen profile’s: a third batch under the pilot is refused', async () => {
    const refused = await rpc.refusal(OpenBatch, {
      year,
      name: `${year}年度第三批`,
      windowOpensAt: new Date(Date.now() - day).toISOString(),
      windowClosesAt: new Date(Date.now() + 30 * day).toISOString(),
      prefectureDeadline: new Date(Date.now() + 50 * day).toISOString().slice(0, 10),
      policyProfileId: PILOT.id,
      policyProfileVersion: PILOT.version,
    }, department);
    expect(refused.error.code).toBe('BATCH_LIMIT_EXCEEDED');
  });

  it.each([
    ['an unknown profile', { policyProfileId: 'elsewhere' }, 'POLICY_PROFILE_UNKNOWN', 'policyProfileId'],
    ['an unknown version', { policyProfileId: IM.id, policyProfileVersion: 'final' }, 'POLICY_PROFILE_UNKNOWN', 'policyProfileVersion'],
    ['a version not yet in force', { policyProfileId: PILOT.id, policyProfileVersion: '2099' }, 'POLICY_PROFILE_NOT_YET_IN_FORCE', 'policyProfileVersion'],
  ])('M15 refuses a batch under %s at its field and stores nothing', async (_label, choice, code, field) => {
    const before = await count(env, 'batches');
    const refused = await rpc.refusal(OpenBatch, {
      year: year + 1,
      name: `${year + 1}年度首台（套）认定`,
      windowOpensAt: `${year + 1}-03-01T00:00:00+08:00`,
      windowClosesAt: `${year + 1}-04-01T00:00:00+08:00`,
      prefectureDeadline: `${year + 1}-05-01`,
      ...choice,
    }, department);
    expect([refused.error.status, refused.error.code, refused.error.errors?.[0]?.field]).toEqual([422, code, field]);
    expect(await count(env, 'batches')).toBe(before);
  });

  it('M15 M6.5 M7.4 the same facts under two profiles: R&D 2½ years old is excluded under the draft, accepted under the pilot', async () => {
    const rdCompletedOn = new Date(Date.now() - Math.round(2.5 * 365) * day).toISOString().slice(0, 10);
    const product = { productKind: 'FIRST_SET_EQUIPMENT' as const, productName: '大型矿用自卸车', series: 'ZK', model: 'ZK-240', rdCompletedOn };
    const underDraft = await rpc.request<AppView>(CreateApplication, { batchId: draftBatch.id, ...product }, enterprise);
    const underPilot = await rpc.request<AppView>(CreateApplication, { batchId: pilotBatch.id, ...product }, enterprise);
    // Both complete (every declaration, a file in every slot of their own profile's list): only the rules differ.
    await completeDraft(rpc, enterprise, underDraft);
    await completeDraft(rpc, enterprise, underPilot, {}, requiredSlots().filter((slotId) => PILOT.materials.some((m) => m.slotId === slotId)));
    const [draftCheck, pilotCheck] = await Promise.all(
      [underDraft, underPilot].map((a) => rpc.request<Check>(CheckApplication, { applicationId: a.id }, enterprise)),
    );
    const rdTooOld = (c: Check) => c.problems.filter((p) => p.code === 'M6.5_RD_TOO_OLD').map((p) => p.severity);
    expect(rdTooOld(draftCheck)).toEqual(['blocking']);
    expect(rdTooOld(pilotCheck)).toEqual([]);
    // M7.4: the pilot's materials list has no novelty-search report.
    expect(draftCheck.materials.map((m) => m.slotId)).toContain('noveltySearchReport');
    expect(pilotCheck.materials.map((m) => m.slotId)).not.toContain('noveltySearchReport');

    const refused = await rpc.refusal(SubmitApplication, { applicationId: underDraft.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect(refused.error.code).toBe('PRE_SUBMISSION_CHECK_FAILED');
    expect(refused.error.errors?.map((e: { field?: string }) => e.field)).toEqual(['rdCompletedOn']);
    const submitted = await rpc.request<AppView & { policyProfile: { id: string; version: string } }>(SubmitApplication, { applicationId: underPilot.id, pledgeVersion: PILOT.truthfulnessPledge.version }, enterprise);
    expect(submitted.state).toBe('SUBMITTED');
    // Every application shows its profile, and the submission carries it to the next stages.
    expect(submitted.policyProfile).toEqual({ id: PILOT.id, version: '2026' });
    const read = await rpc.request<{ policyProfile: { id: string } }>(GetApplication, { applicationId: underDraft.id }, enterprise);
    expect(read.policyProfile).toEqual({ id: IM.id, version: IM.version });
    expect(
      await count(env, 'outbox_events', `subject = 'intake.application.submitted.v1' AND payload->'policyProfile'->>'id' = $1 AND payload->>'applicationId' = $2`, [PILOT.id, underPilot.id]),
    ).toBe(1);
  });
});
