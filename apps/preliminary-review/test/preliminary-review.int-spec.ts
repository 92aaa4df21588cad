import { randomUUID } from 'node:crypto';
import { ApplicationSubmitted, ApplicationSubmittedV1, GetReviewCase, ListReviewQueue, RecommendApplication } from '@firstset/contracts';
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
import { preliminaryReviewModule } from '../src/preliminary-review.module';
import { judgeAll } from './fixtures';

const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;

const BAOTOU = '150200';
const HOHHOT = '150100';
const baotouOfficer = actors.prefecture(BAOTOU);
const hohhotOfficer = actors.prefecture(HOHHOT);
const department = actors.department();
const day = 24 * 3600_000;
const schema = () => schemaOf(env, 'preliminary-review');
const DURABLE = 'preliminary-review-submissions';

let seq = 0;
function submission(prefectureId: string, batchId: string, submittedAt = new Date(Date.now() - 2 * day)): ApplicationSubmittedV1 {
  seq += 1;
  return {
    applicationId: randomUUID(),
    batchId,
    applicationNo: `2026-${prefectureId}-${String(seq).padStart(5, '0')}-${randomUUID().slice(0, 4)}`,
    version: 1,
    prefectureId,
    enterprise: { uscc: '91150200MA0N4KXX4C', name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${seq}`, rdCompletedOn: '2026-03-01' },
    submittedAt: submittedAt.toISOString(),
  };
}

/** Submits applications through the stream, as intake does, and waits until they are received. */
async function receive(...events: ApplicationSubmittedV1[]): Promise<void> {
  for (const e of events) await publishEvent(env, ApplicationSubmitted, e);
  await waitUntilConsumed(env, 'INTAKE_EVENTS', DURABLE);
}

beforeAll(async () => {
  service = await startServiceInProcess(env, 'preliminary-review', preliminaryReviewModule);
  rpc = await RpcCaller.connect(env);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('preliminary-review', () => {
  const batchId = randomUUID();
  const baotouApp = submission(BAOTOU, batchId);
  const hohhotApp = submission(HOHHOT, batchId);

  beforeAll(async () => {
    await receive(baotouApp, hohhotApp, submission(BAOTOU, randomUUID()));
  });

  it('M7.2 a submitted application enters its prefecture queue once, however often the event arrives', async () => {
    const e = submission(BAOTOU, batchId);
    const eventId = await publishEvent(env, ApplicationSubmitted, e);
    // The same event again past JetStream's dedupe (another Nats-Msg-Id), then republished under a new id.
    await publishEvent(env, ApplicationSubmitted, e, { eventId, msgId: randomUUID() });
    await publishEvent(env, ApplicationSubmitted, { ...e, applicationNo: `${e.applicationNo}-again` });
    await waitUntilConsumed(env, 'INTAKE_EVENTS', DURABLE);
    const rows = await sql(env, `SELECT application_no, state FROM "${schema()}".review_cases WHERE id = $1`, [e.applicationId]);
    expect(rows).toEqual([{ application_no: e.applicationNo, state: 'SUBMITTED' }]);
    const inbox = await sql(env, `SELECT count(*)::int AS n FROM "${schema()}".inbox_events WHERE consumer = $1 AND event_id = $2`, [DURABLE, eventId]);
    expect(inbox).toEqual([{ n: 1 }]);
  });

  it('M7.2 M7.3 a prefecture officer lists only the own prefecture, the Department and auditors all', async () => {
    const own = await rpc.request<Array<{ applicationId: string; prefectureId: string; waitingDays: number; enterprise: { name: string } }>>(
      ListReviewQueue, { batchId }, baotouOfficer,
    );
    expect(own.map((r) => r.prefectureId).every((p) => p === BAOTOU)).toBe(true);
    const row = own.find((r) => r.applicationId === baotouApp.applicationId);
    expect(row).toMatchObject({ waitingDays: 2, enterprise: { name: '包头北方重型装备有限公司' }, applicationNo: baotouApp.applicationNo });
    expect(own.some((r) => r.applicationId === hohhotApp.applicationId)).toBe(false);
    const all = await rpc.request<Array<{ applicationId: string; batchId: string }>>(ListReviewQueue, { batchId }, department);
    expect(all.map((r) => r.applicationId)).toEqual(expect.arrayContaining([baotouApp.applicationId, hohhotApp.applicationId]));
    expect(all.every((r) => r.batchId === batchId)).toBe(true);
    const everything = await rpc.request<unknown[]>(ListReviewQueue, {}, actors.auditor());
    expect(everything.length).toBeGreaterThan(all.length);
    expect((await rpc.refusal(ListReviewQueue, {}, actors.enterprise('91150200MA0N4KXX4C'))).status).toBe(403);
  });

  it('M7.2 an officer of another prefecture gets 404 for the application, as for a guessed id', async () => {
    const view = await rpc.request<{ state: string; enterprise: { registeredAddress: string } }>(
      GetReviewCase, { applicationId: baotouApp.applicationId }, baotouOfficer,
    );
    expect(view).toMatchObject({ state: 'SUBMITTED', enterprise: { registeredAddress: '包头市青山区' } });
    for (const applicationId of [baotouApp.applicationId, randomUUID()]) {
      const get = await rpc.refusal(GetReviewCase, { applicationId }, hohhotOfficer);
      expect([get.code, get.status]).toEqual(['NOT_FOUND', 404]);
      const recommend = await rpc.refusal(RecommendApplication, { applicationId, opinion: '同意推荐' }, hohhotOfficer);
      expect([recommend.code, recommend.status]).toEqual(['NOT_FOUND', 404]);
    }
    const rows = await sql(env, `SELECT state FROM "${schema()}".review_cases WHERE id = $1`, [baotouApp.applicationId]);
    expect(rows).toEqual([{ state: 'SUBMITTED' }]);
  });

  it('M3.2 M7.3 recommends with an opinion, hands over once through the outbox, refuses a second time (409)', async () => {
    const byDepartment = await rpc.refusal(RecommendApplication, { applicationId: baotouApp.applicationId, opinion: '同意' }, department);
    expect([byDepartment.code, byDepartment.status]).toEqual(['FORBIDDEN_ROLE', 403]);
    const opinion = '材料齐全真实，符合申报条件，同意推荐 / checks passed';
    await judgeAll(rpc, baotouApp.applicationId, baotouOfficer);
    const done = await rpc.request<{ state: string; opinion: string; decidedBy: string }>(
      RecommendApplication, { applicationId: baotouApp.applicationId, opinion }, baotouOfficer,
    );
    expect(done).toMatchObject({ state: 'RECOMMENDED', opinion, decidedBy: baotouOfficer.userId });
    const again = await rpc.refusal(RecommendApplication, { applicationId: baotouApp.applicationId, opinion }, baotouOfficer);
    expect([again.code, again.status]).toEqual(['ILLEGAL_TRANSITION', 409]);
    const outbox = await sql<{ subject: string; payload: Record<string, unknown> }>(
      env, `SELECT subject, payload FROM "${schema()}".outbox_events WHERE payload->>'applicationId' = $1`, [baotouApp.applicationId],
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0].subject).toBe('preliminary-review.application.recommended.v1');
    expect(outbox[0].payload).toMatchObject({
      applicationNo: baotouApp.applicationNo,
      prefectureId: BAOTOU,
      enterprise: baotouApp.enterprise,
      product: baotouApp.product,
      opinion,
      recommendedBy: baotouOfficer.userId,
    });
    await eventually(async () => {
      const [row] = await sql<{ published: boolean }>(
        env, `SELECT published_at IS NOT NULL AS published FROM "${schema()}".outbox_events WHERE payload->>'applicationId' = $1`, [baotouApp.applicationId],
      );
      return row.published;
    });
  });

  it('bad input gets a validation error and changes nothing', async () => {
    const before = await sql(env, `SELECT id, state, version FROM "${schema()}".review_cases ORDER BY id`);
    const outboxBefore = await sql(env, `SELECT count(*)::int AS n FROM "${schema()}".outbox_events`);
    for (const payload of [
      { applicationId: hohhotApp.applicationId, opinion: '' },
      { applicationId: 'not-a-uuid', opinion: '同意' },
      { applicationId: hohhotApp.applicationId, opinion: 'x'.repeat(2001) },
      { applicationId: hohhotApp.applicationId, opinion: '同意', state: 'RECOMMENDED' } as never,
    ]) {
      const err = await rpc.refusal(RecommendApplication, payload, hohhotOfficer);
      expect([err.code, err.status]).toEqual(['VALIDATION_FAILED', 400]);
    }
    expect((await rpc.refusal(ListReviewQueue, { batchId: 'x' }, department)).code).toBe('VALIDATION_FAILED');
    expect(await sql(env, `SELECT id, state, version FROM "${schema()}".review_cases ORDER BY id`)).toEqual(before);
    expect(await sql(env, `SELECT count(*)::int AS n FROM "${schema()}".outbox_events`)).toEqual(outboxBefore);
  });

  it('every command leaves an audit record, refusals included, and the log cannot be rewritten', async () => {
    const rows = await sql<{ action: string; outcome: string; jurisdiction: string }>(
      env, `SELECT action, outcome, jurisdiction FROM "${schema()}".audit_records WHERE object_id = $1`, [baotouApp.applicationId],
    );
    expect(rows).toEqual(expect.arrayContaining([
      { action: 'review.recommend', outcome: 'succeeded', jurisdiction: `prefecture:${BAOTOU}` },
      { action: 'review.recommend', outcome: 'rejected', jurisdiction: `prefecture:${HOHHOT}` },
      { action: 'review.recommend', outcome: 'rejected', jurisdiction: `prefecture:${BAOTOU}` },
    ]));
    await expect(sql(env, `DELETE FROM "${schema()}".audit_records`)).rejects.toThrow(/append-only/);
  });
});
