import { randomUUID } from 'node:crypto';
import {
  CheckApplication,
  GetApplication,
  RecognitionExpired,
  RecognitionIssued,
  SubmitApplication,
  UpdateApplicationDraft,
  UpdateApplicationDraftV1,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { AppView, BAOTOU_USCC, count, createApplication, openBatch, OTHER_USCC, registerEnterprise } from './helpers';

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let batchId: string;
const enterprise = actors.enterprise(BAOTOU_USCC);
const department = actors.department();

interface Problem { code: string; severity: string; measuresId: string; field?: string; slotId?: string }
interface Check { canSubmit: boolean; problems: Problem[]; materials: Array<{ slotId: string; required: boolean }> }

const patch = (p: Partial<UpdateApplicationDraftV1> & { applicationId: string; expectedRevision: number }, actor = enterprise) =>
  rpc.request<AppView>(UpdateApplicationDraft, p as UpdateApplicationDraftV1, actor);
const patchRefused = (p: Record<string, unknown>, actor = enterprise) =>
  rpc.refusal(UpdateApplicationDraft, p as unknown as UpdateApplicationDraftV1, actor);
const check = (applicationId: string) => rpc.request<Check>(CheckApplication, { applicationId }, enterprise);
const blocking = (c: Check) => c.problems.filter((p) => p.severity === 'blocking');

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

describe('the application as a versioned draft', () => {
  it('autosaves the form fields (M4.2 field, first sale, innovation, IP, sales, declarations) and bumps the revision', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    expect(app.revision).toBe(0);
    const saved = await patch({
      applicationId: app.id,
      expectedRevision: 0,
      catalogueEntryCode: 'EF04',
      firstSale: { date: '2026-05-01', customer: '鄂尔多斯某煤矿' },
      innovationPoints: ['电驱动系统国内首创'],
      performanceIndicators: [{ name: '额定载重', value: '240 t', domestic: '220 t', foreign: '240 t' }],
      ipList: [{ kind: 'invention_patent', number: 'ZL202410000001.X', title: '一种矿用车电驱系统', basis: 'owned' }],
      sales: [{ year: 2026, units: 3, revenueWanYuan: 4500 }],
      declarations: { ownRd: true },
    });
    expect(saved.revision).toBe(1);
    expect(saved.draft).toMatchObject({ catalogueEntryCode: 'EF04', catalogueVersion: 'measures-draft', declarations: { ownRd: true } });
    const merged = await patch({ applicationId: app.id, expectedRevision: 1, declarations: { ownManufacturing: true } });
    expect(merged.draft.declarations).toEqual({ ownRd: true, ownManufacturing: true });
  });

  it('refuses a stale write with 409 and keeps the first one', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    await patch({ applicationId: app.id, expectedRevision: 0, productName: '第一次保存' });
    const stale = await patchRefused({ applicationId: app.id, expectedRevision: 0, productName: '旧页面的保存' });
    expect([stale.code, stale.status]).toEqual(['STALE_REVISION', 409]);
    const view = await rpc.request<AppView & { productName: string }>(GetApplication, { applicationId: app.id }, enterprise);
    expect([view.productName, view.revision]).toEqual(['第一次保存', 1]);
  });

  it('hostile input: unknown fields, wrong types, null columns, unknown catalogue entries and other enterprises change nothing', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    const before = await count(env, 'audit_records', "outcome = 'succeeded'");
    const unknown = await patchRefused({ applicationId: app.id, expectedRevision: 0, state: 'RECOGNIZED' });
    expect([unknown.code, unknown.status]).toEqual(['VALIDATION_FAILED', 400]);
    const nested = await patchRefused({ applicationId: app.id, expectedRevision: 0, declarations: { ownRd: 'yes', smuggled: true } });
    expect(nested.code).toBe('VALIDATION_FAILED');
    const wrongType = await patchRefused({ applicationId: app.id, expectedRevision: '0', sales: [{ year: 2026, units: -1, revenueWanYuan: 1 }] });
    expect(wrongType.code).toBe('VALIDATION_FAILED');
    const cleared = await patchRefused({ applicationId: app.id, expectedRevision: 0, productName: null });
    expect([cleared.code, cleared.status]).toEqual(['VALIDATION_FAILED', 400]);
    const badDate = await patchRefused({ applicationId: app.id, expectedRevision: 0, firstSale: { date: '2026-02-30', customer: 'x' } });
    expect([badDate.code, badDate.error.errors?.[0]]).toEqual(['VALIDATION_FAILED', expect.objectContaining({ field: 'firstSale.date', rule: 'isLocalDate' })]);
    const entry = await patchRefused({ applicationId: app.id, expectedRevision: 0, catalogueEntryCode: 'EF99' });
    expect([entry.code, entry.status]).toEqual(['CATALOGUE_ENTRY_UNKNOWN', 422]);
    const other = await patchRefused({ applicationId: app.id, expectedRevision: 0, productName: 'x' }, actors.enterprise(OTHER_USCC));
    expect(other.status).toBe(404);
    const view = await rpc.request<AppView>(GetApplication, { applicationId: app.id }, enterprise);
    expect([view.revision, view.draft]).toEqual([0, {}]);
    expect(await count(env, 'audit_records', "outcome = 'succeeded'")).toBe(before);
  });

  it('stores injection strings in every text field verbatim, as data', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    const evil = `'); DROP TABLE applications; -- <script>alert(1)</script> \${7*7} {{7*7}}`;
    const saved = await patch({
      applicationId: app.id,
      expectedRevision: 0,
      productName: evil,
      innovationPoints: [evil],
      firstSale: { date: '2026-05-01', customer: evil },
      ipList: [{ kind: 'other', number: evil, title: evil, basis: 'owned' }],
    });
    expect(saved.draft).toMatchObject({ innovationPoints: [evil], firstSale: { customer: evil } });
    expect(await count(env, 'applications', 'id = $1', [app.id])).toBe(1);
  });
});

/** An application of the Baotou applicant, submitted and recognized (compliance's event, as it sends it). */
async function recognized(model: string, series: string) {
  const app = await createApplication(rpc, enterprise, batchId, model, series);
  await rpc.request(SubmitApplication, { applicationId: app.id }, enterprise);
  const recognitionId = randomUUID();
  await publishEvent(env, RecognitionIssued, {
    applicationId: app.id, batchId, applicationNo: app.applicationNo, prefectureId: '150200',
    enterprise: { uscc: BAOTOU_USCC, name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: '矿用车', series, model, rdCompletedOn: '2026-03-01' },
    recognitionId, documentNo: '内工信装〔2026〕1号', documentDate: '2026-11-01',
    validFrom: '2026-11-01', validUntil: '2029-10-31', issuedAt: new Date().toISOString(),
  });
  await eventually(async () => (await rpc.request<AppView>(GetApplication, { applicationId: app.id }, enterprise)).state === 'RECOGNIZED');
  return { ...app, recognitionId };
}

describe('the pre-submission check', () => {
  it('lists every problem with its field and Measures ID; undeclared facts and missing materials are warnings (M5, M7.4)', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    const c = await check(app.id);
    expect(c.canSubmit).toBe(true);
    expect(c.materials.map((m) => m.slotId)).toEqual(expect.arrayContaining(['applicationForm', 'creditReport', 'businessLicence']));
    expect(c.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'M7.4_MATERIAL_MISSING', severity: 'warning', measuresId: 'M7.4', slotId: 'creditReport' }),
      expect.objectContaining({ code: 'M5.2_RD_UNKNOWN', severity: 'warning', measuresId: 'M5.2', field: 'declarations.ownRd' }),
      expect.objectContaining({ code: 'M5.4_OUT_OF_SCOPE', severity: 'warning', field: 'catalogueEntryCode' }),
    ]));
  });

  it('M6.5 blocks a product whose R&D finished more than two years before, and submit refuses it with the list', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    await patch({ applicationId: app.id, expectedRevision: 0, rdCompletedOn: '2020-01-01' });
    const c = await check(app.id);
    expect(blocking(c)).toEqual([expect.objectContaining({ code: 'M6.5_RD_TOO_OLD', measuresId: 'M6.5', field: 'rdCompletedOn' })]);
    const outboxBefore = await count(env, 'outbox_events');
    const err = await rpc.refusal(SubmitApplication, { applicationId: app.id }, enterprise);
    expect([err.code, err.status]).toEqual(['PRE_SUBMISSION_CHECK_FAILED', 422]);
    expect(err.error.errors).toEqual([expect.objectContaining({ field: 'rdCompletedOn' })]);
    expect((await rpc.request<AppView>(GetApplication, { applicationId: app.id }, enterprise)).state).toBe('DRAFT');
    expect(await count(env, 'outbox_events')).toBe(outboxBefore);
  });

  it('M6.1 and M5.1 block what the applicant declared, and clear once corrected', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    await patch({ applicationId: app.id, expectedRevision: 0, declarations: { developedOnlyForOwnUse: true, safetyAccidentDates: [new Date(Date.now() - 200 * 86400_000).toISOString().slice(0, 10)] } });
    expect(blocking(await check(app.id)).map((p) => [p.code, p.field])).toEqual(expect.arrayContaining([
      ['M6.1_OWN_USE', 'declarations.developedOnlyForOwnUse'],
      ['M5.1_SAFETY_ACCIDENT', 'declarations.safetyAccidentDates'],
    ]));
    await patch({ applicationId: app.id, expectedRevision: 1, declarations: { developedOnlyForOwnUse: false, safetyAccidentDates: [] } });
    expect((await check(app.id)).canSubmit).toBe(true);
  });

  it('M6.4 blocks a model of a series the applicant already had recognized', async () => {
    await recognized('XG-3000', 'XG');
    const sibling = await createApplication(rpc, enterprise, batchId, 'XG-5000', 'xg');
    expect(blocking(await check(sibling.id))).toEqual([expect.objectContaining({ code: 'M6.4_SERIES_ALREADY_RECOGNIZED', field: 'series' })]);
    expect((await rpc.refusal(SubmitApplication, { applicationId: sibling.id }, enterprise)).code).toBe('PRE_SUBMISSION_CHECK_FAILED');
  });

  it('M6.4 flags, without blocking, another applicant\'s recognized model; the flag goes to the prefecture with the submission', async () => {
    // Runs after the test above, which had XG-3000 of the Baotou applicant recognized.
    const other = actors.enterprise(OTHER_USCC);
    await registerEnterprise(rpc, other, '150102');
    const app = await createApplication(rpc, other, batchId, 'XG-3000', 'XG');
    const result = await rpc.request<{ problems: Array<{ code: string }> }>(CheckApplication, { applicationId: app.id }, other);
    expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'M6.4_OTHER_APPLICANT_SAME_MODEL', severity: 'warning', field: 'model' })]));
    await rpc.request(SubmitApplication, { applicationId: app.id }, other);
    const [event] = await sql<{ payload: { flags: Array<{ code: string; measuresId: string; field: string; messageEn?: string }> } }>(
      env, `SELECT payload FROM "${schemaOf(env, 'intake')}".outbox_events WHERE subject = 'intake.application.submitted.v1' AND payload->>'applicationId' = $1`, [app.id],
    );
    expect(event.payload.flags).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'M6.4_OTHER_APPLICANT_SAME_MODEL', measuresId: 'M6.4', field: 'model', messageEn: expect.any(String) })]));
  });

  it('M13.2 an expired recognition shows as EXPIRED on the timeline with a notice, and still counts under M6.4', async () => {
    const prior = await recognized('EX-100', 'EX');
    await publishEvent(env, RecognitionExpired, {
      recognitionId: prior.recognitionId, applicationId: prior.id, uscc: BAOTOU_USCC, validUntil: '2029-10-31', expiredAt: new Date().toISOString(),
    });
    const view = await eventually(
      () => rpc.request<AppView & { history: Array<{ toState: string; reason: string | null }> }>(GetApplication, { applicationId: prior.id }, enterprise),
      (v) => v.state === 'EXPIRED',
      { what: 'the application to show EXPIRED' },
    );
    expect(view.history.at(-1)).toMatchObject({ toState: 'EXPIRED', reason: expect.stringContaining('2029-10-31') });
    expect(await count(env, 'notifications', "kind = 'expired' AND application_id = $1", [prior.id])).toBe(1);
    const sibling = await createApplication(rpc, enterprise, batchId, 'EX-200', 'EX');
    expect(blocking(await check(sibling.id)).map((p) => p.code)).toEqual(['M6.4_SERIES_ALREADY_RECOGNIZED']);
  });

  it('another enterprise cannot run the check on an application that is not its own', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    expect((await rpc.refusal(CheckApplication, { applicationId: app.id }, actors.enterprise(OTHER_USCC))).status).toBe(404);
    expect((await rpc.refusal(CheckApplication, { applicationId: app.id }, department)).status).toBe(403);
  });
});
