import { randomUUID } from 'node:crypto';
import {
  AttachMaterial,
  CheckApplication,
  ListApplicationVersions,
  GetApplication,
  RecognitionExpired,
  RecognitionIssued,
  SubmitApplication,
  UpdateApplicationDraft,
  UpdateApplicationDraftV1,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, completeDeclarations, completeFormFields, CURRENT_PLEDGE_VERSION, eventually, requiredSlots, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { readSubmissionFacts } from '../src/applications/submission-store';
import { AppView, attachFile, BAOTOU_USCC, completeDraft, count, createApplication, openBatch, OTHER_USCC, registerEnterprise, saveDraft, submitDraft, submittedApplication } from './helpers';

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let batchId: string;
const enterprise = actors.enterprise(BAOTOU_USCC);
const department = actors.department();

interface Problem { code: string; severity: string; measuresId: string; field?: string; slotId?: string }
interface Check {
  canSubmit: boolean;
  problems: Problem[];
  materials: Array<{ slotId: string; required: boolean }>;
  slots: Array<{ slotId: string; applies: boolean; required: boolean; basis: string; reasonZh: string }>;
  materialsRequiredAtSubmission: boolean;
  pledge: { version: string };
}

const patch = (p: Partial<UpdateApplicationDraftV1> & { applicationId: string; expectedRevision: number }, actor = enterprise) =>
  saveDraft<AppView>(rpc, actor, p);
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

  it('an autosave answers its new revision, state and time only, not the whole application (update-draft.v2)', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    const before = Date.now();
    const reply = await rpc.request<Record<string, unknown>>(UpdateApplicationDraft, { applicationId: app.id, expectedRevision: 0, innovationPoints: ['电驱动系统国内首创'] }, enterprise);
    expect(Object.keys(reply).sort()).toEqual(['id', 'revision', 'savedAt', 'state']);
    expect([reply.id, reply.revision, reply.state]).toEqual([app.id, 1, 'DRAFT']);
    expect(Date.parse(reply.savedAt as string)).toBeGreaterThanOrEqual(before - 1000);
    const next = await rpc.request<{ revision: number }>(UpdateApplicationDraft, { applicationId: app.id, expectedRevision: reply.revision as number, productName: '按答复的修订号保存' }, enterprise);
    expect(next.revision).toBe(2);
  });

  it('refuses a stale write with 409 and keeps the first one', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    await patch({ applicationId: app.id, expectedRevision: 0, productName: '第一次保存' });
    const stale = await patchRefused({ applicationId: app.id, expectedRevision: 0, productName: '旧页面的保存' });
    expect([stale.code, stale.status]).toEqual(['STALE_REVISION', 409]);
    const view = await rpc.request<AppView & { productName: string }>(GetApplication, { applicationId: app.id }, enterprise);
    expect([view.productName, view.revision]).toEqual(['第一次保存', 1]);
  });

  it('autosaves arriving together share a transaction: of two based on one revision exactly one wins; the others each save, with their own audit record', async () => {
    const apps = await Promise.all([0, 1, 2, 3].map(() => createApplication(rpc, enterprise, batchId)));
    const auditsBefore = await count(env, 'audit_records', "action = 'application.update-draft' AND outcome = 'succeeded'");
    const settled = await Promise.allSettled([
      patch({ applicationId: apps[0].id, expectedRevision: 0, productName: '甲页面' }),
      patch({ applicationId: apps[0].id, expectedRevision: 0, productName: '乙页面' }),
      ...apps.slice(1).map((a, i) => patch({ applicationId: a.id, expectedRevision: 0, productName: `同批保存${i}` })),
    ]);
    const [first, second, ...others] = settled;
    const pair = [first, second];
    expect(pair.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = pair.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect([lost.reason.code, lost.reason.status]).toEqual(['STALE_REVISION', 409]);
    const won = (pair.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<AppView & { productName: string }>).value;
    const view = await rpc.request<AppView & { productName: string }>(GetApplication, { applicationId: apps[0].id }, enterprise);
    expect([view.productName, view.revision]).toEqual([won.productName, 1]);
    expect(others.map((r) => r.status === 'fulfilled' && (r.value as AppView & { productName: string }).productName)).toEqual(['同批保存0', '同批保存1', '同批保存2']);
    expect(await count(env, 'audit_records', "action = 'application.update-draft' AND outcome = 'succeeded'")).toBe(auditsBefore + 4);
    expect(await count(env, 'audit_records', "action = 'application.update-draft' AND outcome = 'rejected' AND object_id = $1", [apps[0].id])).toBe(1);
  });

  it('an autosave that renames the product to one the enterprise already applied for in the batch is refused with 409, nothing changed', async () => {
    const taken = await createApplication(rpc, enterprise, batchId, `TAKEN-${randomUUID().slice(0, 6)}`);
    const [{ model: takenModel }] = await sql<{ model: string }>(env, `SELECT model FROM "${schemaOf(env, 'intake')}".applications WHERE id = $1`, [taken.id]);
    const app = await createApplication(rpc, enterprise, batchId);
    const dup = await patchRefused({ applicationId: app.id, expectedRevision: 0, model: takenModel });
    expect([dup.code, dup.status]).toEqual(['DUPLICATE_APPLICATION', 409]);
    const view = await rpc.request<AppView>(GetApplication, { applicationId: app.id }, enterprise);
    expect(view.revision).toBe(0);
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
  const app = await submittedApplication(rpc, enterprise, batchId, model, series);
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
  it('M5 M6 a blank answer to any condition or exclusion blocks at its field; the rest stays a warning', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    const c = await check(app.id);
    expect(c.canSubmit).toBe(false);
    const blanks = blocking(c).filter((p) => p.code === 'DECLARATION_BLANK');
    expect(blanks.map((p) => [p.measuresId, p.field])).toEqual(expect.arrayContaining([
      ['M5.1', 'declarations.legalForm'],
      ['M5.2', 'declarations.ownRd'],
      ['M5.3', 'declarations.ownsRegisteredTrademark'],
      ['M5.4', 'declarations.firstDevelopedInRegion'],
      ['M5.4', 'declarations.trialUseMetDesignRequirements'],
      ['M5.4', 'declarations.noMarketRecordYet'],
      ['M5.4', 'declarations.breakthroughs'],
      ['M5.4', 'declarations.equipmentForm'],
      ['M5.6', 'declarations.productionLicenceApplies'],
      ['M5.6', 'declarations.cccApplies'],
      ['M6.1', 'declarations.developedOnlyForOwnUse'],
      ['M6.2', 'declarations.customOrderedFromOutside'],
      ['M6.3', 'declarations.madeWithIntroducedTechnology'],
    ]));
    // The rule's own "to declare" warning is not repeated beside the blocking blank.
    expect(c.problems.filter((p) => p.field === 'declarations.ownRd')).toHaveLength(1);
    expect(c.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'M5.4_OUT_OF_SCOPE', severity: 'warning', field: 'catalogueEntryCode' })]));
    expect(c.pledge.version).toBe(CURRENT_PLEDGE_VERSION);
  });

  it('M7.4 every applicable slot must hold a file: each missing one blocks at its slot', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    await patch({ applicationId: app.id, expectedRevision: 0, ...completeFormFields() });
    const c = await check(app.id);
    expect(c.materialsRequiredAtSubmission).toBe(true);
    const missing = blocking(c).filter((p) => p.code === 'M7.4_MATERIAL_MISSING').map((p) => p.slotId);
    expect(missing.sort()).toEqual([...requiredSlots()].sort());
    expect(blocking(c).every((p) => p.code === 'M7.4_MATERIAL_MISSING' && p.measuresId === 'M7.4')).toBe(true);
    for (const slotId of requiredSlots().slice(1)) await attachFile(rpc, enterprise, app.id, slotId);
    expect(blocking(await check(app.id)).map((p) => p.slotId)).toEqual([requiredSlots()[0]]);
    const outboxBefore = await count(env, 'outbox_events');
    const err = await rpc.refusal(SubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect([err.code, err.status]).toEqual(['PRE_SUBMISSION_CHECK_FAILED', 422]);
    expect(err.error.errors).toEqual([expect.objectContaining({ field: `materials.${requiredSlots()[0]}` })]);
    expect(await count(env, 'outbox_events')).toBe(outboxBefore);
    await attachFile(rpc, enterprise, app.id, requiredSlots()[0]);
    expect((await check(app.id)).canSubmit).toBe(true);
  });

  it('M5.6 M7.4 the licence, CCC and IP contracts apply only as declared; otherwise not applicable, per the declaration', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    const slotsOf = async () => Object.fromEntries((await check(app.id)).slots.map((x) => [x.slotId, x]));
    let slots = await slotsOf();
    expect(slots.productionLicence).toMatchObject({ applies: true, basis: 'not_declared' });
    const declared = { ...completeDeclarations(), productionLicenceApplies: true, hasProductionLicence: true, cccApplies: false, ipSharedBySeveralParties: false };
    await patch({ applicationId: app.id, expectedRevision: 0, declarations: declared });
    slots = await slotsOf();
    expect(slots.productionLicence).toMatchObject({ applies: true, required: true, basis: 'declared_applies' });
    expect(slots.cccCertificate).toMatchObject({ applies: false, basis: 'declared_not_applicable', reasonZh: expect.stringMatching(/^不适用（依申报声明）/) });
    expect(slots.ipContracts).toMatchObject({ applies: false, basis: 'declared_not_applicable' });
    const missing = blocking(await check(app.id)).filter((p) => p.code === 'M7.4_MATERIAL_MISSING').map((p) => p.slotId);
    expect(missing).toContain('productionLicence');
    expect(missing).not.toContain('cccCertificate');
    // A file in a slot that does not apply is refused (the slot is not on this application's list).
    const refused = await rpc.refusal(AttachMaterial, { applicationId: app.id, slotId: 'cccCertificate', fileName: 'ccc.pdf', size: 10, mediaType: 'pdf', sha256: 'ee'.repeat(32), objectKey: `sha256/ee/${'ee'.repeat(32)}` }, enterprise);
    expect([refused.code, refused.status]).toEqual(['MATERIAL_SLOT_NOT_ON_CHECKLIST', 422]);
  });

  it('M2.1 M5.4 the definition is judged fact by fact: a product with a market record is not first-set', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    await completeDraft(rpc, enterprise, app, { declarations: { noMarketRecordYet: false } } as never);
    expect(blocking(await check(app.id)).map((p) => [p.code, p.field])).toEqual([['M2.1_NO_MARKET_RECORD', 'declarations.noMarketRecordYet']]);
  });

  it('M2.1 hostile M2 input: an unknown breakthrough kind or equipment form is refused at the field and changes nothing', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    const kind = await patchRefused({ applicationId: app.id, expectedRevision: 0, declarations: { breakthroughs: [{ kind: 'magic', description: 'x' }] } });
    expect([kind.code, kind.status]).toEqual(['VALIDATION_FAILED', 400]);
    expect(JSON.stringify(kind.error.errors)).toContain('breakthroughs');
    const form = await patchRefused({ applicationId: app.id, expectedRevision: 0, declarations: { equipmentForm: 'spaceship' } });
    expect(JSON.stringify(form.error.errors)).toContain('equipmentForm');
    const empty = await patchRefused({ applicationId: app.id, expectedRevision: 0, declarations: { breakthroughs: [{ kind: 'principle', description: '' }] } });
    expect(empty.code).toBe('VALIDATION_FAILED');
    expect((await rpc.request<AppView>(GetApplication, { applicationId: app.id }, enterprise)).revision).toBe(0);
  });

  it('M10.1 the pledge is signed at submission: a missing or outdated version is refused at its field, nothing stored', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    await completeDraft(rpc, enterprise, app);
    const outboxBefore = await count(env, 'outbox_events');
    const missing = await rpc.refusal(SubmitApplication, { applicationId: app.id } as never, enterprise);
    expect([missing.code, missing.status]).toEqual(['VALIDATION_FAILED', 400]);
    expect(JSON.stringify(missing.error.errors)).toContain('pledgeVersion');
    const outdated = await rpc.refusal(SubmitApplication, { applicationId: app.id, pledgeVersion: 'nmg-pledge-2020-1' }, enterprise);
    expect([outdated.code, outdated.status]).toEqual(['PLEDGE_VERSION_OUTDATED', 422]);
    expect(outdated.error.errors).toEqual([expect.objectContaining({ field: 'pledgeVersion' })]);
    expect(await count(env, 'outbox_events')).toBe(outboxBefore);
    expect(await count(env, 'application_versions', 'application_id = $1', [app.id])).toBe(0);
    const receipt = await submitDraft(rpc, enterprise, app.id);
    expect(receipt.pledge).toMatchObject({ version: CURRENT_PLEDGE_VERSION, textZh: expect.stringContaining('真实') });
    const [v1] = await rpc.request<Array<{ pledge: { version: string; signedAt: string } }>>(ListApplicationVersions, { applicationId: app.id }, enterprise);
    expect(v1.pledge).toMatchObject({ version: CURRENT_PLEDGE_VERSION, signedAt: expect.any(String) });
    const [event] = await sql<{ payload: { declarations: Record<string, unknown>; materialsRequiredAtSubmission: boolean; pledge: { version: string } } }>(
      env, `SELECT payload FROM "${schemaOf(env, 'intake')}".outbox_events WHERE subject = 'intake.application.submitted.v1' AND payload->>'applicationId' = $1`, [app.id],
    );
    expect(event.payload).toMatchObject({ materialsRequiredAtSubmission: true, pledge: { version: CURRENT_PLEDGE_VERSION } });
    expect(event.payload.declarations).toMatchObject({ noMarketRecordYet: true, equipmentForm: 'complete_set', cccApplies: false });
  });

  it('M6.5 blocks a product whose R&D finished more than two years before, and submit refuses it with the list', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    await completeDraft(rpc, enterprise, app, { rdCompletedOn: '2020-01-01' });
    const c = await check(app.id);
    expect(blocking(c)).toEqual([expect.objectContaining({ code: 'M6.5_RD_TOO_OLD', measuresId: 'M6.5', field: 'rdCompletedOn' })]);
    const outboxBefore = await count(env, 'outbox_events');
    const err = await rpc.refusal(SubmitApplication, { applicationId: app.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect([err.code, err.status]).toEqual(['PRE_SUBMISSION_CHECK_FAILED', 422]);
    expect(err.error.errors).toEqual([expect.objectContaining({ field: 'rdCompletedOn' })]);
    expect((await rpc.request<AppView>(GetApplication, { applicationId: app.id }, enterprise)).state).toBe('DRAFT');
    expect(await count(env, 'outbox_events')).toBe(outboxBefore);
  });

  it('M6.1 and M5.1 block what the applicant declared, and clear once corrected', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    await completeDraft(rpc, enterprise, app, { declarations: { developedOnlyForOwnUse: true, safetyAccidentDates: [new Date(Date.now() - 200 * 86400_000).toISOString().slice(0, 10)] } } as never);
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
    await completeDraft(rpc, enterprise, sibling);
    expect(blocking(await check(sibling.id))).toEqual([expect.objectContaining({ code: 'M6.4_SERIES_ALREADY_RECOGNIZED', field: 'series' })]);
    expect((await rpc.refusal(SubmitApplication, { applicationId: sibling.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise)).code).toBe('PRE_SUBMISSION_CHECK_FAILED');
  });

  it('M6.4 flags, without blocking, another applicant\'s recognized model; the flag goes to the prefecture with the submission', async () => {
    // Runs after the test above, which had XG-3000 of the Baotou applicant recognized.
    const other = actors.enterprise(OTHER_USCC);
    await registerEnterprise(rpc, other, '150102');
    const app = await createApplication(rpc, other, batchId, 'XG-3000', 'XG');
    await completeDraft(rpc, other, app);
    const result = await rpc.request<{ problems: Array<{ code: string }> }>(CheckApplication, { applicationId: app.id }, other);
    expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'M6.4_OTHER_APPLICANT_SAME_MODEL', severity: 'warning', field: 'model' })]));
    await submitDraft(rpc, other, app.id);
    const [event] = await sql<{ payload: { flags: Array<{ code: string; measuresId: string; field: string; messageEn?: string }> } }>(
      env, `SELECT payload FROM "${schemaOf(env, 'intake')}".outbox_events WHERE subject = 'intake.application.submitted.v1' AND payload->>'applicationId' = $1`, [app.id],
    );
    expect(event.payload.flags).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'M6.4_OTHER_APPLICANT_SAME_MODEL', measuresId: 'M6.4', field: 'model', messageEn: expect.any(String) })]));
  });

  it('M6.4 a submission reads only its candidates: the applicant’s own recognitions and others’ whose model has the same digits; a full-width designation still matches', async () => {
    // Runs after the tests above: Baotou’s XG-3000 (series XG) is recognized.
    await recognized('QT-777', 'QT');
    const other = actors.enterprise(OTHER_USCC);
    const app = await createApplication(rpc, other, batchId, 'ｘｇ－３０００', 'ＸＧ');
    await completeDraft(rpc, other, app);
    const result = await rpc.request<{ problems: Array<{ code: string }> }>(CheckApplication, { applicationId: app.id }, other);
    expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'M6.4_OTHER_APPLICANT_SAME_MODEL', field: 'model' })]));
    const executor = { $queryRawUnsafe: <T>(text: string, ...values: unknown[]) => sql(env, text, values) as Promise<T> };
    const facts = await readSubmissionFacts(executor as never, schemaOf(env, 'intake'), { usccs: [], batchIds: [], draftIds: [app.id], materialIds: [], products: [], newApplications: 0, priors: true });
    const models = facts.priors.map((p) => p.model);
    expect(models).toContain('XG-3000');
    expect(models).not.toContain('QT-777');
    // The applicant’s own recognitions are all read, whatever their model.
    const own = await readSubmissionFacts(executor as never, schemaOf(env, 'intake'), { usccs: [BAOTOU_USCC], batchIds: [], draftIds: [], materialIds: [], products: [], newApplications: 0, priors: true });
    expect(own.priors.map((p) => p.model)).toEqual(expect.arrayContaining(['XG-3000', 'QT-777']));
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
    await completeDraft(rpc, enterprise, sibling);
    expect(blocking(await check(sibling.id)).map((p) => p.code)).toEqual(['M6.4_SERIES_ALREADY_RECOGNIZED']);
  });

  it('another enterprise cannot run the check on an application that is not its own', async () => {
    const app = await createApplication(rpc, enterprise, batchId);
    expect((await rpc.refusal(CheckApplication, { applicationId: app.id }, actors.enterprise(OTHER_USCC))).status).toBe(404);
    expect((await rpc.refusal(CheckApplication, { applicationId: app.id }, department)).status).toBe(403);
  });
});
