import { randomUUID } from 'node:crypto';
import { AttachMaterial, GetApplication, ImportCatalogue, ListApplicationVersions, SubmitCompleteApplication, SubmitCompleteApplicationV1, UpdateApplicationDraft } from '@firstset/contracts';
import { ActorContext, RemoteServiceError } from '@firstset/messaging';
import { actors, cleanupTestEnv, completeDeclarations, CURRENT_PLEDGE_VERSION, newTestEnv, requiredSlots, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { loadIntakeSettings } from '../src/config';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, count, createApplication, day, openBatch, OTHER_USCC, product, registerEnterprise } from './helpers';

// The whole application in one request (issue 4 item 7): the deadline-rush path. Calls that arrive
// together share a transaction; each must still get exactly its own answer and leave exactly its
// own traces, and a refused one none.

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let batchId: string;
const DISHONEST_USCC = '91150300MA0R8ABC1D';
const UNREGISTERED_USCC = '91150600MA0T2XYZ3E';
const baotou = actors.enterprise(BAOTOU_USCC);
const hohhot = actors.enterprise(OTHER_USCC);
const dishonest = actors.enterprise(DISHONEST_USCC);
let own: Array<{ slotId: string; materialId: string }>;
let foreign: { slotId: string; materialId: string };

const DECLARATIONS = completeDeclarations();
let dishonestOwn: Array<{ slotId: string; materialId: string }>;

const form = (model = `CS-${randomUUID().slice(0, 8)}`, extra: Partial<SubmitCompleteApplicationV1> = {}): SubmitCompleteApplicationV1 => ({
  ...product(batchId, model),
  catalogueEntryCode: undefined,
  firstSale: { date: '2026-03-15', customer: '内蒙古某矿业集团有限公司' },
  innovationPoints: ['电驱动系统国内首创'],
  performanceIndicators: [{ name: '额定载重', value: '300 t', domestic: '280 t', foreign: '290 t' }],
  ipList: [{ kind: 'invention_patent', number: 'ZL202510000001.X', title: '一种矿用自卸车电驱动系统', basis: 'owned' }],
  sales: [{ year: 2026, units: 3, revenueWanYuan: 4500 }],
  declarations: { ...DECLARATIONS },
  materials: own,
  pledgeVersion: CURRENT_PLEDGE_VERSION,
  ...extra,
});

async function attach(actor: ActorContext, applicationId: string, slotId: string, n: number) {
  const sha256 = (n.toString(16).padStart(2, '0') + 'ab'.repeat(31)).slice(0, 64);
  const m = await rpc.request<{ id: string }>(
    AttachMaterial,
    { applicationId, slotId, fileName: `${slotId}.pdf`, size: 1000 + n, mediaType: 'pdf', sha256, objectKey: `sha256/${sha256.slice(0, 2)}/${sha256}` },
    actor,
  );
  return { slotId, materialId: m.id };
}

const submit = (payload: SubmitCompleteApplicationV1, actor: ActorContext = baotou, idempotencyKey?: string) =>
  rpc.request<{ id: string; applicationNo: string; state: string; version: number; contentSha256: string; submittedAt: string; pledge: { version: string; textZh: string; signedAt: string } }>(
    SubmitCompleteApplication,
    payload,
    actor,
    idempotencyKey ? { idempotencyKey } : {},
  );

const refusal = async (payload: unknown, actor: ActorContext = baotou) => {
  try {
    await rpc.request(SubmitCompleteApplication, payload as SubmitCompleteApplicationV1, actor);
  } catch (err) {
    if (err instanceof RemoteServiceError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

/** Rows a submission writes, to prove a refusal wrote none. */
const traces = async () => ({
  applications: await count(env, 'applications'),
  outbox: await count(env, 'outbox_events'),
  versions: await count(env, 'application_versions'),
  materials: await count(env, 'materials'),
});

beforeAll(async () => {
  const settings = { ...loadIntakeSettings({}), creditCheck: 'simulator' as const, creditSimulator: { [DISHONEST_USCC]: { seriousDishonesty: true } } };
  intake = await startServiceInProcess(env, 'intake', (c) => intakeModule(c, settings));
  rpc = await RpcCaller.connect(env);
  batchId = (await openBatch(rpc, actors.department())).id;
  await registerEnterprise(rpc, baotou);
  await registerEnterprise(rpc, hohhot, '150102');
  await registerEnterprise(rpc, dishonest, '150302');
  // Files uploaded before, into a draft of each enterprise (the gateway streams them; intake keeps the reference).
  const draft = await createApplication(rpc, baotou, batchId, 'UPLOADS-1');
  own = [];
  for (const [i, slotId] of requiredSlots().entries()) own.push(await attach(baotou, draft.id, slotId, i + 1));
  const dishonestDraft = await createApplication(rpc, dishonest, batchId, 'UPLOADS-3');
  dishonestOwn = [];
  for (const [i, slotId] of requiredSlots().entries()) dishonestOwn.push(await attach(dishonest, dishonestDraft.id, slotId, 100 + i));
  const other = await createApplication(rpc, hohhot, batchId, 'UPLOADS-2');
  foreign = await attach(hohhot, other.id, 'testReport', 4);
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('a complete application submitted in one request (M7.1, M7.2)', () => {
  it('M7.2 stands submitted at once, with its number, version 1, its files, its timeline, its credit answer, its audit record and one event', async () => {
    const receipt = await submit(form('CS-HAPPY', { catalogueEntryCode: 'EF04' }));
    expect(receipt).toMatchObject({ state: 'SUBMITTED', version: 1 });
    expect(receipt.applicationNo).toMatch(new RegExp(`^${new Date().getFullYear()}-150200-\\d{5}$`));
    expect(receipt.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    // The receipt's hash is recomputed from the version as stored: nothing changed since.
    const versions = await rpc.request<Array<{ version: number; contentSha256: string }>>(ListApplicationVersions, { applicationId: receipt.id }, baotou);
    expect(versions).toEqual([expect.objectContaining({ version: 1, contentSha256: receipt.contentSha256 })]);

    const view = await rpc.request<{ state: string; draft: Record<string, unknown>; history: Array<{ toState: string }> }>(
      GetApplication, { applicationId: receipt.id }, baotou,
    );
    expect(view.state).toBe('SUBMITTED');
    expect(view.draft).toMatchObject({ innovationPoints: ['电驱动系统国内首创'], declarations: DECLARATIONS });
    expect(view.history.map((h) => h.toState)).toEqual(['DRAFT', 'SUBMITTED']);

    const s = schemaOf(env, 'intake');
    const [version] = await sql<{ snapshot: { materials: Array<{ slotId: string; sha256: string }> } }>(
      env, `SELECT snapshot FROM "${s}".application_versions WHERE application_id = $1 AND version = 1`, [receipt.id],
    );
    expect(version.snapshot.materials.map((m) => m.slotId)).toEqual([...requiredSlots()].sort());
    expect(await count(env, 'materials', 'application_id = $1 AND removed_at IS NULL', [receipt.id])).toBe(own.length);
    expect(await count(env, 'credit_checks', 'application_id = $1 AND source = $2', [receipt.id, 'simulator'])).toBe(1);
    expect(await count(env, 'outbox_events', `subject = 'intake.application.submitted.v1' AND payload->>'applicationId' = $1`, [receipt.id])).toBe(1);
    const [event] = await sql<{ payload: Record<string, unknown> }>(
      env, `SELECT payload FROM "${s}".outbox_events WHERE subject = 'intake.application.submitted.v1' AND payload->>'applicationId' = $1`, [receipt.id],
    );
    // M4.2 field, credit answer and flags travel with it for the prefecture's formal review.
    expect(event.payload).toMatchObject({ catalogueEntryCode: 'EF04', credit: { source: 'simulator', seriousDishonesty: false, abnormalOperations: false }, flags: [] });
    // M2, M5, M6 answers, whether materials were required (M7.4) and the pledge (M10.1) travel too.
    expect(event.payload).toMatchObject({ declarations: { equipmentForm: 'complete_set', breakthroughs: DECLARATIONS.breakthroughs }, materialsRequiredAtSubmission: true, pledge: { version: CURRENT_PLEDGE_VERSION } });
    expect(receipt.pledge).toMatchObject({ version: CURRENT_PLEDGE_VERSION, textZh: expect.stringContaining('真实'), signedAt: receipt.submittedAt });
    const [stored] = await sql<{ pledge: { version: string; textZh: string } }>(env, `SELECT pledge FROM "${s}".application_versions WHERE application_id = $1`, [receipt.id]);
    expect(stored.pledge).toMatchObject({ version: CURRENT_PLEDGE_VERSION, textZh: receipt.pledge.textZh });
    expect(await count(env, 'audit_records', `action = 'application.submit-complete' AND outcome = 'succeeded' AND object_id = $1`, [receipt.id])).toBe(1);
  });

  it('a retried request with the same Idempotency-Key returns the first receipt, never a second application, even when both arrive together', async () => {
    const before = await traces();
    const payload = form();
    const key = `retry-${randomUUID()}`;
    const [a, b] = await Promise.all([submit(payload, baotou, key), submit(payload, baotou, key)]);
    const c = await submit(payload, baotou, key);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect((await traces()).applications).toBe(before.applications + 1);
    expect((await traces()).outbox).toBe(before.outbox + 1);
  });

  it('calls sharing a transaction each get their own answer: 20 accepted with distinct numbers, a duplicate and a foreign file refused, nothing written for them', async () => {
    await submit(form('CS-TAKEN'));
    const before = await traces();
    const rejectedBefore = await count(env, 'audit_records', `action = 'application.submit-complete' AND outcome = 'rejected'`);
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) => submit(form(`CS-MANY-${i}`))),
      submit(form('CS-TAKEN')),
      submit(form('CS-FOREIGN', { materials: [...own, foreign] })),
    ]);
    const accepted = outcomes.slice(0, 20).map((o) => (o.status === 'fulfilled' ? o.value : undefined));
    expect(accepted.every(Boolean)).toBe(true);
    expect(new Set(accepted.map((r) => r!.applicationNo)).size).toBe(20);
    const [dup, stranger] = outcomes.slice(20).map((o) => (o.status === 'rejected' ? (o.reason as RemoteServiceError) : undefined));
    expect([dup?.code, dup?.status]).toEqual(['DUPLICATE_APPLICATION', 409]);
    expect([stranger?.code, stranger?.status]).toEqual(['NOT_FOUND', 404]);
    const after = await traces();
    expect(after.applications - before.applications).toBe(20);
    expect(after.outbox - before.outbox).toBe(20);
    expect(after.materials - before.materials).toBe(20 * own.length);
    expect(await count(env, 'audit_records', `action = 'application.submit-complete' AND outcome = 'rejected'`)).toBe(rejectedBefore + 2);
  });
});

describe('a complete submission that must be refused leaves nothing behind', () => {
  const refusedWith = async (payload: unknown, code: string, status: number, actor: ActorContext = baotou) => {
    const before = await traces();
    const err = await refusal(payload, actor);
    expect([err.code, err.status]).toEqual([code, status]);
    expect(await traces()).toEqual(before);
    return err;
  };

  it('M7.1 outside the window: the error says when it opens', async () => {
    const next = new Date().getFullYear() + 1;
    const opensIn = Date.UTC(next, 0, 10) - Date.now(); // next year's batch, not open yet
    const later = await openBatch(rpc, actors.department(), next, opensIn, opensIn + 30 * day);
    const err = await refusedWith({ ...form(), batchId: later.id }, 'APPLICATION_WINDOW_NOT_OPEN', 422);
    expect(err.error.title).toMatch(/\d{4}/);
    await refusedWith({ ...form(), batchId: randomUUID() }, 'BATCH_NOT_FOUND', 404);
  });

  it('M10.2 a banned applicant is refused with the end of the ban', async () => {
    await sql(env, `INSERT INTO "${schemaOf(env, 'intake')}".applicant_bans (id, uscc, starts_on, ends_on, reason, revocation_id) VALUES ($1, $2, '2025-01-01', '2099-12-31', 'M10.2 test', $3)`, [
      randomUUID(), OTHER_USCC, randomUUID(),
    ]);
    const err = await refusedWith({ ...form(), materials: [] }, 'APPLICANT_BANNED', 403, hohhot);
    expect(err.error.title).toContain('2099-12-31');
  });

  it('M5.1 a seriously dishonest applicant is refused; the credit answer is kept without an application', async () => {
    const checks = await count(env, 'credit_checks', 'uscc = $1 AND serious_dishonesty AND application_id IS NULL', [DISHONEST_USCC]);
    await refusedWith({ ...form(), materials: dishonestOwn }, 'APPLICANT_SERIOUSLY_DISHONEST', 403, dishonest);
    expect(await count(env, 'credit_checks', 'uscc = $1 AND serious_dishonesty AND application_id IS NULL', [DISHONEST_USCC])).toBe(checks + 1);
  });

  it('M6.1 a declared exclusion blocks with its field and article', async () => {
    const err = await refusedWith(form(undefined, { declarations: { ...DECLARATIONS, developedOnlyForOwnUse: true } }), 'PRE_SUBMISSION_CHECK_FAILED', 422);
    expect(err.error.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'declarations.developedOnlyForOwnUse' })]));
  });

  it('M7.4 a required material left out blocks at its slot', async () => {
    const err = await refusedWith(form(undefined, { materials: own.filter((m) => m.slotId !== 'testReport') }), 'PRE_SUBMISSION_CHECK_FAILED', 422);
    expect(err.error.errors).toEqual([expect.objectContaining({ field: 'materials.testReport', message: expect.stringContaining('M7.4') })]);
  });

  it('M5.6 M7.4 a declared production licence requires its file; CCC declared not to apply needs none', async () => {
    const declarations = { ...DECLARATIONS, productionLicenceApplies: true, hasProductionLicence: true };
    const err = await refusedWith(form(undefined, { declarations }), 'PRE_SUBMISSION_CHECK_FAILED', 422);
    expect(err.error.errors).toEqual([expect.objectContaining({ field: 'materials.productionLicence' })]);
  });

  it('M5 M6 a blank answer blocks at its field', async () => {
    const { scaleProduction: _s, madeWithIntroducedTechnology: _m, ...rest } = DECLARATIONS;
    const err = await refusedWith(form(undefined, { declarations: rest }), 'PRE_SUBMISSION_CHECK_FAILED', 422);
    expect((err.error.errors ?? []).map((e: { field: string }) => e.field).sort()).toEqual(['declarations.madeWithIntroducedTechnology', 'declarations.scaleProduction']);
  });

  it('M10.1 an outdated or missing pledge version is refused at its field', async () => {
    const err = await refusedWith(form(undefined, { pledgeVersion: 'old-1' }), 'PLEDGE_VERSION_OUTDATED', 422);
    expect(err.error.errors).toEqual([expect.objectContaining({ field: 'pledgeVersion' })]);
    const { pledgeVersion: _p, ...unsigned } = form();
    await refusedWith(unsigned, 'VALIDATION_FAILED', 400);
  });

  it('M6.5 research finished too long ago blocks; an impossible date is refused at the edge, at its field, as on the draft path', async () => {
    await refusedWith(form(undefined, { rdCompletedOn: '2015-01-01' }), 'PRE_SUBMISSION_CHECK_FAILED', 422);
    for (const rdCompletedOn of ['2026-02-30', '9999-99-99']) {
      const err = await refusedWith(form(undefined, { rdCompletedOn }), 'VALIDATION_FAILED', 400);
      expect(err.error.errors).toEqual([expect.objectContaining({ field: 'rdCompletedOn', rule: 'isLocalDate' })]);
    }
  });

  it('M7.4 a file in a slot that does not apply, or another enterprise\'s file, is refused', async () => {
    await refusedWith(form(undefined, { materials: [{ slotId: 'productionLicence', materialId: own[0].materialId }] }), 'MATERIAL_SLOT_NOT_ON_CHECKLIST', 422);
    await refusedWith(form(undefined, { materials: [foreign] }), 'NOT_FOUND', 404);
    await refusedWith(form(undefined, { materials: [{ slotId: 'testReport', materialId: randomUUID() }] }), 'NOT_FOUND', 404);
  });

  it('malformed input: unknown fields, wrong types, path-like slot names, missing parts, injection text kept as text', async () => {
    await refusedWith({ ...form(), admin: true }, 'VALIDATION_FAILED', 400);
    await refusedWith({ ...form(), productKind: 'ROCKET' }, 'VALIDATION_FAILED', 400);
    await refusedWith({ ...form(), sales: [{ year: '2026', units: -1, revenueWanYuan: 'lots' }] }, 'VALIDATION_FAILED', 400);
    await refusedWith({ ...form(), materials: [{ slotId: '../../etc/passwd', materialId: own[0].materialId }] }, 'VALIDATION_FAILED', 400);
    const { materials: _m, ...noMaterials } = form();
    await refusedWith(noMaterials, 'VALIDATION_FAILED', 400);
    await refusedWith({ ...form(), innovationPoints: ['x'.repeat(2001)] }, 'VALIDATION_FAILED', 400);
    const injected = `'); DROP TABLE applications; --`;
    const receipt = await submit(form(undefined, { productName: injected }));
    const [row] = await sql<{ product_name: string }>(env, `SELECT product_name FROM "${schemaOf(env, 'intake')}".applications WHERE id = $1`, [receipt.id]);
    expect(row.product_name).toBe(injected);
  });

  it('M4.3 M4.2 a category not in the catalogue the batch profile names is refused at its field, as on the draft path; an imported version replaces the shipped one', async () => {
    const materialSlots = requiredSlots('FIRST_BATCH_MATERIAL');
    const material = (catalogueEntryCode: string, extra: Partial<SubmitCompleteApplicationV1> = {}) =>
      form(`NdFeB-${randomUUID().slice(0, 8)}`, {
        productKind: 'FIRST_BATCH_MATERIAL',
        productName: '高性能钕铁硼永磁材料',
        series: 'NdFeB',
        catalogueEntryCode,
        declarations: completeDeclarations('FIRST_BATCH_MATERIAL'),
        materials: own.filter((m) => materialSlots.includes(m.slotId as never)),
        ...extra,
      });
    const fieldOf = (err: RemoteServiceError) => err.error.errors?.map((e) => e.field);
    // Free text, an equipment field and a code of no catalogue: not categories of the new-materials catalogue 2024.
    for (const code of ['稀土永磁', 'EF04', '9.9']) expect(fieldOf(await refusedWith(material(code), 'CATALOGUE_ENTRY_UNKNOWN', 422))).toEqual(['catalogueEntryCode']);
    // M4.2: equipment names one of the fields, refused the same way (no longer only as a check problem).
    expect(fieldOf(await refusedWith(form(undefined, { catalogueEntryCode: 'EF99' }), 'CATALOGUE_ENTRY_UNKNOWN', 422))).toEqual(['catalogueEntryCode']);

    const accepted = await submit(material('3.1'));
    const [version] = await sql<{ snapshot: { catalogueEntryCode: string; catalogueVersion: string } }>(
      env, `SELECT snapshot FROM "${schemaOf(env, 'intake')}".application_versions WHERE application_id = $1`, [accepted.id],
    );
    expect(version.snapshot).toMatchObject({ catalogueEntryCode: '3.1', catalogueVersion: '2024' });

    // The Department's verified copy of 2024 no longer lists 3.1: the one-request path reads the import, not the shipped copy.
    const csv = 'code,nameZh,parentCode\n3,新材料产业,\n3.2,先进有色金属材料,3\n3.2.1,稀土新材料,3.2\n';
    await rpc.request(
      ImportCatalogue,
      { catalogueId: 'industrial-sei-catalogue-new-materials', version: '2024', source: '核对后导入', fileName: 'c.csv', contentBase64: Buffer.from(csv).toString('base64'), commit: true },
      actors.department(),
    );
    await refusedWith(material('3.1'), 'CATALOGUE_ENTRY_UNKNOWN', 422);
    // Both paths, one judgement: what the draft's autosave refuses, the one request refuses.
    const draft = await createApplication(rpc, baotou, batchId, `NdFeB-D-${randomUUID().slice(0, 4)}`);
    await rpc.request(UpdateApplicationDraft, { applicationId: draft.id, expectedRevision: 0, productKind: 'FIRST_BATCH_MATERIAL' }, baotou);
    const drafted = await rpc.refusal(UpdateApplicationDraft, { applicationId: draft.id, expectedRevision: 1, catalogueEntryCode: '3.1' }, baotou);
    expect([drafted.error.code, drafted.error.errors?.map((e) => e.field)]).toEqual(['CATALOGUE_ENTRY_UNKNOWN', ['catalogueEntryCode']]);
    expect(await submit(material('3.2.1'))).toMatchObject({ state: 'SUBMITTED' });
  });

  it('only an enterprise, registered, may submit', async () => {
    await refusedWith(form(), 'FORBIDDEN_ROLE', 403, actors.prefecture('150200'));
    await refusedWith({ ...form(), materials: [] }, 'ENTERPRISE_NOT_REGISTERED', 422, actors.enterprise(UNREGISTERED_USCC));
  });
});

