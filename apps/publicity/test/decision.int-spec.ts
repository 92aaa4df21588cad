import { createHash, randomUUID } from 'node:crypto';
import { ApplicationReviewed, ApplicationReviewedV1, DecideBatch } from '@firstset/contracts';
import { canonicalListContent, FrozenListEntry } from '@firstset/domain';
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
} from '@firstset/testing';
import { publicityModule } from '../src/publicity.module';

const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = { ...actors.department(), displayName: '王处长' };
const S = () => `"${schemaOf(env, 'publicity')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);
const meeting = { meetingRef: '厅务会纪要〔2026〕12号', meetingOn: '2026-11-27', deliberation: '逐项审议专家意见和现场核查结果' };

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'publicity', publicityModule);
  rpc = await RpcCaller.connect(env);
  // Monday 30 November 2026, 10:00 in China.
  await rpc.setClock(new Date('2026-11-30T02:00:00Z'));
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

/** Reviewed candidates of a fresh batch, from two prefectures, consumed from their events. */
async function candidates(count: number) {
  const batchId = randomUUID();
  const events: ApplicationReviewedV1[] = Array.from({ length: count }, (_, i) => {
    const prefectureId = i % 2 === 0 ? '150200' : '150100';
    return {
      applicationId: randomUUID(),
      batchId,
      applicationNo: `2026-${prefectureId}-${String(count - i).padStart(5, '0')}`,
      prefectureId,
      enterprise: { uscc: '91150200MA0N4KXX4C', name: `包头北方重型装备有限公司${i + 1}`, registeredAddress: '包头市青山区' },
      product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${i + 1}` , rdCompletedOn: '2026-03-01' },
      score: 80 + i,
      opinion: '技术先进，同意认定',
      reviewedAt: new Date().toISOString(),
    };
  });
  for (const e of events) await publishEvent(env, ApplicationReviewed, e);
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.candidates WHERE batch_id = $1`, [batchId])).length === count);
  return { batchId, ids: events.map((e) => e.applicationId), events };
}

const statesOf = async (batchId: string) =>
  (await q<{ state: string }>(`SELECT state FROM ${S()}.candidates WHERE batch_id = $1 ORDER BY application_no`, [batchId])).map((r) => r.state);
const outboxOf = (subject: string, key: string, value: string) =>
  q<{ payload: Record<string, unknown> }>(`SELECT payload FROM ${S()}.outbox_events WHERE subject = $1 AND payload->>'${key}' = $2`, [subject, value]);

describe('the Department decides a batch (M9.1)', () => {
  it('M9.1 refuses a decision that leaves a candidate undecided, decides one twice or names a stranger, and changes nothing', async () => {
    const { batchId, ids } = await candidates(3);
    const other = await candidates(1);
    const err = await rpc.refusal(
      DecideBatch,
      {
        batchId,
        ...meeting,
        decisions: [
          { applicationId: ids[0], outcome: 'selected' },
          { applicationId: ids[0], outcome: 'selected' },
          { applicationId: other.ids[0], outcome: 'selected' },
        ],
      },
      department,
    );
    expect([err.code, err.status]).toEqual(['DECISION_INCOMPLETE', 422]);
    expect(err.error.errors?.map((e) => e.field)).toEqual(['decisions.1.applicationId', 'decisions.2.applicationId', 'decisions']);
    expect(err.error.errors?.[2].message).toContain(ids[1]);
    expect(await statesOf(batchId)).toEqual(['REVIEWED', 'REVIEWED', 'REVIEWED']);
    expect(await statesOf(other.batchId)).toEqual(['REVIEWED']);
    expect(await q(`SELECT 1 FROM ${S()}.decision_lists WHERE batch_id = $1`, [batchId])).toHaveLength(0);
    expect(await outboxOf('publicity.application.decided.v1', 'batchId', batchId)).toHaveLength(0);
    const audit = await q(`SELECT outcome FROM ${S()}.audit_records WHERE action = 'decision.decide-batch' AND object_id = $1`, [batchId]);
    expect(audit).toEqual([{ outcome: 'rejected' }]);
  });

  it('M9.1 requires a reason for each one not selected, at its field, and a meeting not in the future', async () => {
    const { batchId, ids } = await candidates(2);
    const noReason = await rpc.refusal(
      DecideBatch,
      { batchId, ...meeting, decisions: [{ applicationId: ids[0], outcome: 'selected' }, { applicationId: ids[1], outcome: 'not_selected', reason: '  ' }] },
      department,
    );
    expect([noReason.code, noReason.error.errors]).toEqual(['DECISION_INCOMPLETE', [expect.objectContaining({ field: 'decisions.1.reason' })]]);
    const future = await rpc.refusal(
      DecideBatch,
      { batchId, ...meeting, meetingOn: '2026-12-01', decisions: ids.map((applicationId) => ({ applicationId, outcome: 'selected' as const })) },
      department,
    );
    expect([future.code, future.status, future.error.errors?.[0].field]).toEqual(['MEETING_DATE_IN_FUTURE', 422, 'meetingOn']);
    expect(await statesOf(batchId)).toEqual(['REVIEWED', 'REVIEWED']);
  });

  it('M9.1 decides every candidate: the selected make a frozen list in a stable order with a recomputable hash, the others are not selected with their reason', async () => {
    const { batchId, ids, events } = await candidates(4);
    const reply = await rpc.request<{
      list: { id: string; status: string; contentHash: string; decidedByName: string; meetingRef: string; meetingOn: string; applicationIds: string[] };
      selected: string[];
      notSelected: Array<{ applicationId: string; reason: string }>;
    }>(
      DecideBatch,
      {
        batchId,
        ...meeting,
        decisions: [
          { applicationId: ids[0], outcome: 'selected' },
          { applicationId: ids[1], outcome: 'selected' },
          { applicationId: ids[2], outcome: 'not_selected', reason: '现场核查发现首台（套）条件不符' },
          { applicationId: ids[3], outcome: 'selected' },
        ],
      },
      department,
    );
    // By prefecture, then application number: 150100 first (ids[1], ids[3] numbered 00003, 00001), then 150200.
    expect(reply.list.applicationIds).toEqual([ids[3], ids[1], ids[0]]);
    expect(reply.list).toMatchObject({ status: 'DECIDED', decidedByName: '王处长', meetingRef: meeting.meetingRef, meetingOn: meeting.meetingOn });
    expect(reply.notSelected).toEqual([{ applicationId: ids[2], reason: '现场核查发现首台（套）条件不符' }]);
    const [row] = await q<{ content: FrozenListEntry[]; content_hash: string; decided_on: string; deliberation: string }>(
      `SELECT content, content_hash, decided_on, deliberation FROM ${S()}.decision_lists WHERE id = $1`,
      [reply.list.id],
    );
    expect(row.content.map((e) => [e.seq, e.applicationNo])).toEqual([[1, events[3].applicationNo], [2, events[1].applicationNo], [3, events[0].applicationNo]]);
    expect(Object.keys(row.content[0])).not.toEqual(expect.arrayContaining(['score', 'opinion']));
    const recomputed = createHash('sha256').update(canonicalListContent({ batchId, decidedOn: row.decided_on, entries: row.content })).digest('hex');
    expect(row.content_hash).toBe(recomputed);
    expect(reply.list.contentHash).toBe(recomputed);
    expect(row.deliberation).toBe(meeting.deliberation);
    const entries = await q<{ application_id: string; seq: number }>(`SELECT application_id, seq FROM ${S()}.decision_list_entries WHERE decision_list_id = $1 ORDER BY seq`, [reply.list.id]);
    expect(entries.map((e) => e.application_id)).toEqual([ids[3], ids[1], ids[0]]);
    const rows = await q<{ application_id: string; state: string; decision: string; decision_reason: string | null }>(
      `SELECT application_id, state, decision, decision_reason FROM ${S()}.candidates WHERE batch_id = $1`,
      [batchId],
    );
    expect(rows.find((r) => r.application_id === ids[2])).toMatchObject({ state: 'NOT_SELECTED', decision: 'not_selected', decision_reason: '现场核查发现首台（套）条件不符' });
    expect(rows.filter((r) => r.state === 'ON_DECISION_LIST')).toHaveLength(3);
    expect(await outboxOf('publicity.decision-list.created.v1', 'decisionListId', reply.list.id)).toHaveLength(1);
    const decided = await outboxOf('publicity.application.decided.v1', 'batchId', batchId);
    expect(decided.map((e) => e.payload.outcome).sort()).toEqual(['not_selected', 'selected', 'selected', 'selected']);
    // Decided once: nothing is left REVIEWED, and deciding again names every application as no candidate.
    const again = await rpc.refusal(DecideBatch, { batchId, ...meeting, decisions: [{ applicationId: ids[0], outcome: 'selected' }] }, department);
    expect([again.code, again.error.errors?.[0].field]).toEqual(['DECISION_INCOMPLETE', 'decisions.0.applicationId']);
  });

  it('M9.1 a batch where none is selected makes no list, and the enterprise is still told', async () => {
    const { batchId, ids } = await candidates(2);
    const reply = await rpc.request<{ list: unknown; notSelected: unknown[] }>(
      DecideBatch,
      { batchId, ...meeting, decisions: ids.map((applicationId) => ({ applicationId, outcome: 'not_selected', reason: '创新性不足' })) },
      department,
    );
    expect(reply.list).toBeNull();
    expect(reply.notSelected).toHaveLength(2);
    expect(await q(`SELECT 1 FROM ${S()}.decision_lists WHERE batch_id = $1`, [batchId])).toHaveLength(0);
    expect(await statesOf(batchId)).toEqual(['NOT_SELECTED', 'NOT_SELECTED']);
    expect(await outboxOf('publicity.application.decided.v1', 'batchId', batchId)).toHaveLength(2);
  });

  it('M9.1 only department officers decide (enterprise, prefecture, auditor, institution: 403)', async () => {
    const { batchId, ids } = await candidates(1);
    const input = { batchId, ...meeting, decisions: [{ applicationId: ids[0], outcome: 'selected' as const }] };
    for (const actor of [actors.enterprise('91150200MA0N4KXX4C'), actors.prefecture('150200'), actors.auditor()]) {
      const err = await rpc.refusal(DecideBatch, input, actor);
      expect([err.code, err.status]).toEqual(['FORBIDDEN_ROLE', 403]);
    }
    expect(await statesOf(batchId)).toEqual(['REVIEWED']);
  });
});
