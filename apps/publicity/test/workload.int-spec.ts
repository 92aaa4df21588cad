import { randomUUID } from 'node:crypto';
import {
  ApplicationReviewed,
  ApplicationReviewedV1,
  AssessObjection,
  DecideBatch,
  GetPublicityWorkload,
  ListObjections,
  LodgeObjection,
  LodgeObjectionV1,
  PublishList,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { publicityModule } from '../src/publicity.module';

// The workspace home's part from publicity (ADR 0030): the objections waiting for the Department,
// to admit and to conclude, each count equal to the objections list's status it links to.
const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const USCC = '91150200MA0N4KXX4C';
const S = () => `"${schemaOf(env, 'publicity')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);
const NOW = new Date('2026-11-30T02:00:00Z');

interface Detail {
  id: string;
  status: string;
}

const reviewed = (batchId: string, n: number): ApplicationReviewedV1 => ({
  applicationId: randomUUID(),
  batchId,
  applicationNo: `2026-150200-${String(n).padStart(5, '0')}`,
  prefectureId: '150200',
  enterprise: { uscc: USCC, name: `包头北方重型装备有限公司${n}`, registeredAddress: '包头市青山区' },
  product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${n}`, rdCompletedOn: '2026-03-01' },
  score: 85,
  opinion: '技术先进，同意认定',
  reviewedAt: new Date().toISOString(),
});

/** A decided list of `count` entries, published on `publicationDate` unless null; its entry ids in order. */
async function list(count: number, publicationDate: string | null = '2026-11-30') {
  const batchId = randomUUID();
  const events = Array.from({ length: count }, (_, i) => reviewed(batchId, i + 1));
  for (const e of events) await publishEvent(env, ApplicationReviewed, e);
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.candidates WHERE batch_id = $1`, [batchId])).length === count);
  const decisions = events.map((e) => ({ applicationId: e.applicationId, outcome: 'selected' as const }));
  // A publication is never back-dated (M9.2): a list published in the past was decided and published then.
  const past = publicationDate !== null && publicationDate < '2026-11-30';
  if (past) await rpc.setClock(new Date(`${publicationDate}T02:00:00Z`));
  const { list: decided } = await rpc.request<{ list: { id: string } }>(DecideBatch, { batchId, meetingRef: '厅务会纪要〔2026〕2号', meetingOn: '2026-09-28', deliberation: '同意列入', decisions }, department);
  if (publicationDate) await rpc.request(PublishList, { decisionListId: decided.id, publicationDate }, department);
  if (past) await rpc.setClock(NOW);
  const entries = await q<{ id: string; application_id: string }>(
    `SELECT id, application_id FROM ${S()}.decision_list_entries WHERE decision_list_id = $1 ORDER BY seq, application_id`,
    [decided.id],
  );
  return { listId: decided.id, entries: entries.map((e) => ({ entryId: e.id, applicationId: e.application_id })) };
}

const objection = (entryId: string, phone = '13800000001'): LodgeObjectionV1 => ({
  entryId,
  objectorName: '张三',
  objectorKind: 'individual',
  phone,
  grounds: '该产品在公示前已在区外批量销售，不属于首台（套）。',
});

/** Lodged anonymously, and its Department id. */
async function lodged(entryId: string, phone = '13800000001') {
  const receipt = await rpc.request<{ receiptNo: string }>(LodgeObjection, objection(entryId, phone));
  const [row] = await q<{ id: string }>(`SELECT id FROM ${S()}.objections WHERE receipt_no = $1`, [receipt.receiptNo]);
  return { receiptNo: receipt.receiptNo, id: row.id };
}

const admitted = async (id: string) =>
  rpc.request<Detail>(AssessObjection, { objectionId: id, expectedVersion: 1, outcome: 'under_investigation', reason: '理由具体，予以受理调查' }, department);

interface Workload {
  items: Array<{ key: string; count: number; nextDeadline: string | null }>;
}
const workload = async (actor = department) => Object.fromEntries((await rpc.request<Workload>(GetPublicityWorkload, {}, actor)).items.map((i) => [i.key, i.count]));
const listed = async (status: string) => (await rpc.request<unknown[]>(ListObjections, { status }, department)).length;

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'publicity', publicityModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(NOW);
  const { entries } = await list(3);
  const ids = [];
  for (const [i, e] of entries.entries()) ids.push((await lodged(e.entryId, `1380000000${i}`)).id);
  await admitted(ids[0]);
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

describe('publicity workload (workspace home, ADR 0030)', () => {
  it('M9.2, M9.3 counts the objections to admit and to conclude as the objections list\'s status filter lists them, for the Department and the auditor', async () => {
    expect(await workload()).toEqual({ 'department.objectionsReceived': 2, 'department.objectionsInvestigating': 1 });
    expect(await workload(actors.auditor())).toEqual({ 'department.objectionsReceived': 2, 'department.objectionsInvestigating': 1 });
    expect([await listed('received'), await listed('under_investigation')]).toEqual([2, 1]);
  });

  it('refuses other roles (403) and unknown fields (400)', async () => {
    for (const actor of [actors.prefecture('150200'), actors.enterprise(USCC), actors.expert(randomUUID()), actors.institution(randomUUID())]) {
      expect((await rpc.refusal(GetPublicityWorkload, {}, actor)).status).toBe(403);
    }
    expect((await rpc.refusal(GetPublicityWorkload, { status: 'received' } as never, department)).status).toBe(400);
  });
});
