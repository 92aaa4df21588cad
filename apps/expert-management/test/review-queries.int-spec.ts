import { randomUUID } from 'node:crypto';
import { AcceptAssignment, AssignExpert, CommissionInstitution, ListCommissions, ListExperts, ListInstitutions, ScoreApplication, SearchReviews } from '@firstset/contracts';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { expertManagementModule } from '../src/expert-management.module';
import { recommend, recommended } from './review-fixtures';

/** The paged reads the workspaces use: reviews by role and stage, the expert pool, institutions, commissions. */
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;

const ids = { centre: randomUUID(), other: randomUUID(), banned: randomUUID(), wang: randomUUID(), li: randomUUID(), zhao: randomUUID(), out: randomUUID() };
const department = actors.department();
const auditor = actors.auditor();
const staff = actors.institution(ids.centre);
const otherStaff = actors.institution(ids.other);
const wang = actors.expert(ids.wang);
const li = actors.expert(ids.li);

interface Row { applicationId: string; applicationNo: string; undertakingAccepted?: boolean; enterprise?: unknown; assignments?: Array<{ expertName: string; score: number | null }>; myAssignment?: { score: number | null } }
interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

const batchId = randomUUID();
const otherBatchId = randomUUID();
const apps: string[] = [];

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-11-28T04:00:00Z'));
  const s = schemaOf(env, 'expert-management');
  await sql(env, `INSERT INTO "${s}".institutions (id, name, uscc, banned_until) VALUES
    ($1, '内蒙古自治区工业技术评价中心', '12150000MB1234562H', NULL),
    ($2, '另一家评价机构', '12150000MB7654321X', '2020-01-01'),
    ($3, '被禁止的评价机构', '12150000MB0000001A', '2099-12-31')`, [ids.centre, ids.other, ids.banned]);
  await sql(env, `INSERT INTO "${s}".experts (id, name, institution_id, field, disqualified_on) VALUES
    ($1, '王明', $5, '大型矿山冶金装备', NULL), ($2, '李华', $5, '新材料', NULL),
    ($3, '赵强', $5, '电力装备', '2025-06-01'), ($4, '孙丽', $6, '新材料', NULL)`,
  [ids.wang, ids.li, ids.zhao, ids.out, ids.centre, ids.other]);
  // Three cases of a batch commissioned to the centre, one of a batch commissioned to the other institution.
  await rpc.request(CommissionInstitution, { batchId, institutionId: ids.centre }, department);
  await rpc.request(CommissionInstitution, { batchId: otherBatchId, institutionId: ids.other }, department);
  const mine = [recommended(batchId), recommended(batchId), recommended(batchId)];
  await recommend(env, ...mine, recommended(otherBatchId));
  apps.push(...mine.map((e) => e.applicationId));
  // Wang: one assigned, one accepted, one scored; Li: one assigned.
  for (const id of apps) await rpc.request(AssignExpert, { applicationId: id, expertId: ids.wang }, staff);
  await rpc.request(AssignExpert, { applicationId: apps[0], expertId: ids.li }, staff);
  const { undertaking, rubric } = INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview;
  await rpc.request(AcceptAssignment, { applicationId: apps[1], undertakingVersion: undertaking.version, conflict: 'none' }, wang);
  await rpc.request(AcceptAssignment, { applicationId: apps[2], undertakingVersion: undertaking.version, conflict: 'none' }, wang);
  // 9 of 10 on every criterion but the market (5 of 10, weight 10): a weighted total of 86.
  const criteria = rubric.map((c) => ({ criterionId: c.id, score: c.id === 'market' ? 5 : 9, comment: '技术先进' }));
  await rpc.request(ScoreApplication, { applicationId: apps[2], criteria, recommendation: 'recommend', opinion: '技术先进' }, wang);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

const search = (actor: ReturnType<typeof actors.department>, query: Record<string, unknown> = {}) =>
  rpc.request<Page<Row>>(SearchReviews, query, actor);

describe('the review list, paged on the server', () => {
  it('M8.1 the institution pages through its commissioned batches only, with every expert\'s status and score', async () => {
    const first = await search(staff, { pageSize: 2 });
    const second = await search(staff, { pageSize: 2, page: 2 });
    expect([first.total, first.items.length, second.items.length, second.page]).toEqual([3, 2, 1, 2]);
    expect([...first.items, ...second.items].map((r) => r.applicationId).sort()).toEqual([...apps].sort());
    const scored = second.items.find((r) => r.applicationId === apps[2]) ?? first.items.find((r) => r.applicationId === apps[2]);
    expect(scored?.assignments).toEqual([expect.objectContaining({ expertName: '王明', score: 86 })]);
    expect((await search(staff, { batchId: otherBatchId })).total).toBe(0);
    expect((await search(otherStaff, {})).total).toBe(1);
    expect((await search(auditor, { batchId })).total).toBe(3);
    expect((await search(staff, { state: 'REVIEWED' })).total).toBe(0);
  });

  it('M11.1 an expert lists their assignments by stage; an unaccepted one stays redacted', async () => {
    const assigned = await search(wang, { stage: 'ASSIGNED' });
    expect(assigned.items.map((r) => r.applicationId)).toEqual([apps[0]]);
    expect(assigned.items[0]).toMatchObject({ undertakingAccepted: false });
    expect(assigned.items[0]).not.toHaveProperty('enterprise');
    expect(assigned.items[0]).not.toHaveProperty('assignments');
    const accepted = await search(wang, { stage: 'ACCEPTED' });
    expect(accepted.items.map((r) => [r.applicationId, r.undertakingAccepted])).toEqual([[apps[1], true]]);
    const scored = await search(wang, { stage: 'SCORED' });
    expect(scored.items.map((r) => [r.applicationId, r.myAssignment?.score])).toEqual([[apps[2], 86]]);
    expect(scored.items[0]).not.toHaveProperty('result');
    expect((await search(wang)).total).toBe(3);
    // Li sees the one assignment of Li's own, and no one else's scores.
    const ofLi = await search(li);
    expect([ofLi.total, ofLi.items[0].applicationId]).toEqual([1, apps[0]]);
    expect(JSON.stringify(ofLi)).not.toContain('王明');
  });

  it('refuses bad paging and filters, and roles outside the review', async () => {
    for (const query of [{ pageSize: 101 }, { page: 0 }, { stage: 'DONE' }, { state: 'SUBMITTED' }, { batchId: 'b-1' }]) {
      const err = await rpc.refusal(SearchReviews, query as never, staff);
      expect([JSON.stringify(query), err.code, err.status]).toEqual([JSON.stringify(query), 'VALIDATION_FAILED', 400]);
    }
    expect((await rpc.refusal(SearchReviews, {}, actors.prefecture('150200'))).status).toBe(403);
    expect((await rpc.refusal(SearchReviews, {}, actors.enterprise('91150200MA0N4KXX4C'))).status).toBe(403);
  });
});

describe('the expert pool, institutions and commissions', () => {
  it('M11.2 the institution reads its own pool, the disqualified expert marked, searched by name or field', async () => {
    const pool = await rpc.request<Page<{ id: string; name: string; qualified: boolean; disqualifiedOn: string | null }>>(ListExperts, {}, staff);
    expect(pool.items.map((e) => [e.name, e.qualified])).toEqual([['李华', true], ['王明', true], ['赵强', false]]);
    expect(pool.items.find((e) => e.name === '赵强')?.disqualifiedOn).toBe('2025-06-01');
    const byField = await rpc.request<Page<{ name: string }>>(ListExperts, { search: '新材料' }, staff);
    expect(byField.items.map((e) => e.name)).toEqual(['李华']); // not 孙丽 of the other institution
    const paged = await rpc.request<Page<{ name: string }>>(ListExperts, { pageSize: 1, page: 3 }, staff);
    expect([paged.total, paged.items.map((e) => e.name)]).toEqual([3, ['赵强']]);
    expect((await rpc.refusal(ListExperts, {}, wang)).status).toBe(403);
    // The Department reads every pool (to name an expert in a case, M11.2), 孙丽 of the other institution too.
    expect((await rpc.request<Page<{ name: string }>>(ListExperts, { search: '新材料' }, department)).items.map((e) => e.name).sort()).toEqual(['孙丽', '李华'].sort());
    expect((await rpc.refusal(ListExperts, { search: 'x'.repeat(101) }, staff)).code).toBe('VALIDATION_FAILED');
  });

  it('M10.3 the Department reads the institutions with their bans, and every commission; an institution its own', async () => {
    const institutions = await rpc.request<Page<{ name: string; banned: boolean }>>(ListInstitutions, {}, department);
    expect(institutions.items.map((i) => [i.name, i.banned])).toEqual([
      ['内蒙古自治区工业技术评价中心', false],
      ['另一家评价机构', false],
      ['被禁止的评价机构', true],
    ]);
    expect((await rpc.refusal(ListInstitutions, {}, staff)).status).toBe(403);
    const all = await rpc.request<Page<{ batchId: string; institutionName: string }>>(ListCommissions, {}, auditor);
    expect(all.items.map((c) => c.batchId).sort()).toEqual([batchId, otherBatchId].sort());
    const one = await rpc.request<Page<{ institutionName: string }>>(ListCommissions, { batchId }, department);
    expect(one.items.map((c) => c.institutionName)).toEqual(['内蒙古自治区工业技术评价中心']);
    const own = await rpc.request<Page<{ batchId: string }>>(ListCommissions, {}, staff);
    expect(own.items.map((c) => c.batchId)).toEqual([batchId]);
    expect((await rpc.refusal(ListCommissions, {}, wang)).status).toBe(403);
  });
});
