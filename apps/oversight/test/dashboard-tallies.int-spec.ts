import { randomUUID } from 'node:crypto';
import { ReadDashboard, type DashboardV1, type ReadDashboardV1 } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { PRISMA } from '@firstset/service-kit';
import { oversightModule } from '../src/oversight.module';
import { Db, Tx } from '../src/prisma';
import { PipelineConsumer } from '../src/projection/pipeline.consumer';
import { ReviewAndPublicityConsumer } from '../src/projection/review-and-publicity.consumer';
import { ExactDashboard } from '../src/dashboards/exact-dashboard';
import { TalliedDashboard } from '../src/dashboards/tallied-dashboard';
import { Query } from '../src/dashboards/dashboard-sql';
import { summary, submittedEvent, recommendedEvent } from './events';

/**
 * The tallies and the rank-read percentiles (ADR 0029, 2026-12-03) against the exact reference
 * (grouped SQL over the rows) on a generated data set written through the consumers, with events
 * out of order and redelivered. Both are exact: equal, not within a tolerance.
 */
const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
let db: Db;
const S = () => `"${schemaOf(env, 'oversight')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);
const AS_OF = '2026-04-01';
const BATCHES = [randomUUID(), randomUUID()];
const PREFECTURES = ['150100', '150200', '150600'];

/** A seeded generator: the same data set every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Step = (tx: Tx) => Promise<unknown>;

/** One application's events, as the consumers receive them. */
function lifeOf(r: () => number, pipeline: PipelineConsumer, review: ReviewAndPublicityConsumer, i: number): Step[] {
  const s = summary(BATCHES[Math.floor(r() * BATCHES.length)], PREFECTURES[Math.floor(r() * PREFECTURES.length)], i);
  const id = s.applicationId;
  // Whole hours from 1 March 2026 (China noon), so some durations tie.
  let t = Date.UTC(2026, 2, 1, 4) + Math.floor(r() * 20 * 24) * 3600_000;
  const next = (maxDays: number) => new Date((t += Math.floor(1 + r() * maxDays * 24) * 3600_000)).toISOString();
  const created = new Date(t).toISOString();
  const submittedAt = next(5);
  const steps: Step[] = [(tx) => pipeline.submitted([{ payload: submittedEvent(s, submittedAt, created) }], tx)];
  for (let k = 0; k < (r() < 0.4 ? (r() < 0.3 ? 2 : 1) : 0); k++) {
    const returnedAt = next(6);
    const deadline = new Date(Date.parse(returnedAt) + (r() < 0.5 ? 5 : 20) * 86400_000).toISOString().slice(0, 10);
    const items = ['test_report', 'ip_proof', 'business_license', 'sales_contracts'].filter(() => r() < 0.5);
    steps.push((tx) => pipeline.returned({ applicationId: id, items: items.map((item) => ({ item, reason: '补正' })), deadline, returnedBy: randomUUID(), returnedAt }, tx));
    if (r() < 0.15) return steps; // never answered
    const at = next(12);
    steps.push((tx) => pipeline.resubmitted({ ...submittedEvent(s, at), version: k + 2, previousVersion: k + 1, changes: [] }, tx));
  }
  if (r() < 0.05) {
    const withdrawnAt = next(3);
    return [...steps, (tx) => pipeline.withdrawn({ applicationId: id, withdrawnAt } as never, tx)];
  }
  if (r() < 0.2) return steps; // still in review
  if (r() < 0.1) {
    const at = next(10);
    return [...steps, (tx) => pipeline.rejected({ applicationId: id, reason: '不符合', measuresIds: [], rejectedBy: randomUUID(), rejectedAt: at }, tx)];
  }
  const recommendedAt = next(10);
  steps.push((tx) => pipeline.recommended(recommendedEvent(s, recommendedAt), tx));
  if (r() < 0.3) return steps;
  const startedAt = next(4);
  steps.push((tx) => review.reviewStarted({ applicationId: id, institutionId: randomUUID(), startedAt }, tx));
  if (r() < 0.3) return steps;
  const reviewedAt = next(15);
  steps.push((tx) => review.reviewed({ ...s, score: 80, opinion: '同意', reviewedAt }, tx));
  if (r() < 0.5) {
    const objectionId = randomUUID();
    const lodgedAt = next(3);
    steps.push((tx) => review.objectionLodged({ objectionId, decisionListId: randomUUID(), applicationId: id, lodgedAt }, tx));
    if (r() < 0.6) {
      const decidedAt = next(5);
      const outcome = r() < 0.5 ? 'upheld' : 'dismissed';
      steps.push((tx) =>
        review.objectionDecided({ objectionId, applicationId: id, applicationNo: s.applicationNo, enterpriseUscc: s.enterprise.uscc, outcome, decidedAt } as never, tx),
      );
    }
  }
  return steps;
}

const shuffle = <T>(r: () => number, xs: T[]) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
};

let steps: Step[] = [];
const r = prng(29);

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'oversight', oversightModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date(`${AS_OF}T04:00:00Z`));
  db = svc.app.get(PRISMA);
  const pipeline = svc.app.get(PipelineConsumer);
  const review = svc.app.get(ReviewAndPublicityConsumer);
  for (const [i, batchId] of BATCHES.entries())
    await db.$transaction((tx) => pipeline.batchOpened({ batchId, year: 2026, name: `批次${i}`, prefectureDeadline: i === 0 ? '2026-03-25' : '2026-04-20' } as never, tx));
  steps = Array.from({ length: 250 }, (_, i) => lifeOf(r, pipeline, review, i)).flat();
  // Arrival order is not the order of events: across applications and within one.
  for (const step of shuffle(r, [...steps])) await db.$transaction((tx) => step(tx));
}, 120_000);

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

const query: Query = (text, params) => db.$queryRawUnsafe(text, ...params);
const tallied = (f: ReadDashboardV1) => db.$transaction((tx) => new TalliedDashboard((text, params) => tx.$queryRawUnsafe(text, ...params), S()).figures(f, AS_OF), { isolationLevel: 'RepeatableRead' });
const exact = (f: ReadDashboardV1) => new ExactDashboard(query, S()).figures(f, AS_OF);
const views = (): ReadDashboardV1[] => [{}, { batchId: BATCHES[0] }, { batchId: BATCHES[1] }, { prefectureId: '150200' }, { batchId: BATCHES[1], prefectureId: '150600' }, { prefectureId: '152900' }];
const tallies = () => q(`SELECT batch_id, prefecture_id, metric, key, n::int FROM ${S()}.dashboard_tallies WHERE n <> 0 ORDER BY 1, 2, 3, 4`);
const fromRows = () => q(`SELECT batch_id, prefecture_id, metric, key, n::int FROM ${S()}.dashboard_tallies_of_rows() ORDER BY 1, 2, 3, 4`);

describe('dashboard tallies: equal to the exact reference on a generated data set', () => {
  it('the data set covers what the page shows', async () => {
    const all = await exact({});
    expect(all.applications).toBe(250);
    // Publicity is left out of this data set (its stage rows are tallied like the others).
    expect(all.stages.filter((s) => s.stage !== 'publicity').map((s) => s.completed > 5)).toEqual([true, true, true, true]);
    expect(all.deadlines.map((d) => d.met > 0 && d.missed > 0)).toEqual([true, true]);
    expect(all.objections.map((o) => o.count > 0)).toEqual([true, true, true]);
  });

  it('every view’s numbers equal the reference’s (counts, deadlines, returns, percentiles)', async () => {
    for (const f of views()) expect({ f, ...(await tallied(f)) }).toEqual({ f, ...(await exact(f)) });
  });

  it('the tallies the triggers kept equal the tallies recomputed from the rows', async () => {
    expect((await tallies()).length).toBeGreaterThan(50);
    expect(await tallies()).toEqual(await fromRows());
  });

  it('redelivered events, in another order, leave the tallies as they were', async () => {
    const before = await tallies();
    for (const step of shuffle(r, steps.filter(() => r() < 0.4))) await db.$transaction((tx) => step(tx));
    expect(await tallies()).toEqual(before);
    expect(await tallies()).toEqual(await fromRows());
  });

  it('a batch whose deadline moves is judged against the new one; the cached page follows the write', async () => {
    const read = (f: Record<string, string>) => rpc.request<DashboardV1>(ReadDashboard, f, actors.department());
    const before = await read({ batchId: BATCHES[0]! });
    const { figures } = { figures: await exact({ batchId: BATCHES[0] }) };
    expect(before).toMatchObject({ asOf: AS_OF, ...figures });
    await db.$transaction((tx) => svc.app.get(PipelineConsumer).batchWindowChanged({ batchId: BATCHES[0], year: 2026, name: '批次0', prefectureDeadline: '2026-03-05' } as never, tx));
    const after = await read({ batchId: BATCHES[0]! });
    expect(after.deadlines).toEqual((await exact({ batchId: BATCHES[0] })).deadlines);
    expect(after.deadlines).not.toEqual(before.deadlines);
    for (const f of views()) expect({ f, ...(await tallied(f)) }).toEqual({ f, ...(await exact(f)) });
  });
});
