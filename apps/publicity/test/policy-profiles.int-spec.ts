import { randomUUID } from 'node:crypto';
import { ApplicationReviewed, ApplicationReviewedV1, CloseDuePublicities, DecideBatch, IssueRecognitionDocument, PublishList } from '@firstset/contracts';
import { INNER_MONGOLIA_DRAFT_PROFILE as IM, PolicyProfile } from '@firstset/domain';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { publicityModule } from '../src/publicity.module';

/** A second profile, registered only in this test: 7 working days of publicity, valid 5 years. */
const PILOT: PolicyProfile = Object.freeze({ ...IM, id: 'example-pilot', version: '2026', publicityWorkingDays: 7, validityYears: 5 });

const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const S = () => `"${schemaOf(env, 'publicity')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'publicity', (config) => publicityModule({ ...config, policyProfiles: [IM, PILOT] }));
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-11-30T02:00:00Z'));
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

const reviewed = (batchId: string, n: number, policyProfile?: { id: string; version: string }): ApplicationReviewedV1 => ({
  applicationId: randomUUID(),
  batchId,
  applicationNo: `2026-150200-${String(n).padStart(5, '0')}`,
  prefectureId: '150200',
  enterprise: { uscc: '91150200MA0N4KXX4C', name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
  product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${n}` , rdCompletedOn: '2026-03-01' },
  ...(policyProfile ? { policyProfile } : {}),
  score: 85,
  opinion: '技术先进，同意认定',
  reviewedAt: new Date().toISOString(),
});

/** A decided list of one batch whose candidates carry these profiles. */
async function decidedList(profiles: Array<{ id: string; version: string } | undefined>) {
  const batchId = randomUUID();
  const events = profiles.map((p, i) => reviewed(batchId, i + 1, p));
  for (const e of events) await publishEvent(env, ApplicationReviewed, e);
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.candidates WHERE batch_id = $1`, [batchId])).length === events.length);
  const decisions = events.map((e) => ({ applicationId: e.applicationId, outcome: 'selected' as const }));
  const { list } = await rpc.request<{ list: { id: string } }>(DecideBatch, { batchId, meetingRef: '厅务会纪要〔2026〕1号', meetingOn: '2026-09-28', deliberation: '', decisions }, department);
  return { listId: list.id, ids: events.map((e) => e.applicationId) };
}

describe('publicity judged by the batch profile (M15)', () => {
  it('M15 M9.2 M13.2 the same list published the same day: 5 working days and 3 years under the draft, 7 and 5 under the pilot', async () => {
    // Decided and published on 29 and 30 Sep (M9.2: never back-dated); closed on 30 Nov.
    await rpc.setClock(new Date('2026-09-29T02:00:00Z'));
    // An event without a profile (sent before it was carried) is judged by the draft.
    const draft = await decidedList([undefined]);
    const pilot = await decidedList([{ id: PILOT.id, version: PILOT.version }]);
    const publish = (decisionListId: string) =>
      rpc.request<{ endDate: string; workingDays: number }>(PublishList, { decisionListId, publicationDate: '2026-09-30' }, department);
    // 30 Sep is day 1; 1–7 Oct are holidays; 8, 9, make-up Saturday 10, 12 Oct are days 2–5; 13 and 14 Oct days 6–7.
    expect(await publish(draft.listId)).toMatchObject({ endDate: '2026-10-12', workingDays: 5 });
    expect(await publish(pilot.listId)).toMatchObject({ endDate: '2026-10-14', workingDays: 7 });
    expect(await q(`SELECT profile_id, profile_version FROM ${S()}.publicities WHERE decision_list_id = $1`, [pilot.listId])).toEqual([
      { profile_id: PILOT.id, profile_version: '2026' },
    ]);

    await rpc.setClock(new Date('2026-11-30T02:00:00Z'));
    const run = await rpc.request<{ closed: Array<{ draftDocumentId: string | null }> }>(CloseDuePublicities, {}, department);
    for (const c of run.closed) if (c.draftDocumentId) await rpc.request(IssueRecognitionDocument, { documentId: c.draftDocumentId, expectedVersion: 1 }, department);
    const validity = (id: string) => q<{ valid_until: string }>(`SELECT valid_until FROM ${S()}.recognitions WHERE application_id = $1`, [id]);
    expect(await validity(draft.ids[0])).toEqual([{ valid_until: '2029-11-30' }]);
    expect(await validity(pilot.ids[0])).toEqual([{ valid_until: '2031-11-30' }]);
    // Compliance learns the profile with the recognition (ban years on revocation).
    const [issued] = await q<{ payload: { policyProfile: unknown } }>(
      `SELECT payload FROM ${S()}.outbox_events WHERE subject = 'publicity.recognition.issued.v1' AND payload->>'applicationId' = $1`,
      [pilot.ids[0]],
    );
    expect(issued.payload.policyProfile).toEqual({ id: PILOT.id, version: '2026' });
  });

  it('M15 refuses to publish a list whose entries carry different profiles, and changes nothing', async () => {
    const mixed = await decidedList([{ id: IM.id, version: IM.version }, { id: PILOT.id, version: PILOT.version }]);
    const err = await rpc.refusal(PublishList, { decisionListId: mixed.listId, publicationDate: '2026-11-30' }, department);
    expect([err.code, err.status]).toEqual(['POLICY_PROFILES_MIXED', 409]);
    expect(await q(`SELECT status FROM ${S()}.decision_lists WHERE id = $1`, [mixed.listId])).toEqual([{ status: 'DECIDED' }]);
    expect(await q(`SELECT 1 FROM ${S()}.publicities WHERE decision_list_id = $1`, [mixed.listId])).toHaveLength(0);
  });

  it('M15 refuses to publish under a profile that is not registered, and changes nothing', async () => {
    const unknown = await decidedList([{ id: 'elsewhere', version: '1' }]);
    const err = await rpc.refusal(PublishList, { decisionListId: unknown.listId, publicationDate: '2026-11-30' }, department);
    expect([err.code, err.status]).toEqual(['POLICY_PROFILE_UNKNOWN', 422]);
    expect(await q(`SELECT status FROM ${S()}.decision_lists WHERE id = $1`, [unknown.listId])).toEqual([{ status: 'DECIDED' }]);
  });
});
