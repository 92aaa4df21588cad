import {
  CheckApplication,
  GetApplication,
  ListApplicationVersions,
  SubmitApplication,
  SubmitCompleteApplication,
  SubmitCompleteApplicationV1,
  UpdateApplicationDraft,
  UpdateApplicationDraftV1,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, CURRENT_PLEDGE_VERSION, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { AppView, BAOTOU_USCC, completeDraft, completeSubmission, count, createApplication, openBatch, registerEnterprise, saveDraft, submitDraft, uploadedFiles } from './helpers';

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let batchId: string;
const enterprise = actors.enterprise(BAOTOU_USCC);
const department = actors.department();
const officer = actors.prefecture('150200');

/** A licensor with a valid code (GB 32100 check character), and codes that fail in other ways. */
const LICENSOR = { name: '北京某研究院有限公司', uscc: '91110108MA01XXXXXB' };
const WRONG_CHECK_CHARACTER = '91310000MA1FL00000';
const BAD_DIVISION = '9111AB08MA01XXXXX0';

const owned = { kind: 'invention_patent' as const, number: 'ZL202510000001.X', title: '一种矿用自卸车电驱动系统', basis: 'owned' as const };
const licensed = (counterparty?: { name: string; uscc?: string }) => ({
  kind: 'invention_patent' as const,
  number: 'ZL202310000009.1',
  title: '一种轮边电机冷却结构',
  basis: 'assigned_use_right' as const,
  ...(counterparty ? { counterparty } : {}),
});

const ipOf = (v: AppView) => v.draft.ipList as Array<{ counterparty?: unknown }>;
interface Problem { code: string; severity: string; measuresId: string; field?: string }
const patch = (p: Record<string, unknown>) => saveDraft<AppView>(rpc, enterprise, p as unknown as UpdateApplicationDraftV1);
const patchRefused = (p: Record<string, unknown>) => rpc.refusal(UpdateApplicationDraft, p as unknown as UpdateApplicationDraftV1, enterprise);
const problems = async (applicationId: string) =>
  (await rpc.request<{ canSubmit: boolean; problems: Problem[] }>(CheckApplication, { applicationId }, enterprise)).problems.filter((p) => p.code.startsWith('M5.3_IP_COUNTERPARTY'));

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  batchId = (await openBatch(rpc, department)).id;
  await registerEnterprise(rpc, enterprise);
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('the assignor or licensor of an IP right (M5.3, for the M11.1 conflict check)', () => {
  it('M5.3 M11.1 a licensed right keeps its licensor with the draft and the submitted version, and the submission names it as a partner', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    // The name is stored trimmed.
    const saved = await completeDraft(rpc, enterprise, app, { ipList: [owned, licensed({ name: `  ${LICENSOR.name} `, uscc: LICENSOR.uscc }), { ...licensed(LICENSOR), number: 'ZL202310000010.2' }] });
    expect(ipOf(saved)[1]).toMatchObject({ basis: 'assigned_use_right', counterparty: LICENSOR });
    expect(await problems(app.id)).toEqual([]);
    await submitDraft(rpc, enterprise, app.id);

    const [v1] = await rpc.request<Array<{ snapshot: { ipList: Array<{ counterparty?: unknown }> } }>>(ListApplicationVersions, { applicationId: app.id }, officer);
    expect(v1.snapshot.ipList.map((ip) => ip.counterparty)).toEqual([undefined, LICENSOR, LICENSOR]);
    const [event] = await sql<{ payload: { partners?: unknown } }>(
      env, `SELECT payload FROM "${schemaOf(env, 'intake')}".outbox_events WHERE subject = 'intake.application.submitted.v1' AND payload->>'applicationId' = $1`, [app.id],
    );
    // One partner per code, although two rights name it.
    expect(event.payload.partners).toEqual([LICENSOR]);
  });

  it('M5.3 an assigned right without its counterparty saves as a draft, and the check blocks it at the IP list', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    await completeDraft(rpc, enterprise, app, { ipList: [owned, { ...licensed(), basis: 'assigned_ownership' }] });
    expect(await problems(app.id)).toEqual([expect.objectContaining({ code: 'M5.3_IP_COUNTERPARTY_MISSING', severity: 'blocking', measuresId: 'M5.3', field: 'ipList' })]);
    const refused = await rpc.refusal(SubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect([refused.code, refused.status, refused.error.detail]).toEqual(['PRE_SUBMISSION_CHECK_FAILED', 422, expect.stringContaining('M5.3 M5.3_IP_COUNTERPARTY_MISSING')]);
  });

  it('M5.3 the one-request submission stores and checks the counterparty as the draft path does', async () => {
    const materials = await uploadedFiles(rpc, enterprise, batchId);
    const submit = (ipList: unknown[]) => rpc.refusal(SubmitCompleteApplication, { ...completeSubmission(batchId, materials), ipList } as unknown as SubmitCompleteApplicationV1, enterprise);
    const missing = await submit([licensed()]);
    expect([missing.code, missing.status, missing.error.detail]).toEqual(['PRE_SUBMISSION_CHECK_FAILED', 422, expect.stringContaining('M5.3 M5.3_IP_COUNTERPARTY_MISSING')]);
    const onOwned = await submit([{ ...owned, counterparty: LICENSOR }]);
    expect([onOwned.code, onOwned.error.errors?.[0]?.field]).toEqual(['IP_COUNTERPARTY_NOT_APPLICABLE', 'ipList.0.counterparty']);
  });

  it('M5.3 a code whose check character fails is kept and only flagged; a name without a code is enough', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    await completeDraft(rpc, enterprise, app, { ipList: [licensed({ name: '某外国许可方' }), { ...licensed({ name: '上海某公司', uscc: WRONG_CHECK_CHARACTER }), number: 'ZL2' }] });
    expect(await problems(app.id)).toEqual([expect.objectContaining({ code: 'M5.3_IP_COUNTERPARTY_USCC_CHECK_CHARACTER', severity: 'warning' })]);
    const view = await rpc.request<AppView>(GetApplication, { applicationId: app.id }, enterprise);
    expect(ipOf(view).map((ip) => ip.counterparty)).toEqual([{ name: '某外国许可方' }, { name: '上海某公司', uscc: WRONG_CHECK_CHARACTER }]);
  });

  it('M5.3 hostile input: a counterparty on an owned right, a bad code, a blank or overlong name or a smuggled field is refused and nothing changes', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    const saved = await patch({ applicationId: app.id, expectedRevision: 0, ipList: [licensed(LICENSOR)] });
    const before = await count(env, 'audit_records', "outcome = 'succeeded'");
    const at = (ipList: unknown[]) => patchRefused({ applicationId: app.id, expectedRevision: saved.revision, ipList });

    const onOwned = await at([{ ...owned, counterparty: LICENSOR }]);
    expect([onOwned.code, onOwned.status, onOwned.error.errors?.[0]?.field]).toEqual(['IP_COUNTERPARTY_NOT_APPLICABLE', 422, 'ipList.0.counterparty']);
    const onNone = await at([licensed(LICENSOR), { ...owned, basis: 'none', counterparty: LICENSOR }]);
    expect([onNone.code, onNone.error.errors?.[0]?.field]).toEqual(['IP_COUNTERPARTY_NOT_APPLICABLE', 'ipList.1.counterparty']);
    const division = await at([licensed({ name: 'x', uscc: BAD_DIVISION })]);
    expect([division.code, division.status, division.error.errors?.[0]?.field]).toEqual(['IP_COUNTERPARTY_USCC_INVALID', 422, 'ipList.0.counterparty.uscc']);
    for (const counterparty of [
      { name: 'x', uscc: '91110108MA01XXXXXO' },
      { name: 'x', uscc: "1' OR '1'='1" },
      { name: '' },
      { name: 'x'.repeat(201) },
      { uscc: LICENSOR.uscc },
      { ...LICENSOR, employer: true },
      '北京某研究院',
    ]) {
      const refused = await at([{ ...licensed(), counterparty }]);
      expect([refused.code, refused.status]).toEqual(['VALIDATION_FAILED', 400]);
    }
    const view = await rpc.request<AppView>(GetApplication, { applicationId: app.id }, enterprise);
    expect([view.revision, view.draft.ipList]).toEqual([saved.revision, [licensed(LICENSOR)]]);
    expect(await count(env, 'audit_records', "outcome = 'succeeded'")).toBe(before);
  });

  it('M5.3 an application saved before counterparties were asked stays readable, and only its check asks for them', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    // As stored by an older intake: an assigned right without the field at all.
    await sql(env, `UPDATE "${schemaOf(env, 'intake')}".applications SET draft = $2::jsonb WHERE id = $1`, [app.id, JSON.stringify({ ipList: [licensed()] })]);
    const view = await rpc.request<AppView>(GetApplication, { applicationId: app.id }, enterprise);
    expect(view.draft.ipList).toEqual([licensed()]);
    expect((await problems(app.id)).map((p) => p.code)).toEqual(['M5.3_IP_COUNTERPARTY_MISSING']);
  });
});
