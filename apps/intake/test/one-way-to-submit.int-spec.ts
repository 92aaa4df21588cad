import { randomUUID } from 'node:crypto';
import { SubmitApplication, SubmitCompleteApplication, UpdateApplicationDraftV1 } from '@firstset/contracts';
import { ActorContext, RemoteServiceError } from '@firstset/messaging';
import { actors, cleanupTestEnv, completeFormFields, CURRENT_PLEDGE_VERSION, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { loadIntakeSettings } from '../src/config';
import { intakeModule } from '../src/intake.module';
import { attachFile, BAOTOU_USCC, completeDraft, createApplication, openBatch, OTHER_USCC, product, registerEnterprise, uploadedFiles } from './helpers';

// Issue 21 item 6: the form's final submit and the one-request submission are one implementation
// (ADR 0033). The same facts submitted both ways must meet the same outcome: accepted with the same
// version, timeline, credit answer and event, or refused with the same error, leaving the same traces.

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let batchId: string;
const DISHONEST_USCC = '91150300MA0R8ABC1D';
const BANNED_USCC = OTHER_USCC;
const named = (uscc: string): ActorContext => ({ ...actors.enterprise(uscc), displayName: '张经理' });
const baotou = named(BAOTOU_USCC);

type Facts = { form?: Partial<UpdateApplicationDraftV1>; slots?: 'all' | 'none'; pledgeVersion?: string; actor?: ActorContext };

/** What a submission left: its answer, and the rows a reader or the prefecture would see, without ids and times. */
async function outcome(submit: () => Promise<{ id: string }>, draftId: string | undefined) {
  const s = schemaOf(env, 'intake');
  let id = draftId;
  let refusal: Record<string, unknown> | undefined;
  try {
    id = (await submit()).id;
  } catch (err) {
    if (!(err instanceof RemoteServiceError)) throw err;
    // The whole problem: code, status, title, detail and what it names (problems, fields).
    refusal = { ...err.error };
  }
  if (!id) return { refusal };
  const [app] = await sql<{ state: string; version: number }>(env, `SELECT state, version FROM "${s}".applications WHERE id = $1`, [id]);
  const history = await sql(env, `SELECT from_state, to_state, action, actor_role, actor_id, actor_name, actor_org FROM "${s}".application_history WHERE application_id = $1 ORDER BY occurred_at, id`, [id]);
  const versions = await sql<{ version: number; snapshot: Record<string, unknown>; pledge: Record<string, unknown> }>(env, `SELECT version, snapshot, pledge FROM "${s}".application_versions WHERE application_id = $1`, [id]);
  const credit = await sql(env, `SELECT source, serious_dishonesty, abnormal_operations FROM "${s}".credit_checks WHERE application_id = $1`, [id]);
  const events = await sql<{ payload: Record<string, unknown> }>(env, `SELECT payload FROM "${s}".outbox_events WHERE payload->>'applicationId' = $1 AND subject = 'intake.application.submitted.v1'`, [id]);
  const withoutIds = (v: Record<string, unknown>) => {
    const { materials, model: _model, ...rest } = v as { materials?: Array<Record<string, unknown>>; model: string };
    return { ...rest, materials: materials?.map(({ id: _id, sha256: _sha, size: _size, ...m }) => m) };
  };
  return {
    refusal,
    state: app.state,
    version: app.version,
    history,
    versions: versions.map((v) => ({ version: v.version, snapshot: withoutIds(v.snapshot), pledge: { ...v.pledge, signedAt: 'at submission' } })),
    credit,
    events: events.map(({ payload }) => {
      const { applicationId: _a, applicationNo: _n, submittedAt: _t, createdAt: _c, pledge, credit: answer, product: p, ...rest } = payload as Record<string, Record<string, unknown>>;
      return { ...rest, product: { ...p, model: 'same' }, pledge: { ...pledge, signedAt: 'at submission' }, credit: { ...answer, checkedAt: 'at submission' } };
    }),
  };
}

beforeAll(async () => {
  const settings = { ...loadIntakeSettings({}), creditCheck: 'simulator' as const, creditSimulator: { [DISHONEST_USCC]: { seriousDishonesty: true } } };
  intake = await startServiceInProcess(env, 'intake', (c) => intakeModule(c, settings));
  rpc = await RpcCaller.connect(env);
  batchId = (await openBatch(rpc, actors.department())).id;
  await registerEnterprise(rpc, baotou);
  await registerEnterprise(rpc, named(DISHONEST_USCC), '150302');
  await registerEnterprise(rpc, named(BANNED_USCC), '150102');
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('one way to submit: the same facts through the form and in one request meet the same outcome', () => {
  const cases: Array<[string, Facts, () => Promise<void>]> = [
    ['M7.2 M10.1 complete facts are accepted with the same version, timeline, credit answer and event', {}, async () => undefined],
    ['M5 M6 a blank declaration is refused with the same problems', { form: { declarations: { breakthroughs: [] } } }, async () => undefined],
    ['M7.4 missing materials are refused at the same slots', { slots: 'none' }, async () => undefined],
    ['M10.1 an outdated pledge is refused alike', { pledgeVersion: 'nmg-pledge-2020-1' }, async () => undefined],
    ['M5.1 M7.4(2) a seriously dishonest applicant is refused alike', { actor: named(DISHONEST_USCC) }, async () => undefined],
    [
      'M10.2 a banned applicant is refused alike',
      { actor: named(BANNED_USCC) },
      // The ban takes effect after the drafts exist, so that the form’s path reaches its submit.
      async () => {
        await sql(env, `INSERT INTO "${schemaOf(env, 'intake')}".applicant_bans (id, uscc, starts_on, ends_on, reason, revocation_id) VALUES ($1, $2, '2026-01-01', '2029-01-01', '提供虚假材料', $3)`, [randomUUID(), BANNED_USCC, randomUUID()]);
      },
    ],
  ];

  it.each(cases)('%s', async (_title, facts, beforeSubmit) => {
    const tag = randomUUID().slice(0, 6);
    // Prepared both ways first, then submitted: a fact that changes before submission (a ban) holds for both.
    const actor = facts.actor ?? baotou;
    const app = await createApplication(rpc, actor, batchId, `FORM-${tag}`);
    await completeDraft(rpc, actor, app, facts.form ?? {}, facts.slots === 'none' ? [] : undefined);
    const materials = facts.slots === 'none' ? [] : await uploadedFiles(rpc, actor, batchId);
    await beforeSubmit();
    const form = await outcome(() => rpc.request<{ id: string }>(SubmitApplication, { applicationId: app.id, pledgeVersion: facts.pledgeVersion ?? CURRENT_PLEDGE_VERSION }, actor), app.id);
    const whole = { ...product(batchId, `ONE-${tag}`), ...completeFormFields(), ...facts.form, declarations: { ...completeFormFields().declarations, ...facts.form?.declarations } };
    const one = await outcome(() => rpc.request<{ id: string }>(SubmitCompleteApplication, { ...whole, materials, pledgeVersion: facts.pledgeVersion ?? CURRENT_PLEDGE_VERSION } as never, actor), undefined);

    expect(one.refusal).toEqual(form.refusal);
    if (form.refusal) {
      // Refused: the draft stays a draft, the one-request path leaves no application.
      expect(form).toMatchObject({ state: 'DRAFT', versions: [], events: [] });
      expect(one).toEqual({ refusal: form.refusal });
    } else {
      expect(form).toMatchObject({ state: 'SUBMITTED', version: 1 });
      expect(one).toEqual(form);
      expect(form.history).toEqual([
        expect.objectContaining({ action: 'create', to_state: 'DRAFT', actor_name: '张经理' }),
        expect.objectContaining({ action: 'submit', from_state: 'DRAFT', to_state: 'SUBMITTED', actor_name: '张经理', actor_org: '包头北方重型装备有限公司 / 包头北方重型装备有限公司' }),
      ]);
    }
  });

  it('the draft’s files are the version’s files: what the form attached is what one request references', async () => {
    const app = await createApplication(rpc, baotou, batchId, `FILES-${randomUUID().slice(0, 6)}`);
    await completeDraft(rpc, baotou, app);
    const extra = await attachFile(rpc, baotou, app.id, 'testReport');
    const form = await outcome(() => rpc.request<{ id: string }>(SubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, baotou), app.id);
    const slots = (form.versions?.[0].snapshot.materials as Array<{ slotId: string }>).map((m) => m.slotId);
    expect(slots.filter((s) => s === extra.slotId)).toHaveLength(2);
    expect(slots).toEqual([...slots].sort());
  });
});

