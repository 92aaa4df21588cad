import ExcelJS from 'exceljs';
import {
  CheckApplication,
  CreateApplication,
  GetCatalogue,
  ImportCatalogue,
  ImportCatalogueV1,
  ImportEarlierRecognitions,
  ListEarlierRecognitions,
  UpdateApplicationDraft,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { AppView, BAOTOU_USCC, count, day, openBatch, registerEnterprise, saveDraft } from './helpers';

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
let batchId: string;
const enterprise = actors.enterprise(BAOTOU_USCC);
const department = actors.department();
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const CATALOGUE = { catalogueId: 'industrial-sei-catalogue-new-materials', version: '2024', source: '《工业战略性新兴产业分类目录（2024）》（核对后导入）' };

interface Catalogue { verified: boolean; imported: boolean; entries: Array<{ code: string; nameZh: string }> }
interface Preview { committed: boolean; issues: Array<{ line: number; column?: string }>; entries?: unknown[]; records?: unknown[]; imported?: number; skipped?: number }

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

describe('the new-materials catalogue (M4.3)', () => {
  const material = async (model: string) =>
    rpc.request<AppView>(
      CreateApplication,
      { batchId, productKind: 'FIRST_BATCH_MATERIAL', productName: '高性能钕铁硼永磁材料', series: 'NdFeB', model, rdCompletedOn: new Date(Date.now() - 90 * day).toISOString().slice(0, 10) },
      enterprise,
    );

  it('M4.3 ships the 2024 catalogue the profile names, marked for verification; the form’s category must be one of its entries', async () => {
    const shipped = await rpc.request<Catalogue>(GetCatalogue, { catalogueId: CATALOGUE.catalogueId, version: '2024' });
    expect(shipped).toMatchObject({ verified: false, imported: false });
    expect(shipped.entries.map((e) => e.code)).toEqual(['3', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7']);
    const app = await material('N52H');
    const saved = await saveDraft(rpc, enterprise, { applicationId: app.id, expectedRevision: 0, catalogueEntryCode: '3.2' });
    expect(saved.draft).toMatchObject({ catalogueEntryCode: '3.2', catalogueVersion: '2024' });
    const refused = await rpc.refusal(UpdateApplicationDraft, { applicationId: app.id, expectedRevision: 1, catalogueEntryCode: '稀土永磁' }, enterprise);
    expect([refused.error.code, refused.error.status]).toEqual(['CATALOGUE_ENTRY_UNKNOWN', 422]);
    expect((await rpc.refusal(GetCatalogue, { catalogueId: CATALOGUE.catalogueId, version: '1999' })).error.status).toBe(404);
  });

  it('M4.3 previews an import with each problem at its row, refuses to commit it, and stores nothing', async () => {
    const csv = 'code,nameZh,parentCode\n3,新材料产业,\n3.1,,3\n3.2,先进有色金属材料,9\n';
    const preview = await rpc.request<Preview>(ImportCatalogue, { ...CATALOGUE, fileName: 'catalogue.csv', contentBase64: b64(csv), commit: false }, department);
    expect(preview.committed).toBe(false);
    expect(preview.issues.map((i) => i.line)).toEqual([3, 4]);
    const refused = await rpc.refusal(ImportCatalogue, { ...CATALOGUE, fileName: 'catalogue.csv', contentBase64: b64(csv), commit: true }, department);
    expect([refused.error.code, refused.error.status]).toEqual(['IMPORT_INVALID', 422]);
    expect(refused.error.errors?.map((e) => e.field)).toEqual(['rows.3', 'rows.4']);
    expect(await count(env, 'scope_catalogues')).toBe(0);
  });

  it('M4.3 the Department imports a verified version from XLSX, which the form then offers instead of the shipped copy', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('新材料');
    sheet.addRows([
      ['代码', '名称', '上级代码'],
      ['3', '新材料产业', ''],
      ['3.2', '先进有色金属材料', '3'],
      ['3.2.1', '稀土新材料', '3.2'],
    ]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const input: ImportCatalogueV1 = { ...CATALOGUE, fileName: '新材料目录.xlsx', contentBase64: xlsx, commit: true };
    const done = await rpc.request<Preview>(ImportCatalogue, input, department);
    expect(done).toMatchObject({ committed: true, issues: [] });
    const imported = await rpc.request<Catalogue>(GetCatalogue, { catalogueId: CATALOGUE.catalogueId, version: '2024' });
    expect(imported).toMatchObject({ verified: true, imported: true });
    expect(imported.entries.map((e) => e.code)).toEqual(['3', '3.2', '3.2.1']);
    const app = await material('N48SH');
    const saved = await saveDraft(rpc, enterprise, { applicationId: app.id, expectedRevision: 0, catalogueEntryCode: '3.2.1' });
    expect(saved.draft).toMatchObject({ catalogueEntryCode: '3.2.1' });
    // 3.1 was in the shipped copy, not in the verified one.
    expect((await rpc.refusal(UpdateApplicationDraft, { applicationId: app.id, expectedRevision: 1, catalogueEntryCode: '3.1' }, enterprise)).error.code).toBe('CATALOGUE_ENTRY_UNKNOWN');
  });

  it('only the Department imports; a file that is not what its name says is refused at its field', async () => {
    const input = { ...CATALOGUE, fileName: 'c.csv', contentBase64: b64('code,nameZh\n3,新材料产业\n'), commit: true };
    expect((await rpc.refusal(ImportCatalogue, input, enterprise)).error.code).toBe('FORBIDDEN_ROLE');
    const notXlsx = await rpc.refusal(ImportCatalogue, { ...input, fileName: 'c.xlsx' }, department);
    expect([notXlsx.error.code, notXlsx.error.errors?.[0]?.field]).toEqual(['SPREADSHEET_UNREADABLE', 'contentBase64']);
    const badName = await rpc.refusal(ImportCatalogue, { ...input, fileName: 'c.txt' }, department);
    expect(badName.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('earlier recognitions (M6.4)', () => {
  const HEADER = '企业名称,统一社会信用代码,产品名称,产品类别,系列,型号,认定年度,认定文号\n';
  const ROW = `包头北方重型装备有限公司,${BAOTOU_USCC},大型矿用自卸车,技术装备首台（套）,TK,TK-200,2022,内工信装字〔2022〕12号\n`;
  const importList = (csv: string, commit: boolean, actor = department) =>
    rpc.request<Preview>(ImportEarlierRecognitions, { fileName: 'list.csv', contentBase64: b64(csv), commit }, actor);

  it('M6.4 previews the list with each problem at its row and column; a list with problems is not imported', async () => {
    const bad = HEADER + ROW + ROW.replace(BAOTOU_USCC, '9115').replace('TK-200', 'TK-300') + ROW;
    const preview = await importList(bad, false);
    expect(preview.issues.map((i) => [i.line, i.column ?? null])).toEqual([[3, 'uscc'], [4, null]]);
    const refused = await rpc.refusal(ImportEarlierRecognitions, { fileName: 'list.csv', contentBase64: b64(bad), commit: true }, department);
    expect(refused.error.errors?.map((e) => e.field)).toEqual(['rows.3.uscc', 'rows.4']);
    expect(await count(env, 'earlier_recognitions')).toBe(0);
  });

  it('M6.4 imported rows are marked as imported, kept once, and the series check of a new application sees them', async () => {
    const done = await importList(HEADER + ROW, true);
    expect(done).toMatchObject({ committed: true, imported: 1, skipped: 0 });
    expect(await importList(HEADER + ROW, true)).toMatchObject({ imported: 0, skipped: 1 });
    const listed = await rpc.request<Array<{ series: string; imported: boolean; documentNo: string }>>(ListEarlierRecognitions, {}, actors.auditor());
    expect(listed).toEqual([expect.objectContaining({ series: 'TK', imported: true, documentNo: '内工信装字〔2022〕12号' })]);
    expect((await rpc.refusal(ListEarlierRecognitions, {}, enterprise)).error.status).toBe(403);

    const app = await rpc.request<AppView>(
      CreateApplication,
      { batchId, productKind: 'FIRST_SET_EQUIPMENT', productName: '大型矿用自卸车', series: 'TK', model: 'TK-300', rdCompletedOn: new Date(Date.now() - 90 * day).toISOString().slice(0, 10) },
      enterprise,
    );
    const check = await rpc.request<{ problems: Array<{ code: string; severity: string; message: string }> }>(CheckApplication, { applicationId: app.id }, enterprise);
    const m64 = check.problems.find((p) => p.code === 'M6.4_SERIES_ALREADY_RECOGNIZED');
    expect(m64).toMatchObject({ severity: 'blocking' });
    expect(m64!.message).toContain('平台前认定');
  });
});
