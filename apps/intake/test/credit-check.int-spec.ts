import { GetApplication, SubmitApplication } from '@firstset/contracts';
import { actors, cleanupTestEnv, CURRENT_PLEDGE_VERSION, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { loadIntakeSettings } from '../src/config';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, completeDraft, count, createApplication, openBatch, OTHER_USCC, registerEnterprise, submitDraft } from './helpers';

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let batchId: string;
const ABNORMAL_USCC = '91150300MA0R8ABC1D';
const clean = actors.enterprise(BAOTOU_USCC);
const dishonest = actors.enterprise(OTHER_USCC);
const abnormal = actors.enterprise(ABNORMAL_USCC);

beforeAll(async () => {
  const settings = {
    ...loadIntakeSettings({}),
    creditCheck: 'simulator' as const,
    creditSimulator: { [OTHER_USCC]: { seriousDishonesty: true }, [ABNORMAL_USCC]: { abnormalOperations: true } },
  };
  intake = await startServiceInProcess(env, 'intake', (c) => intakeModule(c, settings));
  rpc = await RpcCaller.connect(env);
  batchId = (await openBatch(rpc, actors.department())).id;
  await registerEnterprise(rpc, clean);
  await registerEnterprise(rpc, dishonest, '150102');
  await registerEnterprise(rpc, abnormal, '150302');
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('credit checks at submission (M5.1, M7.4(2))', () => {
  it('M5.1 records a clean answer with its source and time and submits', async () => {
    const app = await createApplication(rpc, clean, batchId);
    await completeDraft(rpc, clean, app);
    await submitDraft(rpc, clean, app.id);
    const view = await rpc.request<{ state: string; creditCheck: { source: string; seriousDishonesty: boolean; checkedAt: string } }>(
      GetApplication, { applicationId: app.id }, clean,
    );
    expect(view.state).toBe('SUBMITTED');
    expect(view.creditCheck).toMatchObject({ source: 'simulator', seriousDishonesty: false, abnormalOperations: false });
    expect(Date.parse(view.creditCheck.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
    // The prefecture's formal review receives the answer with the submission (M7.4(2)).
    const [event] = await sql<{ payload: { credit: Record<string, unknown>; flags: unknown[] } }>(
      env, `SELECT payload FROM "${schemaOf(env, 'intake')}".outbox_events WHERE subject = 'intake.application.submitted.v1' AND payload->>'applicationId' = $1`, [app.id],
    );
    expect(event.payload.credit).toMatchObject({ source: 'simulator', seriousDishonesty: false, abnormalOperations: false });
    expect(Array.isArray(event.payload.flags)).toBe(true);
  });

  it('M5.1 a seriously dishonest applicant cannot submit; the answer is kept and nothing else changes', async () => {
    const app = await createApplication(rpc, dishonest, batchId);
    await completeDraft(rpc, dishonest, app);
    const outbox = await count(env, 'outbox_events');
    const err = await rpc.refusal(SubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, dishonest);
    expect([err.code, err.status]).toEqual(['APPLICANT_SERIOUSLY_DISHONEST', 403]);
    expect(err.error.detail).toContain('M5.1');
    expect((await rpc.request<{ state: string }>(GetApplication, { applicationId: app.id }, dishonest)).state).toBe('DRAFT');
    expect(await count(env, 'outbox_events')).toBe(outbox);
    expect(await count(env, 'credit_checks', 'application_id = $1 AND serious_dishonesty AND source = $2', [app.id, 'simulator'])).toBe(1);
  });

  it('M5.1 an applicant on the abnormal-operations list cannot submit', async () => {
    const app = await createApplication(rpc, abnormal, batchId);
    await completeDraft(rpc, abnormal, app);
    const err = await rpc.refusal(SubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, abnormal);
    expect([err.code, err.status]).toEqual(['APPLICANT_ABNORMAL_OPERATIONS', 422]);
    expect(await count(env, 'credit_checks', 'application_id = $1 AND abnormal_operations', [app.id])).toBe(1);
  });
});
