import { randomUUID } from 'node:crypto';
import { ApplicationReviewed, ApplicationReviewedV1, ApplicationWithdrawn, DecideBatch, ListCandidates } from '@firstset/contracts';
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
import { publicityModule } from '../src/publicity.module';

// Issue 19 item 3: a reviewed candidate whose application is withdrawn (by the enterprise, M7.1,
// or by the system on an applicant ban, M10.2) is no longer one the Department decides from.
const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = { ...actors.department(), displayName: '王处长' };
const S = () => `"${schemaOf(env, 'publicity')}"`;
const meeting = { meetingRef: '厅务会纪要〔2026〕15号', meetingOn: '2026-11-27', deliberation: '逐项审议专家意见' };

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'publicity', publicityModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-11-30T02:00:00Z'));
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

async function candidates(count: number, known: string[] = []): Promise<{ batchId: string; ids: string[] }> {
  const batchId = randomUUID();
  const events: ApplicationReviewedV1[] = Array.from({ length: count }, (_, i) => ({
    applicationId: known[i] ?? randomUUID(),
    batchId,
    applicationNo: `2026-150200-${String(i + 1).padStart(5, '0')}`,
    prefectureId: '150200',
    enterprise: { uscc: '91150200MA0N4KXX4C', name: `包头北方重型装备有限公司${i + 1}`, registeredAddress: '包头市青山区' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${i + 1}`, rdCompletedOn: '2026-03-01' },
    score: 80 + i,
    opinion: '技术先进，同意认定',
    reviewedAt: new Date().toISOString(),
  }));
  for (const e of events) await publishEvent(env, ApplicationReviewed, e);
  await eventually(async () => (await sql(env, `SELECT 1 FROM ${S()}.candidates WHERE batch_id = $1`, [batchId])).length === count);
  return { batchId, ids: events.map((e) => e.applicationId) };
}

const withdraw = async (applicationId: string, eventId?: string) => {
  await publishEvent(env, ApplicationWithdrawn, { applicationId, reason: '申请人被禁止申报（M10.2）', withdrawnAt: new Date().toISOString() }, { eventId });
  await waitUntilConsumed(env, 'INTAKE_EVENTS', 'publicity-withdrawn-candidates');
};
const stateOf = async (applicationId: string) =>
  (await sql<{ state: string; decision: string | null }>(env, `SELECT state, decision FROM ${S()}.candidates WHERE application_id = $1`, [applicationId]))[0];

describe('a withdrawn application leaves the candidates (M7.1, M10.2)', () => {
  it('M7.1 M10.2 a reviewed candidate is marked WITHDRAWN, kept on record, and the Department decides the batch without it; naming it is refused', async () => {
    const { batchId, ids } = await candidates(3);
    await withdraw(ids[1]);
    expect(await stateOf(ids[1])).toEqual({ state: 'WITHDRAWN', decision: null });
    expect((await stateOf(ids[0])).state).toBe('REVIEWED');
    const listed = await rpc.request<Array<{ applicationId: string; state: string; stateLabel: { zh: string } }>>(ListCandidates, { batchId }, department);
    expect(listed.find((c) => c.applicationId === ids[1])).toMatchObject({ state: 'WITHDRAWN' });

    // Selecting the withdrawn application is refused and nothing changes.
    const refused = await rpc.refusal(DecideBatch, {
      batchId, ...meeting, decisions: ids.map((applicationId) => ({ applicationId, outcome: 'selected' })),
    }, department);
    expect([refused.code, refused.status]).toEqual(['DECISION_INCOMPLETE', 422]);
    expect((await stateOf(ids[0])).state).toBe('REVIEWED');
    // Decided without it: the list holds the others; the withdrawn one stays withdrawn.
    const decided = await rpc.request<{ selected: string[] }>(DecideBatch, {
      batchId, ...meeting, decisions: [ids[0], ids[2]].map((applicationId) => ({ applicationId, outcome: 'selected' })),
    }, department);
    expect([...decided.selected].sort()).toEqual([ids[0], ids[2]].sort());
    for (const id of [ids[0], ids[2]]) expect((await stateOf(id)).state).toBe('ON_DECISION_LIST');
    expect(await stateOf(ids[1])).toEqual({ state: 'WITHDRAWN', decision: null });
  });

  it('M7.1 redelivered, repeated, unknown or past the decision, a withdrawal changes nothing', async () => {
    const { batchId, ids } = await candidates(2);
    const eventId = randomUUID();
    await withdraw(ids[0], eventId);
    await withdraw(ids[0], eventId);
    await withdraw(ids[0]);
    expect(await stateOf(ids[0])).toEqual({ state: 'WITHDRAWN', decision: null });

    const unknown = randomUUID();
    await withdraw(unknown);
    expect(await sql(env, `SELECT 1 FROM ${S()}.candidates WHERE application_id = $1`, [unknown])).toEqual([]);

    // On a decided list the application is no longer withdrawable; a stray event leaves it there.
    await rpc.request(DecideBatch, { batchId, ...meeting, decisions: [{ applicationId: ids[1], outcome: 'selected' }] }, department);
    await withdraw(ids[1]);
    expect(await stateOf(ids[1])).toEqual({ state: 'ON_DECISION_LIST', decision: 'selected' });
  });

  it('M7.1 M10.2 a withdrawal that arrives before the review (another stream) makes the candidate WITHDRAWN on arrival, never decidable', async () => {
    const early = randomUUID();
    await withdraw(early);
    const { batchId, ids } = await candidates(2, [early]);
    expect(await stateOf(early)).toEqual({ state: 'WITHDRAWN', decision: null });
    expect((await stateOf(ids[1])).state).toBe('REVIEWED');
    const refused = await rpc.refusal(DecideBatch, { batchId, ...meeting, decisions: ids.map((applicationId) => ({ applicationId, outcome: 'selected' })) }, department);
    expect(refused.code).toBe('DECISION_INCOMPLETE');
  });
});
