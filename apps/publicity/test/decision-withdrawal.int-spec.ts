import { randomUUID } from 'node:crypto';
import { ApplicationReviewed, ApplicationReviewedV1, DecideBatch, ListDecisionLists, PublishList, WithdrawDecisionList } from '@firstset/contracts';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { publicityModule } from '../src/publicity.module';

// M9.1, ADR 0025: a decided list is withdrawn before publication and its candidates decided again.
const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = { ...actors.department(), displayName: '王处长' };
const S = () => `"${schemaOf(env, 'publicity')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);
const meeting = { meetingRef: '厅务会纪要〔2026〕12号', meetingOn: '2026-11-27', deliberation: '逐项审议' };

interface ListView {
  id: string;
  status: string;
  version: number;
  contentHash: string;
  applicationIds: string[];
  withdrawal: { at: string; byName: string; reason: string } | null;
}
/** The overview counts a list's entries (v2), the decision itself names them. */
type ListSummary = Omit<ListView, 'applicationIds'> & { batchId: string; entryCount: number };

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'publicity', publicityModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-11-30T02:00:00Z')); // Monday 30 November 2026, 10:00 in China
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

async function candidates(count: number) {
  const batchId = randomUUID();
  const events: ApplicationReviewedV1[] = Array.from({ length: count }, (_, i) => ({
    applicationId: randomUUID(),
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
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.candidates WHERE batch_id = $1`, [batchId])).length === count);
  return { batchId, ids: events.map((e) => e.applicationId) };
}

/** Decides the first `selected` on the list and the rest not selected; answers the list. */
async function decide(batchId: string, ids: string[], selected: number, ref = meeting.meetingRef): Promise<ListView> {
  const reply = await rpc.request<{ list: ListView }>(
    DecideBatch,
    {
      batchId,
      ...meeting,
      meetingRef: ref,
      decisions: ids.map((applicationId, i) => (i < selected ? { applicationId, outcome: 'selected' as const } : { applicationId, outcome: 'not_selected' as const, reason: '创新性不足' })),
    },
    department,
  );
  return reply.list;
}

const statesOf = async (batchId: string) =>
  (await q<{ state: string }>(`SELECT state FROM ${S()}.candidates WHERE batch_id = $1 ORDER BY application_no`, [batchId])).map((r) => r.state);

describe('withdrawing a decided list before publication (M9.1)', () => {
  it('M9.1 the Department withdraws a decided list with a reason: its candidates are REVIEWED again, the not selected keep their decision, the list stays WITHDRAWN with its hash, audited and told', async () => {
    const { batchId, ids } = await candidates(3);
    const list = await decide(batchId, ids, 2);
    const withdrawn = await rpc.request<ListView>(WithdrawDecisionList, { decisionListId: list.id, expectedVersion: list.version, reason: '  会议纪要编号有误  ' }, department);
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', version: list.version + 1, contentHash: list.contentHash, applicationIds: list.applicationIds });
    expect(withdrawn.withdrawal).toEqual({ at: expect.any(String), byName: '王处长', reason: '会议纪要编号有误' });
    expect(await statesOf(batchId)).toEqual(['REVIEWED', 'REVIEWED', 'NOT_SELECTED']);
    const [row] = await q<{ content: unknown[]; content_hash: string }>(`SELECT content, content_hash FROM ${S()}.decision_lists WHERE id = $1`, [list.id]);
    expect(row!.content).toHaveLength(2);
    expect(row!.content_hash).toBe(list.contentHash);
    const [cand] = await q<{ decision: string | null; decision_list_id: string | null }>(`SELECT decision, decision_list_id FROM ${S()}.candidates WHERE application_id = $1`, [ids[0]]);
    expect(cand).toEqual({ decision: null, decision_list_id: null });
    const events = await q<{ payload: { applicationIds: string[]; reason: string } }>(`SELECT payload FROM ${S()}.outbox_events WHERE subject = 'publicity.decision-list.withdrawn.v1' AND payload->>'decisionListId' = $1`, [list.id]);
    expect(events.map((e) => [e.payload.applicationIds, e.payload.reason])).toEqual([[list.applicationIds, '会议纪要编号有误']]);
    const audit = await q(`SELECT outcome FROM ${S()}.audit_records WHERE action = 'decision-list.withdraw' AND object_id = $1`, [list.id]);
    expect(audit).toEqual([{ outcome: 'succeeded' }]);
    const lists = await rpc.request<ListSummary[]>(ListDecisionLists, { batchId }, actors.auditor());
    expect(lists.map((l) => [l.status, l.entryCount])).toEqual([['WITHDRAWN', 2]]);
    expect(lists[0]).not.toHaveProperty('applicationIds');
  });

  it('M9.1 after a withdrawal the candidates are decided again: a new list is frozen, the withdrawn one kept; a withdrawn list cannot be published or withdrawn again', async () => {
    const { batchId, ids } = await candidates(2);
    const first = await decide(batchId, ids, 2);
    await rpc.request(WithdrawDecisionList, { decisionListId: first.id, expectedVersion: first.version, reason: '名单顺序有误' }, department);
    const second = await decide(batchId, ids, 1, '厅务会纪要〔2026〕13号');
    expect(second.id).not.toBe(first.id);
    expect(second.applicationIds).toEqual([ids[0]]);
    expect(await statesOf(batchId)).toEqual(['ON_DECISION_LIST', 'NOT_SELECTED']);
    const lists = await rpc.request<ListSummary[]>(ListDecisionLists, { batchId }, department);
    expect(lists.map((l) => [l.status, l.entryCount]).sort()).toEqual([['DECIDED', 1], ['WITHDRAWN', 2]]);
    const everyBatch = await rpc.request<ListSummary[]>(ListDecisionLists, {}, department);
    expect(everyBatch.filter((l) => l.batchId === batchId).map((l) => l.entryCount).sort()).toEqual([1, 2]);
    const publish = await rpc.refusal(PublishList, { decisionListId: first.id }, department);
    expect([publish.code, publish.status]).toEqual(['DECISION_LIST_WITHDRAWN', 409]);
    const again = await rpc.refusal(WithdrawDecisionList, { decisionListId: first.id, expectedVersion: first.version + 1, reason: '再次撤回' }, department);
    expect([again.code, again.status]).toEqual(['DECISION_LIST_WITHDRAWN', 409]);
  });

  it('M9.1 M9.2 a published list cannot be withdrawn (409), and nothing changes', async () => {
    const { batchId, ids } = await candidates(1);
    const list = await decide(batchId, ids, 1);
    await rpc.request(PublishList, { decisionListId: list.id }, department);
    const err = await rpc.refusal(WithdrawDecisionList, { decisionListId: list.id, expectedVersion: list.version, reason: '发现错误' }, department);
    expect([err.code, err.status]).toEqual(['DECISION_LIST_PUBLISHED', 409]);
    expect(await statesOf(batchId)).toEqual(['IN_PUBLICITY']);
    expect(await q(`SELECT 1 FROM ${S()}.decision_list_entries WHERE decision_list_id = $1`, [list.id])).toHaveLength(1);
  });

  it('M9.1 a stale version is 409 STALE_VERSION, a blank reason 422, another role 403, an unknown list 404; nothing changes', async () => {
    const { batchId, ids } = await candidates(1);
    const list = await decide(batchId, ids, 1);
    const stale = await rpc.refusal(WithdrawDecisionList, { decisionListId: list.id, expectedVersion: list.version + 1, reason: '有误' }, department);
    expect([stale.code, stale.status]).toEqual(['STALE_VERSION', 409]);
    const blank = await rpc.refusal(WithdrawDecisionList, { decisionListId: list.id, expectedVersion: list.version, reason: ' \n ' }, department);
    expect(blank.status).toBe(422);
    for (const actor of [actors.auditor(), actors.prefecture('150200'), actors.enterprise('91150200MA0N4KXX4C')]) {
      const err = await rpc.refusal(WithdrawDecisionList, { decisionListId: list.id, expectedVersion: list.version, reason: '有误' }, actor);
      expect([err.code, err.status]).toEqual(['FORBIDDEN_ROLE', 403]);
    }
    const unknown = await rpc.refusal(WithdrawDecisionList, { decisionListId: randomUUID(), expectedVersion: 1, reason: '有误' }, department);
    expect([unknown.code, unknown.status]).toEqual(['DECISION_LIST_NOT_FOUND', 404]);
    expect(await statesOf(batchId)).toEqual(['ON_DECISION_LIST']);
    const [row] = await q<{ status: string; version: number }>(`SELECT status, version FROM ${S()}.decision_lists WHERE id = $1`, [list.id]);
    expect(row).toEqual({ status: 'DECIDED', version: 1 });
  });
});
