import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  AddExpert,
  AddExpertTie,
  BindExpertAccount,
  GetExpert,
  GetExpertTemplate,
  ImportExperts,
  ListExperts,
  RemoveExpertTie,
  UpdateExpert,
} from '@firstset/contracts';
import { prcIdCheckCharacter } from '@firstset/domain';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { expertManagementModule } from '../src/expert-management.module';

/** The institution's expert pool (M8.1) and the experts' declared ties (M11.1), through the bus. */
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;

const ids = { centre: randomUUID(), other: randomUUID(), outsider: randomUUID(), banned: randomUUID() };
const staff = actors.institution(ids.centre);
const otherStaff = actors.institution(ids.other);
const idNo = (first17: string) => first17 + prcIdCheckCharacter(first17);
let seq = 100;
const nextId = () => idNo(`15020419800101${String(++seq).padStart(3, '0')}`);

interface Tie { id: string; kind: string; counterpartyName: string; from: string | null; until: string | null }
interface Detail {
  id: string;
  name: string;
  version: number;
  identityTail: string | null;
  identityType: string | null;
  fieldCodes: string[];
  available: boolean;
  availableToday: boolean;
  qualified: boolean;
  accountUsername: string | null;
  ties: Tie[];
}
interface Page<T> { items: T[]; total: number }

const base = (over: Record<string, unknown> = {}) => ({
  name: '王明',
  identityType: 'prc_id' as const,
  identityNumber: nextId(),
  mobile: '13800471234',
  employerName: '内蒙古工业大学',
  title: '正高级工程师',
  fieldCodes: ['EF04', 'EF03'],
  field: '矿山机械',
  regionCode: '150100',
  available: true,
  ...over,
});
const count = async () => Number((await sql<{ n: string }>(env, `SELECT count(*) AS n FROM "${schemaOf(env, 'expert-management')}".experts`))[0].n);

let wang: Detail;

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-12-02T04:00:00Z'));
  const s = schemaOf(env, 'expert-management');
  await sql(env, `INSERT INTO "${s}".institutions (id, name, uscc) VALUES ($1, '内蒙古自治区工业技术评价中心', '12150000MB1234562H'), ($2, '另一家评价机构', '12150000MB7654321X')`, [ids.centre, ids.other]);
  await sql(env, `INSERT INTO "${s}".experts (id, name, institution_id, field, field_codes, disqualified_on) VALUES ($1, '孙丽', $2, '新材料', '{NM}', NULL), ($3, '赵强', $4, '电力装备', '{EF03}', '2025-06-01')`, [
    ids.outsider,
    ids.other,
    ids.banned,
    ids.centre,
  ]);
  wang = await rpc.request<Detail>(AddExpert, base({ ties: [{ kind: 'employment', counterpartyName: '包头北方重型装备有限公司', from: '2010-01-01', until: '2024-06-30' }] }), staff);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('the institution\'s expert pool', () => {
  it('M8.1 the institution adds an expert with a declared tie; the identity is kept only as a keyed hash and its last 4 characters', async () => {
    expect(wang).toMatchObject({ name: '王明', fieldCodes: ['EF03', 'EF04'], identityType: 'prc_id', available: true, availableToday: true, version: 1 });
    expect(wang.identityTail).toHaveLength(4);
    expect(wang.ties).toEqual([expect.objectContaining({ kind: 'employment', counterpartyName: '包头北方重型装备有限公司', until: '2024-06-30' })]);
    const [row] = await sql<{ identity_hash: string; identity_tail: string }>(env, `SELECT identity_hash, identity_tail FROM "${schemaOf(env, 'expert-management')}".experts WHERE id = $1`, [wang.id]);
    expect(row.identity_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toMatch(/\d{17}[\dX]/);
    const read = await rpc.request<Detail>(GetExpert, { expertId: wang.id }, staff);
    expect(JSON.stringify(read)).not.toMatch(/\d{17}[\dX]/);
    expect(read.ties).toHaveLength(1);
  });

  it('M11.1 refuses a bad resident ID, a bad field code, a duplicate identity and ties with bad dates, changing nothing', async () => {
    const before = await count();
    const badCheck = nextId();
    const wrong = badCheck.slice(0, 17) + (badCheck[17] === '1' ? '2' : '1');
    const bad = await rpc.refusal(AddExpert, base({ identityNumber: wrong }) as never, staff);
    expect([bad.code, bad.status, bad.error.errors?.[0]?.field]).toEqual(['IDENTITY_INVALID', 422, 'identityNumber']);
    expect((await rpc.refusal(AddExpert, base({ fieldCodes: ['EF19'] }) as never, staff)).code).toBe('VALIDATION_FAILED');
    expect((await rpc.refusal(AddExpert, base({ fieldCodes: [] }) as never, staff)).code).toBe('VALIDATION_FAILED');
    expect((await rpc.refusal(AddExpert, base({ regionCode: '110000' }) as never, staff)).code).toBe('VALIDATION_FAILED');
    // The same person again (the number written with a lower-case x or spaces is the same number).
    const first = await rpc.request<Detail>(AddExpert, base({ name: '周杰', identityNumber: '11010519491231002X' }) as never, staff);
    const dup = await rpc.refusal(AddExpert, base({ name: '周杰二', identityNumber: '110105 19491231002x' }) as never, staff);
    expect([dup.code, dup.status]).toEqual(['DUPLICATE_IDENTITY', 409]);
    // Another institution may have the same person in its own pool.
    expect((await rpc.request<Detail>(AddExpert, base({ name: '周杰', identityNumber: '11010519491231002X' }) as never, otherStaff)).name).toBe('周杰');
    const backwards = await rpc.refusal(AddExpert, base({ ties: [{ kind: 'employment', counterpartyName: '某公司', from: '2020-01-01', until: '2019-01-01' }] }) as never, staff);
    expect([backwards.code, backwards.status, backwards.error.errors?.[0]?.field]).toEqual(['DATES_INVALID', 422, 'ties.0.until']);
    const future = await rpc.refusal(AddExpertTie, { expertId: wang.id, kind: 'project', counterpartyName: '某公司', from: '2027-01-01' }, staff);
    expect(future.code).toBe('DATES_INVALID');
    expect((await rpc.refusal(AddExpertTie, { expertId: wang.id, kind: 'friendship', counterpartyName: '某公司' } as never, staff)).code).toBe('VALIDATION_FAILED');
    expect((await rpc.refusal(AddExpertTie, { expertId: wang.id, kind: 'project', counterpartyName: '某公司', from: '2026-02-30' }, staff)).code).toBe('VALIDATION_FAILED');
    expect(await count()).toBe(before + 2);
    expect((await rpc.request<Detail>(GetExpert, { expertId: wang.id }, staff)).ties).toHaveLength(1);
    expect(first.identityTail).toBe('002X');
  });

  it('M8.1 edits at the version read: a stale form is refused, a disqualified expert (M11.2) is never made available again', async () => {
    const edited = await rpc.request<Detail>(UpdateExpert, { ...base({ name: '王明', available: false, unavailableUntil: '2026-12-31' }), identityType: undefined, identityNumber: undefined, expertId: wang.id, version: wang.version }, staff);
    expect(edited).toMatchObject({ version: 2, available: false, availableToday: false });
    const stale = await rpc.refusal(UpdateExpert, { ...base(), identityType: undefined, identityNumber: undefined, expertId: wang.id, version: wang.version }, staff);
    expect([stale.code, stale.status]).toEqual(['CONCURRENT_CHANGE', 409]);
    const past = await rpc.refusal(UpdateExpert, { ...base({ available: false, unavailableUntil: '2026-01-01' }), identityType: undefined, identityNumber: undefined, expertId: wang.id, version: 2 }, staff);
    expect(past.code).toBe('DATES_INVALID');
    wang = await rpc.request<Detail>(UpdateExpert, { ...base(), identityType: undefined, identityNumber: undefined, expertId: wang.id, version: 2 }, staff);
    expect(wang).toMatchObject({ version: 3, availableToday: true });
    const zhao = await rpc.request<Detail>(GetExpert, { expertId: ids.banned }, staff);
    expect(zhao).toMatchObject({ qualified: false, disqualifiedOn: '2025-06-01', availableToday: false });
    const refused = await rpc.refusal(UpdateExpert, { ...base({ name: '赵强', available: true }), identityType: undefined, identityNumber: undefined, expertId: ids.banned, version: 1 }, staff);
    expect([refused.code, refused.status]).toEqual(['EXPERT_DISQUALIFIED', 422]);
    const corrected = await rpc.request<Detail>(UpdateExpert, { ...base({ name: '赵强', available: false }), identityType: undefined, identityNumber: undefined, expertId: ids.banned, version: 1 }, staff);
    expect(corrected).toMatchObject({ qualified: false, availableToday: false, version: 2 });
  });

  it('M11.1 another institution\'s expert is not found: not read, not edited, not given ties, not listed', async () => {
    for (const [contract, payload] of [
      [GetExpert, { expertId: ids.outsider }],
      [UpdateExpert, { ...base(), identityType: undefined, identityNumber: undefined, expertId: ids.outsider, version: 1 }],
      [AddExpertTie, { expertId: ids.outsider, kind: 'project', counterpartyName: '某公司' }],
      [BindExpertAccount, { expertId: ids.outsider, username: 'sun.li' }],
    ] as const) {
      const err = await rpc.refusal(contract as never, payload as never, staff);
      expect([contract.subject, err.status]).toEqual([contract.subject, 404]);
    }
    const pool = await rpc.request<Page<{ id: string }>>(ListExperts, { pageSize: 100 }, staff);
    expect(pool.items.map((e) => e.id)).not.toContain(ids.outsider);
    expect((await rpc.refusal(AddExpert, base() as never, actors.department())).status).toBe(403);
  });

  it('M11.1 an expert reads and maintains their own declarations, never another expert\'s', async () => {
    const self = actors.expert(wang.id);
    const own = await rpc.request<Detail>(GetExpert, {}, self);
    expect(own.id).toBe(wang.id);
    const added = await rpc.request<Detail>(AddExpertTie, { kind: 'family', counterpartyName: '呼和浩特某材料有限公司', note: '配偶任职' }, self);
    const family = added.ties.find((t) => t.kind === 'family')!;
    expect(added.ties).toHaveLength(2);
    expect((await rpc.refusal(GetExpert, { expertId: ids.banned }, self)).status).toBe(404);
    expect((await rpc.refusal(AddExpertTie, { expertId: ids.banned, kind: 'project', counterpartyName: '某公司' }, self)).status).toBe(404);
    const other = actors.expert(ids.banned);
    expect((await rpc.refusal(RemoveExpertTie, { tieId: family.id }, other)).status).toBe(404);
    expect((await rpc.refusal(RemoveExpertTie, { expertId: wang.id, tieId: family.id }, other)).status).toBe(404);
    expect((await rpc.refusal(UpdateExpert, { ...base(), identityType: undefined, identityNumber: undefined, expertId: wang.id, version: wang.version }, self)).status).toBe(403);
    expect((await rpc.refusal(ListExperts, {}, self)).status).toBe(403);
    const removed = await rpc.request<Detail>(RemoveExpertTie, { tieId: family.id }, self);
    expect(removed.ties.map((t) => t.kind)).toEqual(['employment']);
  });

  it('M8.1 M11.2 lists the pool searched and filtered by M4.2 field and availability; the Department reads every pool', async () => {
    await rpc.request(AddExpert, base({ name: '李华', fieldCodes: ['NM'], field: '稀土材料', employerName: '内蒙古科技大学', available: false }), staff);
    const byField = await rpc.request<Page<{ name: string }>>(ListExperts, { fieldCode: 'NM' }, staff);
    expect(byField.items.map((e) => e.name)).toEqual(['李华']);
    const unavailable = await rpc.request<Page<{ name: string }>>(ListExperts, { availability: 'unavailable' }, staff);
    expect(unavailable.items.map((e) => e.name)).toEqual(['李华']);
    const disqualified = await rpc.request<Page<{ name: string }>>(ListExperts, { availability: 'disqualified' }, staff);
    expect(disqualified.items.map((e) => e.name)).toEqual(['赵强']);
    const byEmployer = await rpc.request<Page<{ name: string }>>(ListExperts, { search: '科技大学' }, staff);
    expect(byEmployer.items.map((e) => e.name)).toEqual(['李华']);
    expect((await rpc.refusal(ListExperts, { fieldCode: 'EF00' }, staff)).code).toBe('VALIDATION_FAILED');
    // The Department and the auditor search every pool (to name an expert in a compliance case, M11.2).
    const everywhere = await rpc.request<Page<{ id: string }>>(ListExperts, { pageSize: 100 }, actors.department());
    expect(everywhere.items.map((e) => e.id)).toEqual(expect.arrayContaining([ids.outsider, wang.id]));
    const audited = await rpc.request<Page<{ name: string }>>(ListExperts, { search: '科技大学' }, actors.auditor());
    expect(audited.items.map((e) => e.name)).toEqual(['李华']);
    expect((await rpc.refusal(ListExperts, {}, actors.prefecture('150200'))).status).toBe(403);
    expect((await rpc.refusal(ListExperts, { availability: 'busy' } as never, staff)).code).toBe('VALIDATION_FAILED');
  });

  it('M8.1 binds the issued account to the expert once; another name is refused', async () => {
    const bound = await rpc.request<Detail>(BindExpertAccount, { expertId: wang.id, username: 'wang.ming' }, staff);
    expect(bound.accountUsername).toBe('wang.ming');
    expect((await rpc.request<Detail>(BindExpertAccount, { expertId: wang.id, username: 'wang.ming' }, staff)).accountUsername).toBe('wang.ming');
    const again = await rpc.refusal(BindExpertAccount, { expertId: wang.id, username: 'wang.ming2' }, staff);
    expect([again.code, again.status]).toEqual(['ACCOUNT_ALREADY_ISSUED', 409]);
    wang = await rpc.request<Detail>(GetExpert, { expertId: wang.id }, staff);
  });
});

async function xlsx(rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('专家');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
const HEADER = ['姓名', '证件类型', '证件号码', '手机号码', '工作单位', '工作单位统一社会信用代码', '职称', '专业领域代码', '专业方向', '所在盟市', '是否可参加评审'];

describe('importing the pool from XLSX', () => {
  it('M8.1 the template has the header row the import reads', async () => {
    const file = await rpc.request<{ fileName: string; contentType: string; base64: string }>(GetExpertTemplate, {}, staff);
    expect(file.fileName).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const header = (book.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(HEADER);
    // The empty template imports nothing and says so.
    const preview = await rpc.request<{ issues: Array<{ line: number }> }>(ImportExperts, { fileName: 't.xlsx', contentBase64: file.base64, commit: false }, staff);
    expect(preview.issues).toEqual([expect.objectContaining({ line: 1 })]);
    expect((await rpc.refusal(GetExpertTemplate, {}, actors.expert(wang.id))).status).toBe(403);
  });

  it('M8.1 every row is validated, each problem at its row and column, duplicates in the file and the pool reported; nothing is imported', async () => {
    const before = await count();
    const a = nextId();
    const content = await xlsx([
      HEADER,
      ['刘洋', '', a, '13912345678', '内蒙古大学', '', '教授', 'EF06;EF13', '环保装备', '呼和浩特市', '是'],
      ['陈晨', '身份证', a, '', '包头钢铁（集团）有限责任公司', '', '高级工程师', 'EF04', '冶金', '包头市', ''],
      ['高峰', '身份证', '11010519491231002X', '', '某研究院', '', '研究员', 'EF99', '', '北京市', '也许'],
      ['马丽', '护照', 'E12', '12345', '某公司', 'BADUSCC', '', 'NM', '新材料', '区外', '否'],
    ]);
    const preview = await rpc.request<{ committed: boolean; rows: Array<{ line: number; name: string; identityTail: string }>; issues: Array<{ line: number; column?: string }> }>(
      ImportExperts,
      { fileName: 'pool.xlsx', contentBase64: content, commit: false },
      staff,
    );
    expect(preview.committed).toBe(false);
    expect(preview.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(JSON.stringify(preview)).not.toContain(a);
    const at = (line: number) => preview.issues.filter((i) => i.line === line).map((i) => i.column).sort();
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['identityNumber']); // repeats row 2
    expect(at(4)).toEqual(['available', 'field', 'fieldCodes', 'identityNumber', 'regionCode']); // the pool has 周杰 with this number
    expect(at(5)).toEqual(['employerUscc', 'identityNumber', 'mobile']);
    const refused = await rpc.refusal(ImportExperts, { fileName: 'pool.xlsx', contentBase64: content, commit: true }, staff);
    expect([refused.code, refused.status]).toEqual(['IMPORT_INVALID', 422]);
    expect(refused.error.errors?.map((e) => e.field)).toContain('rows.3.identityNumber');
    expect(await count()).toBe(before);
    const notXlsx = await rpc.refusal(ImportExperts, { fileName: 'pool.xlsx', contentBase64: Buffer.from('姓名\n').toString('base64'), commit: false }, staff);
    expect(notXlsx.code).toBe('SPREADSHEET_UNREADABLE');
    expect((await rpc.refusal(ImportExperts, { fileName: 'pool.xlsx', contentBase64: content, commit: false }, actors.expert(wang.id))).status).toBe(403);
  });

  it('M8.1 a list without problems is imported whole into the caller\'s pool only', async () => {
    const before = await count();
    const content = await xlsx([
      HEADER,
      ['刘洋', '', nextId(), '13912345678', '内蒙古大学', '', '教授', 'EF06、EF13', '环保装备', '呼和浩特市', '是'],
      ['马丽', '护照', 'E1234567', '', '某公司', '', '', 'NM', '新材料', '区外', '否'],
    ]);
    const kept = await rpc.request<{ committed: boolean; imported: number }>(ImportExperts, { fileName: 'pool.xlsx', contentBase64: content, commit: true }, staff);
    expect(kept).toMatchObject({ committed: true, imported: 2 });
    expect(await count()).toBe(before + 2);
    const liu = await rpc.request<Page<{ name: string; fieldCodes: string[]; regionCode: string | null; availableToday: boolean }>>(ListExperts, { search: '刘洋' }, staff);
    expect(liu.items).toEqual([expect.objectContaining({ fieldCodes: ['EF06', 'EF13'], regionCode: '150100', availableToday: true })]);
    const ma = await rpc.request<Page<{ regionCode: string | null; availableToday: boolean }>>(ListExperts, { search: '马丽' }, staff);
    expect(ma.items).toEqual([expect.objectContaining({ regionCode: null, availableToday: false })]);
    expect((await rpc.request<Page<unknown>>(ListExperts, { search: '刘洋' }, otherStaff)).total).toBe(0);
    // The same file again: every row is now a duplicate of the pool, and nothing more is added.
    const again = await rpc.refusal(ImportExperts, { fileName: 'pool.xlsx', contentBase64: content, commit: true }, staff);
    expect(again.error.errors?.map((e) => e.field)).toEqual(['rows.2.identityNumber', 'rows.3.identityNumber']);
  });
});
