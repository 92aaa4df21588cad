import { randomUUID } from 'node:crypto';
import {
  CreateApplication,
  GetApplication,
  ListOwnApplications,
  OpenBatch,
  RegisterEnterprise,
  SubmitApplication,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, CURRENT_PLEDGE_VERSION, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { AppView, completeDraft, createApplication, submitDraft } from './helpers';

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;

const BAOTOU_USCC = '91150200MA0N4KXX4C';
const enterprise = actors.enterprise(BAOTOU_USCC);
const department = actors.department();
const day = 24 * 3600_000;

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

async function openBatch(year: number, opensInMs = -day, closesInMs = 30 * day) {
  const now = Date.now();
  return rpc.request<{ id: string }>(
    OpenBatch,
    {
      year,
      name: `${year}年度首台（套）认定`,
      windowOpensAt: new Date(now + opensInMs).toISOString(),
      windowClosesAt: new Date(now + closesInMs).toISOString(),
      prefectureDeadline: new Date(now + closesInMs + 20 * day).toISOString().slice(0, 10),
    },
    department,
  );
}

const product = (batchId: string, model = `ZK-${randomUUID().slice(0, 6)}`) => ({
  batchId,
  productKind: 'FIRST_SET_EQUIPMENT' as const,
  productName: '大型矿用自卸车',
  series: 'ZK',
  model,
  rdCompletedOn: '2026-03-01',
});

describe('intake', () => {
  let batchId: string;

  beforeAll(async () => {
    batchId = (await openBatch(new Date().getFullYear())).id;
    await rpc.request(RegisterEnterprise, { name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区', addressDivisionCode: '150204' }, enterprise);
  });

  it('M7.1 refuses a second batch in the same year', async () => {
    const err = await rpc.refusal(OpenBatch, {
      year: new Date().getFullYear(),
      name: 'again',
      windowOpensAt: new Date().toISOString(),
      windowClosesAt: new Date(Date.now() + day).toISOString(),
      prefectureDeadline: new Date(Date.now() + 9 * day).toISOString().slice(0, 10),
    }, department);
    expect(err.code).toBe('BATCH_LIMIT_EXCEEDED');
  });

  it('only the Department opens batches', async () => {
    const err = await rpc.refusal(OpenBatch, { year: 2031, name: 'x', windowOpensAt: new Date().toISOString(), windowClosesAt: new Date().toISOString(), prefectureDeadline: '2031-01-01' }, enterprise);
    expect([err.code, err.status]).toEqual(['FORBIDDEN_ROLE', 403]);
  });

  it('M7.2 routes the enterprise to the prefecture of its registered address', async () => {
    const created = await rpc.request<{ id: string; prefectureId: string; state: string }>(CreateApplication, product(batchId), enterprise);
    expect(created).toMatchObject({ prefectureId: '150200', state: 'DRAFT' });
  });

  it('M5.1 refuses an enterprise registered outside the region', async () => {
    const err = await rpc.refusal(RegisterEnterprise, { name: 'x', registeredAddress: '北京市', addressDivisionCode: '110105' }, actors.enterprise('91150100MA0P7RYY69'));
    expect(err.code).toBe('NOT_REGISTERED_IN_REGION');
  });

  it('submits a draft, records its history and publishes the hand-over event once', async () => {
    const created = await createApplication(rpc, enterprise, batchId);
    await completeDraft(rpc, enterprise, created);
    const submitted = await submitDraft(rpc, enterprise, created.id);
    expect(submitted.state).toBe('SUBMITTED');
    const again = await rpc.refusal(SubmitApplication, { applicationId: created.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect([again.code, again.status]).toEqual(['ILLEGAL_TRANSITION', 409]);
    const view = await rpc.request<{ history: Array<{ toState: string }> }>(GetApplication, { applicationId: created.id }, enterprise);
    expect(view.history.map((h) => h.toState)).toEqual(['DRAFT', 'SUBMITTED']);
    const outbox = await sql(env, `SELECT subject FROM "${schemaOf(env, 'intake')}".outbox_events WHERE payload->>'applicationId' = $1`, [created.id]);
    expect(outbox).toEqual([{ subject: 'intake.application.submitted.v1' }]);
  });

  it('a retried submit with the same Idempotency-Key returns the first result and hands over once', async () => {
    const created = await createApplication(rpc, enterprise, batchId);
    await completeDraft(rpc, enterprise, created);
    const key = `submit-${created.id}`;
    const first = await rpc.request<{ state: string; submittedAt: string }>(SubmitApplication, { applicationId: created.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise, { idempotencyKey: key });
    const retry = await rpc.request<{ state: string; submittedAt: string }>(SubmitApplication, { applicationId: created.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise, { idempotencyKey: key });
    expect(retry).toEqual(first);
    const outbox = await sql(env, `SELECT id FROM "${schemaOf(env, 'intake')}".outbox_events WHERE payload->>'applicationId' = $1`, [created.id]);
    expect(outbox).toHaveLength(1);
  });

  it('the same Idempotency-Key with another body is refused with 422 naming the key, and changes nothing', async () => {
    const a = await rpc.request<{ id: string }>(CreateApplication, product(batchId, 'IDEM-A'), enterprise);
    const b = await rpc.request<{ id: string }>(CreateApplication, product(batchId, 'IDEM-B'), enterprise);
    await completeDraft(rpc, enterprise, a as AppView);
    const key = `submit-pair-${a.id}`;
    expect((await rpc.request<{ state: string }>(SubmitApplication, { applicationId: a.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise, { idempotencyKey: key })).state).toBe('SUBMITTED');
    const reused = await rpc.refusal(SubmitApplication, { applicationId: b.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise, { idempotencyKey: key });
    expect([reused.status, reused.code, reused.error.detail]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED', expect.stringContaining(key)]);
    const view = await rpc.request<{ state: string }>(GetApplication, { applicationId: b.id }, enterprise);
    expect(view.state).toBe('DRAFT');
  });

  it('another enterprise can neither read nor submit the application', async () => {
    const created = await rpc.request<{ id: string }>(CreateApplication, product(batchId), enterprise);
    const other = actors.enterprise('91150100MA0P7RYY69');
    expect((await rpc.refusal(GetApplication, { applicationId: created.id }, other)).status).toBe(404);
    expect((await rpc.refusal(SubmitApplication, { applicationId: created.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, other)).status).toBe(404);
  });

  it('lists only the own enterprise\'s applications, newest first, paged and searched on the server', async () => {
    const other = actors.enterprise('91150100MA0P7RYY69');
    await rpc.request(RegisterEnterprise, { name: '呼和浩特赛罕新材料科技有限公司', registeredAddress: '呼和浩特市赛罕区', addressDivisionCode: '150105' }, other);
    await rpc.request(CreateApplication, { ...product(batchId, 'OTHER-1'), productName: '赛罕大型矿用自卸车' }, other);
    const made = [];
    for (const model of ['LIST-A', 'LIST-B', 'LIST-C']) made.push(await rpc.request<{ id: string }>(CreateApplication, { ...product(batchId, model), productName: `列表测试${model}` }, enterprise));
    type Page = { items: Array<{ id: string; model: string; enterpriseUscc: string }>; total: number; page: number; pageSize: number };
    const all = await rpc.request<Page>(ListOwnApplications, { pageSize: 100 }, enterprise);
    expect(all.items.every((a) => a.enterpriseUscc === BAOTOU_USCC)).toBe(true);
    expect(all.total).toBe(all.items.length);
    const first = await rpc.request<Page>(ListOwnApplications, { search: '列表测试', page: 1, pageSize: 2 }, enterprise);
    const second = await rpc.request<Page>(ListOwnApplications, { search: '列表测试', page: 2, pageSize: 2 }, enterprise);
    expect([first.total, first.page, first.pageSize]).toEqual([3, 1, 2]);
    expect([...first.items, ...second.items].map((a) => a.model)).toEqual(['LIST-C', 'LIST-B', 'LIST-A']);
    expect((await rpc.request<Page>(ListOwnApplications, { search: 'list-b' }, enterprise)).items.map((a) => a.id)).toEqual([made[1].id]);
    expect((await rpc.request<Page>(ListOwnApplications, { search: '赛罕' }, enterprise)).total).toBe(0);
    expect((await rpc.request<Page>(ListOwnApplications, { state: 'RECOGNIZED' }, enterprise)).total).toBe(0);
    for (const bad of [{ page: 0 }, { pageSize: 101 }, { state: 'drop table' }, { search: 'x'.repeat(101) }]) {
      expect([(await rpc.refusal(ListOwnApplications, bad as never, enterprise)).code]).toEqual(['VALIDATION_FAILED']);
    }
    expect((await rpc.refusal(ListOwnApplications, {}, actors.department())).status).toBe(403);
  });

  it('refuses the same product twice in a batch', async () => {
    await rpc.request(CreateApplication, product(batchId, 'ZK-DUP'), enterprise);
    const err = await rpc.refusal(CreateApplication, product(batchId, 'ZK-DUP'), enterprise);
    expect(err.code).toBe('DUPLICATE_APPLICATION');
  });

  it('bad input gets a validation error and changes nothing', async () => {
    const before = await sql(env, `SELECT count(*)::int AS n FROM "${schemaOf(env, 'intake')}".applications`);
    const err = await rpc.refusal(CreateApplication, { ...product(batchId), productKind: 'ROCKET' as never, rdCompletedOn: '2026-02-30' }, enterprise);
    expect([err.code, err.status]).toEqual(['VALIDATION_FAILED', 400]);
    const impossibleDate = await rpc.refusal(CreateApplication, { ...product(batchId), rdCompletedOn: '2026-02-30' }, enterprise);
    expect([impossibleDate.code, impossibleDate.error.errors?.[0]]).toEqual(['VALIDATION_FAILED', expect.objectContaining({ field: 'rdCompletedOn', rule: 'isLocalDate' })]);
    const after = await sql(env, `SELECT count(*)::int AS n FROM "${schemaOf(env, 'intake')}".applications`);
    expect(after).toEqual(before);
  });

  it('every command leaves an audit record, refusals included, and the log cannot be rewritten', async () => {
    const rows = await sql<{ action: string; outcome: string }>(env, `SELECT action, outcome FROM "${schemaOf(env, 'intake')}".audit_records`);
    expect(rows).toEqual(expect.arrayContaining([
      { action: 'application.submit', outcome: 'succeeded' },
      { action: 'application.create', outcome: 'rejected' },
    ]));
    await expect(sql(env, `UPDATE "${schemaOf(env, 'intake')}".audit_records SET outcome = 'succeeded'`)).rejects.toThrow(/append-only/);
    await expect(sql(env, `DELETE FROM "${schemaOf(env, 'intake')}".audit_records`)).rejects.toThrow(/append-only/);
  });
});
