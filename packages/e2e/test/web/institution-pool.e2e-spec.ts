import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { eventually, http } from '@firstset/testing';
import { prcIdCheckCharacter } from '@firstset/domain';
import { chooseOption, day, DEMO as demo, expect, inDays, judgeByApi, pickDate, test } from './fixtures';
import { completeViaApi, submitViaApi, UPLOADED_FILE_NAMES } from '../complete-application';

/**
 * The institution's expert pool and conflicts (M8.1, M11.1) in Debian's Chromium against the whole
 * platform. Through the API an application of 包头北方重型装备有限公司 reaches comprehensive review
 * under the demo institution. In the browser the institution downloads the template, imports its
 * experts from an XLSX (a file with a bad identity number is refused at its row and column, the
 * fixed one imported whole), adds an expert by hand with an employment tie to the applicant,
 * issues that expert a sign-in account, and sees both experts' conflicts with the application and
 * their reasons; an expert maintains their own declarations.
 */
const USERNAME = 'zhou.bin';
test.use({
  platformGroup: 'institution-pool',
  // Strings first: Playwright reads [value, object] as a fixture tuple. The UUID pattern: antd's
  // select keeps its options' values (application and expert ids) in its hidden accessible listbox.
  allowed: ['NM', 'CSV', /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, /EF\d\d/g, 'UTF', 'Excel', 'xlsx', '91150200MA0N4KXX4C', USERNAME, 'NTE220', 'NTE', 'English', UPLOADED_FILE_NAMES, /\*{4}\w{4}/g],
});

const PRODUCT = '220吨电动轮矿用自卸车';
const ENTERPRISE = '包头北方重型装备有限公司';

let api: string;
const tokens: Record<string, string> = {};
const call = (method: string, path: string, who: string, body?: unknown) => http(api, method, path, { token: tokens[who], body });
const until = <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string) => eventually(read, ok, { what, timeoutMs: 60_000 });

/** A resident ID number with its check character (the pool refuses any other). */
const residentId = (first17: string) => first17 + prcIdCheckCharacter(first17);

const dir = mkdtempSync(join(tmpdir(), 'firstset-pool-'));
async function xlsx(name: string, rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('专家');
  for (const r of rows) sheet.addRow(r);
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}
const HEADER = ['姓名', '证件类型', '证件号码', '手机号码', '工作单位', '工作单位统一社会信用代码', '职称', '专业领域代码', '专业方向', '所在盟市', '是否可参加评审'];

/** Through the API: the application in Baotou's summary and the batch commissioned to the demo institution (M7.3, M8.1). */
async function caseUnderReview(): Promise<{ id: string; applicationNo: string }> {
  const year = new Date().getFullYear();
  const batch = await call('POST', '/batches', 'dept.admin', {
    year,
    name: `${year}年度首台（套）技术装备、关键零部件和新材料首批（次）认定`,
    windowOpensAt: inDays(-3).toISOString(),
    windowClosesAt: inDays(30).toISOString(),
    prefectureDeadline: day(inDays(45)),
  });
  expect(batch.status).toBe(201);
  const batchId = (batch.body as { id: string }).id;
  const profile = await call('PUT', '/enterprise/profile', 'northsteel', { name: ENTERPRISE, registeredAddress: '内蒙古自治区包头市青山区装备制造产业园区', addressDivisionCode: '150204' });
  expect(profile.status).toBeLessThan(300);
  const created = await call('POST', '/applications', 'northsteel', { batchId, productKind: 'FIRST_SET_EQUIPMENT', productName: PRODUCT, series: 'NTE', model: 'NTE220', rdCompletedOn: `${year - 1}-03-15` });
  expect(created.status).toBe(201);
  const { id, applicationNo } = created.body as { id: string; applicationNo: string };
  await completeViaApi(api, tokens.northsteel, id);
  expect((await submitViaApi(api, tokens.northsteel, id)).status).toBe(200);
  await until(() => call('GET', `/preliminary-review/queue?batchId=${batchId}`, 'baotou.officer'), (r) => (r.body as Array<{ applicationId: string }>).some?.((row) => row.applicationId === id), 'the application in the Baotou queue');
  await judgeByApi(api, tokens['baotou.officer'], id);
  expect((await call('POST', `/preliminary-review/applications/${id}/recommend`, 'baotou.officer', { opinion: '材料齐全，符合申报条件，同意推荐。' })).status).toBe(200);
  await until(() => call('GET', `/applications/${id}`, 'northsteel'), (r) => (r.body as { state: string }).state === 'RECOMMENDED', 'RECOMMENDED at intake');
  expect((await call('POST', '/preliminary-review/summaries', 'baotou.officer', { batchId })).status).toBe(201);
  expect((await call('POST', '/commissions', 'dept.admin', { batchId, institutionId: demo.institutions[0].id })).status).toBe(201);
  await until(() => call('GET', '/reviews/search', 'institution.staff'), (r) => (r.body as { items: Array<{ applicationId: string }> }).items?.some((c) => c.applicationId === id), 'the case under review at the institution');
  return { id, applicationNo };
}

test.beforeAll(async ({ platform }) => {
  api = platform.api;
  for (const u of ['dept.admin', 'northsteel', 'baotou.officer', 'institution.staff', 'expert.li']) tokens[u] = await platform.login(u);
});

test('M8.1, M11.1 the institution imports its pool from XLSX, adds an expert with a tie, issues an account and sees the conflicts with their reasons', async ({ web: run }) => {
  run.t0 = Date.now();
  const { id, applicationNo } = await caseUnderReview();
  run.mark('set-up through the API');

  const inst = await run.newPage();
  await run.signIn(inst, 'institution.staff');
  await expect(inst.getByRole('menuitem')).toHaveText(['工作台首页', '综合评审', '专家库', '利益冲突', '评审组', '评审报告', '异议核查', '处理告知']);
  await inst.getByRole('menuitem', { name: '专家库' }).click();
  await expect(inst.getByRole('heading', { name: '本机构专家库' })).toBeVisible();
  await expect(inst.getByRole('row', { name: /王明/ })).toBeVisible();

  // The template downloads as an XLSX workbook.
  const download = inst.waitForEvent('download');
  await inst.getByTestId('pool-template').click();
  expect((await download).suggestedFilename()).toBe('专家库导入模板.xlsx');

  // M8.1: a file with a bad identity number is shown at its row and column, and imports nothing.
  const good = residentId('15010219750315123');
  const bad = residentId('15020419800101456');
  const wrong = bad.slice(0, 17) + (bad[17] === '1' ? '2' : '1');
  const rows = (id2: string) => [
    HEADER,
    ['刘洋', '居民身份证', good, '13912345678', '内蒙古大学', '', '教授', 'EF06;EF13', '环保装备', '呼和浩特市', '是'],
    ['赵强', '居民身份证', id2, '', ENTERPRISE, '91150200MA0N4KXX4C', '正高级工程师', 'EF04', '矿用车辆', '包头市', '是'],
  ];
  const chooser = async (path: string) => {
    const fc = inst.waitForEvent('filechooser');
    await inst.getByTestId('import-choose').click();
    await (await fc).setFiles(path);
  };
  await chooser(await xlsx('专家库（有误）.xlsx', rows(wrong)));
  await expect(inst.getByTestId('import-issues')).toBeVisible();
  await expect(inst.getByText('居民身份证号码校验位不正确')).toBeVisible();
  await expect(inst.getByTestId('import-commit')).toBeDisabled();
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-pool-import-errors');
  await chooser(await xlsx('专家库.xlsx', rows(bad)));
  await expect(inst.getByTestId('import-ready')).toBeVisible();
  await inst.getByTestId('import-commit').click();
  await expect(inst.getByText('已导入 2 行')).toBeVisible();
  await expect(inst.getByRole('row', { name: /刘洋/ })).toBeVisible();
  await expect(inst.getByRole('row', { name: /赵强/ })).toBeVisible();

  // M11.1: an expert added by hand, with the employment tie they declared (left the applicant last year).
  await inst.getByTestId('pool-add').click();
  const drawer = inst.getByRole('dialog');
  await drawer.getByLabel('姓名', { exact: true }).fill('周斌');
  await drawer.getByLabel('证件号码', { exact: true }).fill(residentId('15010519700101789'));
  await drawer.getByLabel('手机号码', { exact: true }).fill('13800471234');
  await drawer.getByLabel('工作单位', { exact: true }).fill('内蒙古工业大学');
  await drawer.getByLabel('职称', { exact: true }).fill('教授');
  await chooseOption(inst, '专业领域', '大型矿山和冶金装备');
  await inst.keyboard.press('Escape');
  await drawer.getByLabel('专业方向', { exact: true }).fill('矿山运输装备');
  await chooseOption(inst, '所在盟市', '呼和浩特市');
  await drawer.getByTestId('expert-save').click();
  await expect(inst.getByText('已新增专家 周斌')).toBeVisible();
  await expect(drawer.getByText('尚未申报任何关系')).toBeVisible();
  await chooseOption(inst, '关系类型', '任职经历');
  await drawer.getByLabel('对方单位', { exact: true }).fill(ENTERPRISE);
  await pickDate(drawer, '起始日期', '2012-03-01');
  await pickDate(drawer, '结束日期', day(inDays(-200)));
  await drawer.getByTestId('tie-add').click();
  await expect(inst.getByText('已添加申报的关系')).toBeVisible();
  await expect(drawer.getByRole('cell', { name: ENTERPRISE, exact: true })).toBeVisible();
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-pool-expert-drawer');
  await drawer.getByRole('button', { name: /关\s*闭|Close/ }).first().click();
  await expect(drawer).toBeHidden();

  // A sign-in account for 周斌, bound to the expert; the initial password follows the policy.
  const zhouRow = inst.getByRole('row', { name: /周斌/ });
  await zhouRow.getByRole('button', { name: '为 周斌 开通登录账号' }).click();
  const account = inst.getByRole('dialog').filter({ hasText: '为 周斌 开通登录账号' });
  await account.getByLabel('用户名', { exact: true }).fill(USERNAME);
  await account.getByLabel('初始密码', { exact: true }).fill('short');
  await account.getByRole('button', { name: /开\s*通/ }).click();
  await expect(account.locator('.ant-form-item-explain').first()).toBeVisible();
  await account.getByLabel('初始密码', { exact: true }).fill('Expert#Pool-2026');
  await account.getByRole('button', { name: /开\s*通/ }).click();
  await expect(inst.getByText(`已开通账号 ${USERNAME}`)).toBeVisible();
  await expect(zhouRow.getByText(USERNAME)).toBeVisible();
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-pool');

  // M11.1: the conflicts of the case, each expert with the reason.
  await inst.getByRole('menuitem', { name: '利益冲突' }).click();
  await chooseOption(inst, '申报', applicationNo);
  const table = inst.getByTestId('case-conflicts');
  const zhao = table.getByRole('row', { name: /赵强/ });
  await expect(zhao.getByText('现任职于申报单位', { exact: true })).toBeVisible();
  await expect(zhao.getByText(`专家现任职于申报单位「${ENTERPRISE}」`)).toBeVisible();
  const zhou = table.getByRole('row', { name: /周斌/ });
  await expect(zhou.getByText('曾任职于申报单位', { exact: true })).toBeVisible();
  await expect(zhou.getByText(/未满 3 年/)).toBeVisible();
  await expect(table.getByRole('row', { name: /刘洋/ }).getByText('无冲突')).toBeVisible();
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-conflicts-case');

  // The institution pins the detected conflict of 周斌 with a reason.
  await zhou.getByRole('button', { name: '为 周斌 登记利益冲突' }).click();
  const record = inst.getByRole('dialog').filter({ hasText: '登记 周斌 的利益冲突' });
  await record.getByLabel('原因', { exact: true }).fill('经核实，2012 年起在该公司任总工程师');
  await record.getByRole('button', { name: /登记冲突/ }).click();
  await expect(inst.getByText('已登记 周斌 的利益冲突')).toBeVisible();
  await expect(zhou.getByText('已登记', { exact: true })).toBeVisible();

  // Per expert: 赵强's conflicts across the institution's cases.
  await inst.getByRole('tab', { name: '按专家' }).click();
  await chooseOption(inst, '专家', '赵强', { search: '赵' });
  await expect(inst.getByRole('cell', { name: applicationNo })).toBeVisible();
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-conflicts-expert');

  // Another institution's case is not found through the API (M11.1), nor is a role outside the pool let in.
  expect((await call('GET', `/expert-pool/cases/${id}/conflicts`, 'expert.li')).status).toBe(403);
  expect((await call('GET', `/expert-pool/cases/${id}/conflicts`, 'dept.admin')).status).toBe(403);
});

test('M11.1 an expert keeps their own declarations', async ({ web: run }) => {
  const li = await run.newPage();
  await run.signIn(li, 'expert.li');
  await li.getByRole('menuitem', { name: '我的申报' }).click();
  await expect(li.getByRole('heading', { name: '我的申报' })).toBeVisible();
  await expect(li.getByText('尚未申报任何关系')).toBeVisible();
  await chooseOption(li, '关系类型', '合作项目');
  await li.getByLabel('对方单位', { exact: true }).fill('包头稀土研究院');
  await li.getByLabel('说明', { exact: true }).fill('2024 年共同承担自治区科技重大专项');
  await li.getByTestId('tie-add').click();
  await expect(li.getByText('已添加申报的关系')).toBeVisible();
  await expect(li.getByRole('cell', { name: '包头稀土研究院', exact: true })).toBeVisible();
  await run.expectNoEnglish(li);
  await run.shot(li, 'expert-declarations');
  // Another expert's declarations are not theirs to read (M11.1).
  expect((await call('GET', `/expert-pool/experts/${demo.experts[0].id}`, 'expert.li')).status).toBe(403);
});
