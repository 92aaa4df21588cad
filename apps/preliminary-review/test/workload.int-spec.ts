import * as C from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, startServiceInProcess } from '@firstset/testing';
import { preliminaryReviewModule } from '../src/preliminary-review.module';
import { BAOTOU, batchOpened, HOHHOT, openBatch, receive, submission } from './fixtures';

// The workspace home's part from preliminary review (ADR 0030): a prefecture's unclaimed cases,
// returned cases past their correction deadline and the summaries still due, each count equal to
// the queue it links to (`attention=unclaimed|overdue`).
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const baotou = actors.prefecture(BAOTOU);
const hohhot = actors.prefecture(HOHHOT);
const batch = batchOpened('2026-11-25');
const laterBatch = batchOpened('2026-12-20');
const pastBatch = batchOpened('2026-11-09');
const [a, b, c, d, e] = [1, 2, 3, 4, 5].map(() => submission(BAOTOU, batch.batchId));
const hohhotOne = submission(HOHHOT, batch.batchId);
const later = submission(BAOTOU, laterBatch.batchId);

interface Workload {
  items: Array<{ key: string; count: number; nextDeadline: string | null }>;
}
const workload = async (actor = baotou) => Object.fromEntries((await rpc.request<Workload>(C.GetPreliminaryReviewWorkload, {}, actor)).items.map((i) => [i.key, [i.count, i.nextDeadline]]));
const queue = async (attention: 'unclaimed' | 'overdue', actor = baotou) =>
  (await rpc.request<C.QueuePageV1>(C.SearchReviewQueue, { attention, pageSize: 100 }, actor)).items.map((r) => r.applicationId).sort();

beforeAll(async () => {
  service = await startServiceInProcess(env, 'preliminary-review', preliminaryReviewModule);
  rpc = await RpcCaller.connect(env);
  for (const x of [batch, laterBatch, pastBatch]) await openBatch(env, x);
  await receive(env, a, b, c, d, e, hohhotOne, later);
  await rpc.setClock(new Date('2026-11-10T10:00:00+08:00'));
  await rpc.request(C.ClaimReviewCase, { applicationId: a.applicationId }, baotou);
  const ret = (applicationId: string, deadline: string) =>
    rpc.request(C.ReturnForCorrection, { applicationId, items: [{ item: 'testReport', reason: '检测报告缺页' }], deadline, measuresIds: ['M7.4'] }, baotou);
  await ret(b.applicationId, '2026-11-14');
  await ret(c.applicationId, '2026-11-12');
  await ret(d.applicationId, '2026-11-30');
  // Ten days on: the returns of b and c have passed their deadline (the day itself still counts), d's has not.
  await rpc.setClock(new Date('2026-11-14T10:00:00+08:00'));
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('preliminary review workload (workspace home, ADR 0030)', () => {
  it('M7.3 counts the own prefecture\'s unclaimed and overdue cases as the queue filters list them, and the next summary deadline', async () => {
    expect(await workload()).toEqual({
      'prefecture.unclaimed': [2, null],
      'prefecture.overdue': [1, '2026-11-12'],
      'prefecture.summaryDue': [2, '2026-11-25'],
    });
    expect(await queue('unclaimed')).toEqual([e.applicationId, later.applicationId].sort());
    expect(await queue('overdue')).toEqual([c.applicationId]);
    await rpc.setClock(new Date('2026-11-15T10:00:00+08:00'));
    expect((await workload())['prefecture.overdue']).toEqual([2, '2026-11-12']);
    expect(await queue('overdue')).toEqual([b.applicationId, c.applicationId].sort());
  });

  it('shows another prefecture none of the first one\'s cases', async () => {
    expect(await workload(hohhot)).toEqual({
      'prefecture.unclaimed': [1, null],
      'prefecture.overdue': [0, null],
      // Its one case is in the first batch; the later batch has none of Hohhot's to summarise.
      'prefecture.summaryDue': [1, '2026-11-25'],
    });
    expect(await queue('unclaimed', hohhot)).toEqual([hohhotOne.applicationId]);
    expect(await queue('overdue', hohhot)).toEqual([]);
  });

  it('refuses other roles (403), an unknown attention and unknown fields (400)', async () => {
    for (const actor of [actors.department(), actors.auditor(), actors.enterprise('91150200MA0N4KXX4C'), actors.expert('e-1')]) {
      expect((await rpc.refusal(C.GetPreliminaryReviewWorkload, {}, actor)).status).toBe(403);
    }
    expect((await rpc.refusal(C.SearchReviewQueue, { attention: 'everything' } as never, baotou)).status).toBe(400);
    expect((await rpc.refusal(C.GetPreliminaryReviewWorkload, { prefectureId: HOHHOT } as never, baotou)).status).toBe(400);
  });
});
