import { randomUUID } from 'node:crypto';
import { AcceptAssignment, AssignExpert, CommissionInstitution, GetExpertManagementWorkload, ScoreApplication, SearchReviews } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { expertManagementModule } from '../src/expert-management.module';
import { accepting, recommend, recommended, scoring } from './review-fixtures';

// The workspace home's part from expert management (ADR 0030): an expert's assignments to accept
// and to score, an institution's cases in review, each count equal to the list it links to.
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const ids = { centre: randomUUID(), wang: randomUUID(), li: randomUUID() };
const department = actors.department();
const staff = actors.institution(ids.centre);
const wang = actors.expert(ids.wang);
const li = actors.expert(ids.li);
const batchId = randomUUID();
const apps: string[] = [];

interface Workload {
  items: Array<{ key: string; count: number; nextDeadline: string | null }>;
}
const workload = async (actor = wang) => Object.fromEntries((await rpc.request<Workload>(GetExpertManagementWorkload, {}, actor)).items.map((i) => [i.key, i.count]));
const stage = async (s: 'ASSIGNED' | 'ACCEPTED', actor = wang) => (await rpc.request<{ total: number }>(SearchReviews, { stage: s, pageSize: 100 }, actor)).total;

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-11-28T04:00:00Z'));
  const s = schemaOf(env, 'expert-management');
  await sql(env, `INSERT INTO "${s}".institutions (id, name, uscc) VALUES ($1, '内蒙古自治区工业技术评价中心', '12150000MB1234562H')`, [ids.centre]);
  await sql(env, `INSERT INTO "${s}".experts (id, name, institution_id, field) VALUES ($1, '王明', $3, '大型矿山冶金装备'), ($2, '李华', $3, '新材料')`, [ids.wang, ids.li, ids.centre]);
  await rpc.request(CommissionInstitution, { batchId, institutionId: ids.centre }, department);
  const cases = [recommended(batchId), recommended(batchId), recommended(batchId), recommended(batchId)];
  await recommend(env, ...cases);
  apps.push(...cases.map((e) => e.applicationId));
  // Wang: two assigned, one accepted, one scored; Li: one assigned.
  for (const id of apps) await rpc.request(AssignExpert, { applicationId: id, expertId: ids.wang }, staff);
  await rpc.request(AssignExpert, { applicationId: apps[0], expertId: ids.li }, staff);
  for (const id of [apps[2], apps[3]]) await rpc.request(AcceptAssignment, accepting(id), wang);
  await rpc.request(ScoreApplication, scoring(apps[3], 9), wang);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('expert management workload (workspace home, ADR 0030)', () => {
  it('M8.1, M11.1 counts the expert\'s assignments to accept and to score as the assignments list\'s stages list them', async () => {
    expect(await workload()).toEqual({ 'expert.toAccept': 2, 'expert.toScore': 1 });
    expect([await stage('ASSIGNED'), await stage('ACCEPTED')]).toEqual([2, 1]);
  });

  it('shows another expert none of the first one\'s assignments', async () => {
    expect(await workload(li)).toEqual({ 'expert.toAccept': 1, 'expert.toScore': 0 });
    expect(await workload(actors.expert(randomUUID()))).toEqual({ 'expert.toAccept': 0, 'expert.toScore': 0 });
  });

  it('M8.1 counts the institution\'s cases in comprehensive review as its reviews list shows them; another institution sees none', async () => {
    const inReview = async (actor: typeof staff) => (await rpc.request<Workload>(GetExpertManagementWorkload, {}, actor)).items;
    expect(await inReview(staff)).toEqual([{ key: 'institution.inReview', count: 4, nextDeadline: null }]);
    expect((await rpc.request<{ total: number }>(SearchReviews, { state: 'UNDER_COMPREHENSIVE_REVIEW', pageSize: 100 }, staff)).total).toBe(4);
    const other = randomUUID();
    await sql(env, `INSERT INTO "${schemaOf(env, 'expert-management')}".institutions (id, name, uscc) VALUES ($1, '另一家评价机构', '12150000MB7654321X')`, [other]);
    expect(await inReview(actors.institution(other))).toEqual([{ key: 'institution.inReview', count: 0, nextDeadline: null }]);
  });

  it('refuses other roles (403) and unknown fields (400)', async () => {
    for (const actor of [department, actors.auditor(), actors.enterprise('91150200MA0N4KXX4C'), actors.prefecture('150200')]) {
      expect((await rpc.refusal(GetExpertManagementWorkload, {}, actor)).status).toBe(403);
    }
    expect((await rpc.refusal(GetExpertManagementWorkload, { expertId: ids.li } as never, wang)).status).toBe(400);
  });
});
