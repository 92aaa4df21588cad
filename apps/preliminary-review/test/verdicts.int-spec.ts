import { randomUUID } from 'node:crypto';
import * as C from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { preliminaryReviewModule } from '../src/preliminary-review.module';
import { BAOTOU, HOHHOT, judgeAll, receive, submission } from './fixtures';

const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const schema = () => schemaOf(env, 'preliminary-review');
const baotou = actors.prefecture(BAOTOU);
const hohhot = actors.prefecture(HOHHOT);
const batchId = randomUUID();
const future = (days: number) => new Date(Date.now() + days * 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);

/** Every M5 condition and M6 exclusion answered, as intake sends it since declarations travel with the event. */
const DECLARED: C.DeclarationsV1 = {
  legalForm: 'legal_person_enterprise', operatingNormally: true, wellManaged: true, taxCompliant: true, goodCredit: true,
  safetyAccidentDates: [], environmentalAccidentDates: [], ownRd: true, ownManufacturing: true, ownIntegration: true,
  technicalTeam: true, scaleProduction: true, mastersKeyTechnologyAndProcess: true, ownsOwnBrand: true, ownsRegisteredTrademark: true,
  meetsDefinition: true, fitsIndustrialPolicy: true, developedInRegion: true, manufacturedInRegion: true,
  productionLicenceApplies: false, cccApplies: true, hasCccCertificate: true, ipSharedBySeveralParties: false,
  developedOnlyForOwnUse: false, customOrderedFromOutside: false, madeWithIntroducedTechnology: true,
};
const declared = submission(BAOTOU, batchId, { catalogueEntryCode: 'EF04', declarations: DECLARED });
const older = submission(BAOTOU, batchId); // from a producer that sent no declarations

type Sheet = C.FormalReviewSheetV1;
const sheetOf = (applicationId: string) => rpc.request<Sheet>(C.GetFormalReview, { applicationId }, baotou);
const condition = (sheet: Sheet, id: string) => sheet.conditions.find((c) => c.conditionId === id)!;

beforeAll(async () => {
  service = await startServiceInProcess(env, 'preliminary-review', preliminaryReviewModule);
  rpc = await RpcCaller.connect(env);
  await receive(env, declared, older);
});
afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('the eligibility checklist on the review screen', () => {
  it('M5 M6 M12.1 shows every condition and exclusion with the enterprise\'s answer, its evidence slots and the domain\'s finding', async () => {
    const sheet = await sheetOf(declared.applicationId);
    expect(sheet.conditions.map((c) => c.conditionId)).toEqual(['M5.1', 'M5.2', 'M5.3', 'M5.4', 'M5.5', 'M5.6', 'M6.1', 'M6.2', 'M6.3', 'M6.4', 'M6.5']);
    expect(condition(sheet, 'M5.2')).toMatchObject({ part: 'M5', answers: expect.arrayContaining([{ field: 'declarations.ownRd', labelZh: '自主研发', labelEn: 'own R&D', value: true }]) });
    expect(condition(sheet, 'M5.1').evidence.map((e) => e.slotId)).toEqual(['businessLicence', 'creditReport']);
    // The enterprise declared introduced technology: the domain finds M6.3 (an exclusion) not met, saying why.
    expect(condition(sheet, 'M6.3')).toMatchObject({ part: 'M6', answers: [{ field: 'declarations.madeWithIntroducedTechnology', value: true }], finding: { result: 'not_met', reasons: [{ code: 'M6.3_INTRODUCED_TECHNOLOGY' }] } });
    expect(condition(sheet, 'M6.5').answers).toEqual([{ field: 'rdCompletedOn', labelZh: '研发完成日期', labelEn: 'R&D completed on', value: declared.product.rdCompletedOn }]);
    expect(condition(sheet, 'M5.2')).toMatchObject({ finding: { result: 'met' }, verdict: null, passed: null });
  });

  it('M7.4 M5.6 lists the conditional materials per the declaration: CCC declared, no production licence, no shared-IP contracts', async () => {
    const items = (await sheetOf(declared.applicationId)).items;
    const slot = (slotId: string) => items.find((i) => i.slotId === slotId);
    expect(slot('cccCertificate')).toMatchObject({ applies: true, basis: 'declared_applies' });
    // Declared not to apply: listed as such, never silently dropped, and not asked of the officer.
    expect(slot('productionLicence')).toMatchObject({ applies: false, basis: 'declared_not_applicable' });
    expect(slot('ipContracts')).toMatchObject({ applies: false, basis: 'declared_not_applicable' });
  });

  it('M5 M6 reads an event without declarations: every answer "not declared", findings to be reviewed, conditional slots to confirm', async () => {
    const sheet = await sheetOf(older.applicationId);
    expect(sheet.conditions).toHaveLength(11);
    expect(condition(sheet, 'M5.2').answers.every((a) => a.value === null)).toBe(true);
    expect(condition(sheet, 'M5.2').finding.result).toBe('needs_review');
    expect(sheet.items.find((i) => i.slotId === 'productionLicence')).toMatchObject({ conditionUnknown: true });
  });

  it('M12.1 the officer records a verdict per condition like per material; a negative one needs a note, bad input changes nothing', async () => {
    const { applicationId } = declared;
    const before = await sql(env, `SELECT * FROM "${schema()}".condition_verdicts`);
    const noNote = await rpc.refusal(C.RecordConditionVerdict, { applicationId, conditionId: 'M6.3', verdict: 'NOT_MET' }, baotou);
    expect([noNote.code, noNote.status, noNote.error.errors?.[0]?.field]).toEqual(['CONDITION_NOTE_REQUIRED', 422, 'note']);
    for (const bad of [{ conditionId: 'M5.7', verdict: 'MET' }, { conditionId: 'M5.1', verdict: 'YES' }, { conditionId: 'M5.1', verdict: 'MET', note: 'x'.repeat(2001) }]) {
      expect((await rpc.refusal(C.RecordConditionVerdict, { applicationId, ...bad } as never, baotou)).code).toBe('VALIDATION_FAILED');
    }
    expect((await rpc.refusal(C.RecordConditionVerdict, { applicationId, conditionId: 'M5.1', verdict: 'MET' }, hohhot)).status).toBe(404);
    expect((await rpc.refusal(C.RecordConditionVerdict, { applicationId, conditionId: 'M5.1', verdict: 'MET' }, actors.department())).status).toBe(403);
    expect(await sql(env, `SELECT * FROM "${schema()}".condition_verdicts`)).toEqual(before);

    const sheet = await rpc.request<Sheet>(C.RecordConditionVerdict, { applicationId, conditionId: 'M6.3', verdict: 'NOT_MET', note: '核心工艺为引进技术' }, baotou);
    expect(condition(sheet, 'M6.3')).toMatchObject({ passed: false, verdict: { verdict: 'NOT_MET', note: '核心工艺为引进技术', reviewedBy: baotou.userId, staleSince: null } });
    const audit = await sql(env, `SELECT outcome FROM "${schema()}".audit_records WHERE action = 'review.condition-verdict' AND object_id = $1 ORDER BY occurred_at`, [applicationId]);
    expect(audit.at(-1)).toEqual({ outcome: 'succeeded' });
  });
});

describe('a recommendation needs every item judged, currently and positively (M7.3, M12.1)', () => {
  it('M7.3 M12.1 a recommendation with no verdict is refused, naming each open material and condition in words at its place', async () => {
    const fresh = submission(BAOTOU, batchId, { declarations: DECLARED });
    await receive(env, fresh);
    const refused = await rpc.refusal(C.RecommendApplication, { applicationId: fresh.applicationId, opinion: '同意推荐' }, baotou);
    expect([refused.code, refused.status]).toEqual(['REVIEW_INCOMPLETE', 422]);
    const errors = refused.error.errors ?? [];
    const sheet = await sheetOf(fresh.applicationId);
    const required = sheet.items.filter((i) => i.required).map((i) => `materials.${i.slotId}`);
    expect(errors.map((e) => e.field).sort()).toEqual([...required, ...sheet.conditions.map((c) => `conditions.${c.conditionId}`)].sort());
    expect(sheet.openItems.map((o) => o.field).sort()).toEqual(errors.map((e) => e.field).sort());
    // Words, Chinese then English, not a list of article numbers.
    expect(errors.find((e) => e.field === 'conditions.M5.2')).toMatchObject({ rule: 'NO_VERDICT', message: expect.stringMatching(/^条件「具备自主研发.*」尚未判定 \/ Own R&D.*: not yet judged$/) });
    expect(errors.find((e) => e.field === 'materials.testReport')?.message).toMatch(/^材料「.+」尚未审查 \/ .+: not yet reviewed$/);
    expect(await sql(env, `SELECT state FROM "${schema()}".review_cases WHERE id = $1`, [fresh.applicationId])).toEqual([{ state: 'SUBMITTED' }]);
    expect(await sql(env, `SELECT count(*)::int AS n FROM "${schema()}".outbox_events WHERE payload->>'applicationId' = $1`, [fresh.applicationId])).toEqual([{ n: 0 }]);
  });

  it('M7.3 M12.1 a condition judged not met, or needing correction, blocks the recommendation; judged met, it goes through', async () => {
    const fresh = submission(BAOTOU, batchId, { declarations: DECLARED });
    await receive(env, fresh);
    const { applicationId } = fresh;
    await judgeAll(rpc, applicationId, baotou);
    for (const verdict of ['NOT_MET', 'NEEDS_CORRECTION'] as const) {
      await rpc.request(C.RecordConditionVerdict, { applicationId, conditionId: 'M5.4', verdict, note: '对外销售合同与发票不一致' }, baotou);
      const refused = await rpc.refusal(C.RecommendApplication, { applicationId, opinion: '同意推荐' }, baotou);
      expect(refused.error.errors).toEqual([{ field: 'conditions.M5.4', rule: 'FAILED', message: expect.stringContaining(verdict === 'NOT_MET' ? '判定为不满足' : '判定为需补正') }]);
    }
    await rpc.request(C.RecordConditionVerdict, { applicationId, conditionId: 'M5.4', verdict: 'MET' }, baotou);
    expect((await sheetOf(applicationId)).openItems).toEqual([]);
    expect((await rpc.request<{ state: string }>(C.RecommendApplication, { applicationId, opinion: '同意推荐' }, baotou)).state).toBe('RECOMMENDED');
  });

  it('M7.3 M12.1 condition verdicts recorded before a resubmission are stale: the recommendation waits until they are judged again', async () => {
    const fresh = submission(BAOTOU, batchId, { declarations: DECLARED });
    await receive(env, fresh);
    const { applicationId } = fresh;
    await judgeAll(rpc, applicationId, baotou);
    await rpc.request(C.ReturnForCorrection, { applicationId, items: [{ item: 'declarations', reason: '请核实是否引进技术' }], deadline: future(10), measuresIds: ['M6.3'] }, baotou);
    await publishEvent(env, C.ApplicationResubmitted, {
      ...fresh, version: 2, previousVersion: 1, declarations: { ...DECLARED, madeWithIntroducedTechnology: false },
      changes: [{ field: 'declarations.madeWithIntroducedTechnology', before: true, after: false }], submittedAt: new Date().toISOString(),
    });
    await waitUntilConsumed(env, 'INTAKE_EVENTS', 'preliminary-review-resubmissions');
    const sheet = await sheetOf(applicationId);
    // The corrected answer is what the officer now sees, and the domain's finding follows it.
    expect(condition(sheet, 'M6.3')).toMatchObject({ answers: [{ value: false }], finding: { result: 'met' }, passed: false, verdict: { staleSince: expect.any(String) } });
    const refused = await rpc.refusal(C.RecommendApplication, { applicationId, opinion: '同意推荐' }, baotou);
    expect(refused.error.errors?.filter((e) => e.rule === 'STALE').map((e) => e.field)).toEqual(sheet.conditions.map((c) => `conditions.${c.conditionId}`));
    await judgeAll(rpc, applicationId, baotou);
    expect((await rpc.request<{ state: string }>(C.RecommendApplication, { applicationId, opinion: '同意推荐' }, baotou)).state).toBe('RECOMMENDED');
  });
});
