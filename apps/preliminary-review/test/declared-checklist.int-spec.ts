import { randomUUID } from 'node:crypto';
import * as C from '@firstset/contracts';
import { actors, cleanupTestEnv, completeDeclarations, newTestEnv, RpcCaller, RunningService, startServiceInProcess } from '@firstset/testing';
import { preliminaryReviewModule } from '../src/preliminary-review.module';
import { BAOTOU, receive, submission } from './fixtures';

// The prefecture's checklist follows the enterprise's own declarations (M5.6, M7.4): a slot
// declared not to apply reads "not applicable, per the declaration", not "required, to verify".

const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const baotou = actors.prefecture(BAOTOU);
const batchId = randomUUID();
const declared = submission(BAOTOU, batchId);
Object.assign(declared, {
  declarations: { ...completeDeclarations(), productionLicenceApplies: true, hasProductionLicence: true, cccApplies: false, ipSharedBySeveralParties: false },
  materialsRequiredAtSubmission: true,
});
const pilot = submission(BAOTOU, batchId);
Object.assign(pilot, { declarations: completeDeclarations(), materialsRequiredAtSubmission: false });
const older = submission(BAOTOU, batchId);
const marketed = submission(BAOTOU, batchId);
Object.assign(marketed, { declarations: { ...completeDeclarations(), noMarketRecordYet: false } });
const material = submission(BAOTOU, batchId, {
  product: { kind: 'FIRST_BATCH_MATERIAL', name: '高性能钕铁硼永磁材料', series: 'NdFeB', model: 'N52H', rdCompletedOn: '2026-01-10' },
});
Object.assign(material, { declarations: completeDeclarations('FIRST_BATCH_MATERIAL') });

type Sheet = {
  case: { materialsRequiredAtSubmission: boolean | null };
  items: Array<{ slotId: string; applies: boolean; basis: string; reasonZh: string; conditionUnknown: boolean }>;
  conditions: C.FormalReviewSheetV1['conditions'];
};
const sheetOf = (applicationId: string) => rpc.request<Sheet>(C.GetFormalReview, { applicationId }, baotou);
const item = (s: Sheet, slotId: string) => s.items.find((i) => i.slotId === slotId);

beforeAll(async () => {
  service = await startServiceInProcess(env, 'preliminary-review', preliminaryReviewModule);
  rpc = await RpcCaller.connect(env);
  await receive(env, declared, pilot, older, marketed, material);
});
afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('the case checklist per the declarations (M5.6, M7.4)', () => {
  it('M5.6 M7.4 a slot declared not to apply reads “not applicable, per the declaration” and takes no verdict; a declared one is required', async () => {
    const sheet = await sheetOf(declared.applicationId);
    expect(item(sheet, 'productionLicence')).toMatchObject({ applies: true, basis: 'declared_applies', conditionUnknown: false });
    expect(item(sheet, 'cccCertificate')).toMatchObject({ applies: false, basis: 'declared_not_applicable', conditionUnknown: false });
    expect(item(sheet, 'cccCertificate')!.reasonZh).toMatch(/^不适用（依申报声明）/);
    expect(item(sheet, 'ipContracts')).toMatchObject({ applies: false, basis: 'declared_not_applicable' });
    const verdict = { applicationId: declared.applicationId, present: true, legible: true, valid: true, consistent: true };
    const refused = await rpc.refusal(C.RecordMaterialVerdict, { ...verdict, slotId: 'cccCertificate' }, baotou);
    expect([refused.code, refused.status]).toEqual(['MATERIAL_NOT_IN_CHECKLIST', 422]);
    await rpc.request(C.RecordMaterialVerdict, { ...verdict, slotId: 'productionLicence' }, baotou);
  });

  it('M7.3 M12.1 M5.6 the recommendation gate asks only for the slots that apply', async () => {
    const refused = await rpc.refusal(C.RecommendApplication, { applicationId: declared.applicationId, opinion: '同意推荐' }, baotou);
    expect([refused.code, refused.status]).toEqual(['REVIEW_INCOMPLETE', 422]);
    const fields = (refused.error.errors ?? []).map((e: { field: string }) => e.field);
    expect(fields).toContain('materials.testReport');
    expect(fields).not.toContain('materials.productionLicence'); // judged above
    expect(fields).not.toContain('materials.cccCertificate');
    expect(fields).not.toContain('materials.ipContracts');
  });

  it('M2.1 M5.4 the prefecture sees the declared facts of the definition and the domain judges them fact by fact', async () => {
    const m54 = (await sheetOf(marketed.applicationId)).conditions.find((c) => c.conditionId === 'M5.4')!;
    expect(m54.answers).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'declarations.noMarketRecordYet', value: false }),
      expect.objectContaining({ field: 'declarations.breakthroughs', value: [completeDeclarations().breakthroughs[0].description] }),
    ]));
    expect(m54.answers.map((a) => a.field)).not.toContain('declarations.meetsDefinition');
    expect(m54.finding.result).toBe('not_met');
    expect(m54.finding.reasons.map((r) => r.code)).toContain('M2.1_NO_MARKET_RECORD');
    const complete = (await sheetOf(declared.applicationId)).conditions.find((c) => c.conditionId === 'M5.4')!;
    expect(complete.finding.reasons.map((r) => r.code)).not.toContain('M2.1_NO_MARKET_RECORD');
  });

  it('M2.1 M5.4 the prefecture sees the declared form of the equipment (its code, put in words by the console); a material is not asked it', async () => {
    const m54 = (await sheetOf(declared.applicationId)).conditions.find((c) => c.conditionId === 'M5.4')!;
    expect(m54.answers).toContainEqual({ field: 'declarations.equipmentForm', labelZh: '装备形态（第二条）', labelEn: 'form of the equipment (Art. 2)', value: 'complete_set' });
    const undeclared = (await sheetOf(older.applicationId)).conditions.find((c) => c.conditionId === 'M5.4')!;
    expect(undeclared.answers).toContainEqual(expect.objectContaining({ field: 'declarations.equipmentForm', value: null }));
    const materialM54 = (await sheetOf(material.applicationId)).conditions.find((c) => c.conditionId === 'M5.4')!;
    expect(materialM54.answers.map((a) => a.field)).toEqual(expect.arrayContaining(['declarations.noMarketRecordYet', 'declarations.breakthroughs']));
    expect(materialM54.answers.map((a) => a.field)).not.toContain('declarations.equipmentForm');
  });

  it('M7.4 a submission without declarations (sent before they were carried) keeps the conditional slots, to be confirmed', async () => {
    const sheet = await sheetOf(older.applicationId);
    expect(item(sheet, 'cccCertificate')).toMatchObject({ applies: true, basis: 'not_declared', conditionUnknown: true });
    expect(sheet.case.materialsRequiredAtSubmission).toBeNull();
  });

  it('M7.4 the case view tells the reviewer when the profile did not require the materials at submission', async () => {
    expect((await sheetOf(pilot.applicationId)).case.materialsRequiredAtSubmission).toBe(false);
    expect((await sheetOf(declared.applicationId)).case.materialsRequiredAtSubmission).toBe(true);
    const view = await rpc.request<{ materialsRequiredAtSubmission: boolean | null }>(C.GetReviewCase, { applicationId: pilot.applicationId }, baotou);
    expect(view.materialsRequiredAtSubmission).toBe(false);
  });
});
