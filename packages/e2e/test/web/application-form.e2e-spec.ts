import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { http } from '@firstset/testing';
import { chooseOption, day, expect, explainOf, inDays, onePagePdf, pickDate, test } from './fixtures';

/**
 * The enterprise fills its application as a step-by-step form in Debian's Chromium against the whole
 * platform: autosave with the draft's revision (and a conflict with a save made elsewhere), a field
 * the server refuses shown at the field, the M2 facts and the M5/M6 declarations (each required),
 * the M7.4 checklist (slots not applicable per the declarations shown as such) with an upload into
 * every slot that applies, a refused file shown at its slot, the pre-submission check with a jump
 * from a problem to its field, the truthfulness pledge and the confirmation, the submission and its
 * receipt. Every page is checked for English left in the zh-CN UI.
 */
const PLEDGE = INNER_MONGOLIA_DRAFT_PROFILE.truthfulnessPledge;
/** Data the test typed, and the receipt's SHA-256 digests (hexadecimal is not English). */
test.use({
  platformGroup: 'application-form',
  allowed: ['NTE220', 'NTE', '.pdf', 'English', '91150200MA0N4KXX4C', /\b[0-9a-f]{64}\b/g, PLEDGE.version],
  fullPageShots: true,
});
const tinyPdf = () => onePagePdf();

/** A labelled yes/no of the declarations. */
async function answer(page: Page, question: string, yes: boolean): Promise<void> {
  await page.getByRole('radiogroup', { name: question, exact: true }).getByText(yes ? '是' : '否', { exact: true }).click();
}

/** The autosave indicator reads "已自动保存 HH:mm:ss" after the change was saved. */
async function autosaved(page: Page): Promise<void> {
  await expect(page.getByTestId('autosave-status').getByText(/^已自动保存 \d{2}:\d{2}:\d{2}$/)).toBeVisible();
}

const CHUNK = 5 * 1024 * 1024;

/**
 * 21 MB: the tiny PDF padded with blanks after its end (the type is still decided as PDF), written
 * to a file: Chromium reads a file given by path itself, while a buffer crosses the browser protocol
 * (21 MB took 11.4 s there on a quiet 2-core machine).
 */
function largePdfFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'firstset-form-'));
  const path = join(dir, '样机照片汇编.pdf');
  writeFileSync(path, Buffer.concat([tinyPdf(), Buffer.alloc(21 * 1024 * 1024 - tinyPdf().length, 0x20)]));
  return path;
}

/** A Windows executable's header behind a .pdf name: the type is decided by content. */
function fakePdf(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

test('M2 M5 M6 M7.4 M10.1 the enterprise fills its application step by step, with autosave, uploads and the pre-submission check, and submits it', async ({ web: run, platform }) => {
  const newPage = () => run.newPage();
  const signIn = (page: Page, username: string) => run.signIn(page, username);
  const shot = (page: Page, name: string) => run.shot(page, name);
  const mark = (what: string) => run.mark(what);
  const expectNoEnglish = (page: Page) => run.expectNoEnglish(page);
  const year = new Date().getFullYear();
  const login = platform.login;

  // The Department opens this year's batch through the API (M7.1).
  const dept = await login('dept.admin');
  const batch = await http(platform.api, 'POST', '/batches', {
    token: dept,
    body: {
      year,
      name: `${year}年度首台（套）技术装备、关键零部件和新材料首批（次）认定`,
      windowOpensAt: inDays(-3).toISOString(),
      windowClosesAt: inDays(30).toISOString(),
      prefectureDeadline: day(inDays(45)),
    },
  });
  expect(batch.status).toBe(201);

  // The enterprise signs in, fills its profile and creates the application.
  const ent = await newPage();
  await signIn(ent, 'northsteel');
  await ent.getByRole('menuitem', { name: '企业信息' }).click();
  await ent.getByLabel('企业名称').fill('包头北方重型装备有限公司');
  await ent.getByLabel('注册地址').fill('内蒙古自治区包头市青山区装备制造产业园区');
  await ent.getByLabel('注册地行政区划代码').fill('150204');
  await ent.getByRole('button', { name: /保\s*存/ }).click();
  await expect(ent.getByTestId('profile-saved')).toBeVisible();
  await ent.getByRole('menuitem', { name: '我的申报' }).click();
  await ent.getByRole('button', { name: '新建申报' }).click();
  const create = ent.getByRole('dialog');
  await chooseOption(create, '申报批次', `${year}年度`);
  await create.getByLabel('产品名称').fill('220吨电动轮矿用自卸车');
  await create.getByLabel('产品系列').fill('NTE');
  await create.getByLabel('型号规格').fill('NTE220');
  await pickDate(ent, '研制完成日期', `${year}-03-15`);
  await create.getByRole('button', { name: /保\s*存/ }).click();
  await expect(ent.getByTestId('application-state').getByText('草稿')).toBeVisible();
  const id = ent.url().split('/').pop()!;

  // Step 1, the product: the kind is shown, the field chosen from the M4.2 catalogue; it saves itself.
  await ent.getByRole('button', { name: '填写申报书' }).click();
  await ent.waitForURL(`**/enterprise/applications/${id}/edit`);
  await expect(ent.getByTestId('product-kind')).toHaveText('技术装备首台（套）');
  await expect(ent.getByTestId('autosave-status').getByText('修改将自动保存')).toBeVisible();
  await chooseOption(ent, '所属领域（办法第四条）', '大型矿山和冶金装备');
  await pickDate(ent, '首次销售日期', `${year}-05-20`);
  await ent.getByLabel('首次销售客户').fill('内蒙古某露天煤矿有限公司');
  await ent.getByLabel('创新点 1', { exact: true }).fill('国内首创的交流电传动系统，整车能耗降低百分之十二。');
  await ent.getByLabel('指标 1 名称', { exact: true }).fill('额定载重（吨）');
  await ent.getByLabel('本产品指标值').first().fill('220');
  await ent.getByLabel('国内同类最好水平').first().fill('200');
  await ent.getByLabel('国外同类最好水平').first().fill('220');
  // M5.3 M11.1: a licensed IP right names its licensor, the partner the comprehensive review checks experts against.
  await ent.getByRole('button', { name: '添加知识产权' }).click();
  const ip = ent.getByRole('group', { name: '知识产权 1', exact: true });
  await chooseOption(ip, '知识产权 1 类型', '发明专利');
  await ip.getByLabel('编号', { exact: true }).fill('ZL202310000009.1');
  await ip.getByLabel('名称', { exact: true }).fill('一种轮边电机冷却结构');
  await chooseOption(ip, '权属', '受让取得使用权');
  await ip.getByLabel('第 1 项的转让方或许可方').fill('北京某研究院有限公司');
  await ip.getByLabel('其统一社会信用代码（选填）').fill('91110108MA01XXXXXB');
  await autosaved(ent);
  mark('step 1 autosaved');
  await expectNoEnglish(ent);
  await shot(ent, 'form-product');

  // A field the server refuses is shown at the field, and nothing of that save is kept.
  await ent.getByLabel('产品名称').fill('');
  await expect(ent.getByTestId('autosave-status').getByText('有 1 处内容未能保存，请按提示修改')).toBeVisible();
  await expect(explainOf(ent.getByLabel('产品名称')).getByText('不能为空', { exact: true })).toBeVisible();
  await expectNoEnglish(ent);
  await shot(ent, 'form-field-refused');
  await ent.getByLabel('产品名称').fill('220吨电动轮矿用自卸车');
  await autosaved(ent);
  await expect(explainOf(ent.getByLabel('产品名称'))).toHaveCount(0);

  // A save made elsewhere meanwhile: the next autosave is refused as stale and the form offers to reload.
  const token = await login('northsteel');
  const saved = await http(platform.api, 'GET', `/applications/${id}`, { token });
  expect(saved.body.draft.firstSale.customer).toBe('内蒙古某露天煤矿有限公司');
  const elsewhere = await http(platform.api, 'PATCH', `/applications/${id}`, {
    token,
    body: { expectedRevision: saved.body.revision, firstSale: { ...saved.body.draft.firstSale, contractNo: '2026001' } },
  });
  expect(elsewhere.status).toBe(200);
  await ent.getByLabel('国外同类最好水平').first().fill('210');
  await expect(ent.getByRole('alert').getByText('申报书已在别处修改（例如另一个窗口），当前修改未能保存')).toBeVisible();
  await shot(ent, 'form-conflict');
  await ent.getByRole('alert').getByRole('button', { name: '重新加载' }).click();
  await expect(ent.getByTestId('autosave-status').getByText('修改将自动保存')).toBeVisible();
  await expect(ent.getByLabel('销售合同编号')).toHaveValue('2026001');
  await expect(ent.getByLabel('国外同类最好水平').first()).toHaveValue('220');
  await ent.getByLabel('国外同类最好水平').first().fill('210');
  await autosaved(ent);

  // Step 2, the declarations: the facts of M2 and each M5 condition and M6 exclusion, every one required.
  await ent.getByRole('button', { name: '下一步：条件声明' }).click();
  await expect(ent.getByText('产品定义（办法第二条）')).toBeVisible();
  for (const q of ['区内首次研制', '试用达到设计要求', '尚未取得市场业绩']) await answer(ent, q, true);
  await ent.getByRole('radiogroup', { name: '装备形态', exact: true }).getByText('成套装备', { exact: true }).click();
  await ent.getByRole('button', { name: '添加一项创新突破' }).click();
  await ent.getByLabel('突破说明').fill('交流电传动替代机械传动，整车能耗降低百分之十二');
  await chooseOption(ent, '突破类别', '技术路线');
  await expect(ent.getByText('申报单位（办法第五条第一项）')).toBeVisible();
  await chooseOption(ent, '企业组织形式', '企业法人');
  await answer(ent, '经营状态正常', false);
  for (const q of ['管理规范', '依法纳税', '信用良好', '自主开展产品研发', '自主开展产品制造', '自主开展产品集成', '拥有技术基础和相应人才团队', '具备规模化生产条件']) await answer(ent, q, true);
  for (const q of ['掌握产品核心技术和关键工艺', '拥有自主品牌', '拥有注册商标', '符合国家和自治区产业政策', '在自治区内研发', '在自治区内制造']) await answer(ent, q, true);
  await answer(ent, '知识产权由多方共有', false);
  await answer(ent, '近三年是否发生安全生产责任事故', false);
  await answer(ent, '近三年是否发生环境污染事故', false);
  await answer(ent, '产品属于实行生产许可证管理的产品', false);
  await answer(ent, '产品属于强制性产品认证目录内的产品', false);
  await answer(ent, '产品仅为本单位自用而研制', false);
  await answer(ent, '产品系按外部单位订单定制的专用产品', false);
  // '产品以引进的新技术、新工艺生产' is left blank: the check will block at it (M6.3).
  await autosaved(ent);
  // Every question is marked required.
  await expect(ent.locator('.ant-form-item-required', { hasText: '产品以引进的新技术、新工艺生产' })).toHaveCount(1);
  await expect(ent.locator('.ant-form-item-required', { hasText: '尚未取得市场业绩' })).toHaveCount(1);
  await expectNoEnglish(ent);
  await shot(ent, 'form-declarations');

  // Step 3, the materials: this application's M7.4 checklist, an upload, and a refused file at its slot.
  await ent.getByRole('button', { name: '下一步：申报材料' }).click();
  // Declared not to apply (M5.6, M7.4(4)): shown as not applicable, per the declaration, with no upload.
  for (const slot of ['productionLicence', 'cccCertificate', 'ipContracts']) {
    const row = ent.getByTestId(`slot-${slot}`);
    await expect(row.getByText('不适用（依申报声明）', { exact: true })).toBeVisible();
    await expect(ent.getByTestId(`slot-reason-${slot}`)).toHaveText(/^申报声明.*不/);
    await expect(row.locator('input[type=file]')).toHaveCount(0);
  }
  const report = ent.getByTestId('slot-testReport');
  await expect(report.getByText('（5）产品质量（性能参数）检测报告')).toBeVisible();
  await report.locator('input[type=file]').setInputFiles({ name: '性能检测报告.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
  await expect(report.getByText('性能检测报告.pdf')).toBeVisible();
  await expect(report.getByText('已上传 1 个文件')).toBeVisible();
  const licence = ent.getByTestId('slot-businessLicence');
  await licence.locator('input[type=file]').setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: fakePdf() });
  await expect(licence.getByRole('alert').getByText('营业执照.pdf 未能上传：文件类型不被接受（按文件内容判断）')).toBeVisible();
  await expect(licence.getByText('尚未上传文件')).toBeVisible();
  // A file over 20 MB goes in chunks; a chunk lost on the way is sent again from the offset the server reports.
  const uploads: string[] = [];
  ent.on('request', (r) => {
    if (r.url().includes('/api/uploads/') || r.url().endsWith('/uploads')) uploads.push(`${r.method()} ${r.headers()['upload-offset'] ?? ''}`.trim());
  });
  let cut = false;
  await ent.route('**/api/uploads/*', async (route) => {
    if (!cut && route.request().method() === 'PATCH' && route.request().headers()['upload-offset'] === String(CHUNK)) {
      cut = true;
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  const other = ent.getByTestId('slot-otherSupportingMaterial');
  await other.locator('input[type=file]').setInputFiles(largePdfFile(), { timeout: 60_000 });
  await expect(other.getByText('大文件分段上传中，中断后将自动续传')).toBeVisible();
  await expect(other.getByRole('progressbar')).toBeVisible();
  await expect(other.getByText('样机照片汇编.pdf')).toBeVisible({ timeout: 180_000 });
  await expect(other.getByText('21.0 兆字节')).toBeVisible();
  expect(cut).toBe(true);
  expect(uploads).toEqual(['POST', 'PATCH 0', `PATCH ${CHUNK}`, 'HEAD', `PATCH ${CHUNK}`, `PATCH ${2 * CHUNK}`, `PATCH ${3 * CHUNK}`, `PATCH ${4 * CHUNK}`]);
  await ent.unroute('**/api/uploads/*');

  const [file] = await Promise.all([ent.waitForEvent('download'), report.getByRole('button', { name: '下载 性能检测报告.pdf' }).click()]);
  expect(readFileSync((await file.path())!)).toEqual(tinyPdf());
  // A real small file into every other slot that applies (M7.4), except the audited financial report, left for the check.
  for (const [n, slot] of ['applicationForm', 'creditReport', 'businessLicence', 'ipProof', 'noveltySearchReport', 'testInstitutionQualification', 'salesContracts', 'salesInvoices', 'userReports'].entries()) {
    const row = ent.getByTestId(`slot-${slot}`);
    await row.locator('input[type=file]').setInputFiles({ name: `材料${n + 1}.pdf`, mimeType: 'application/pdf', buffer: tinyPdf() });
    await expect(row.getByText('已上传 1 个文件')).toBeVisible();
  }
  await expectNoEnglish(ent);
  await shot(ent, 'form-materials');

  // Step 4, the check: every problem with its Measures ID; a blocking one disables submitting: the
  // declared failure (M5.1), the blank answer (M6.3) and the missing material (M7.4).
  // The step changes once the last autosave is flushed: under load a click can land while the
  // uploads' list re-renders, so go on until the check is on screen.
  await expect(async () => {
    if (!(await ent.getByTestId('check-summary').isVisible())) await ent.getByRole('button', { name: '下一步：检查并提交' }).click({ timeout: 5_000 });
    await expect(ent.getByTestId('check-summary')).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 60_000 });
  await expect(ent.getByTestId('check-summary').getByText('有 3 个问题须先解决才能提交')).toBeVisible();
  const problems = ent.getByTestId('check-problems');
  const blocking = problems.getByRole('row', { name: /阻止提交/ }).filter({ hasText: '条款 M5.1' });
  await expect(blocking).toBeVisible();
  await expect(problems.getByRole('row', { name: /阻止提交/ }).filter({ hasText: '条款 M6.3' }).getByText('必须作答：是否采用引进技术或工艺')).toBeVisible();
  await expect(problems.getByRole('row', { name: /阻止提交/ }).filter({ hasText: '条款 M7.4' }).getByText(/待上传：申报单位上年度财务审计报告/)).toBeVisible();
  await expect(ent.getByRole('button', { name: '提交申报' })).toBeDisabled();
  await expectNoEnglish(ent);
  await shot(ent, 'form-check-blocking');

  // A click on the problem goes to its step and field, which says what is wrong there.
  await blocking.getByRole('button', { name: '前往修改：经营状态正常' }).click();
  const operating = ent.getByRole('radiogroup', { name: '经营状态正常', exact: true });
  await expect(explainOf(operating).getByText(/^M5\.1 /)).toBeVisible();
  const box = (await operating.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(800);
  expect(await operating.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
  await shot(ent, 'form-jump-to-field');
  await answer(ent, '经营状态正常', true);
  await autosaved(ent);
  await expect(explainOf(operating)).toHaveCount(0);

  // The blank answer: its jump leads to the question, answered now.
  await ent.locator('.ant-steps-item', { hasText: '检查并提交' }).first().click();
  await problems.getByRole('row', { name: /阻止提交/ }).filter({ hasText: '条款 M6.3' }).getByRole('button').click();
  await answer(ent, '产品以引进的新技术、新工艺生产', false);
  await autosaved(ent);
  // The missing material: its jump leads to the slot, where the file goes.
  await ent.locator('.ant-steps-item', { hasText: '检查并提交' }).first().click();
  await problems.getByRole('row', { name: /阻止提交/ }).filter({ hasText: '条款 M7.4' }).getByRole('button').click();
  const audit = ent.getByTestId('slot-auditedFinancialReport');
  await audit.locator('input[type=file]').setInputFiles({ name: '财务审计报告.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
  await expect(audit.getByText('已上传 1 个文件')).toBeVisible();

  // Submitted, with a receipt to download.
  await ent.getByRole('button', { name: '检查并提交' }).or(ent.locator('.ant-steps-item', { hasText: '检查并提交' })).first().click();
  await expect(ent.getByTestId('check-summary').getByText(/项提示，不影响提交|检查通过/)).toBeVisible();
  // M10.1: the pledge is shown with its version; submitting waits for it to be signed.
  await expect(ent.getByTestId('pledge-text')).toHaveText(PLEDGE.textZh);
  await expect(ent.getByRole('button', { name: '提交申报' })).toBeDisabled();
  await expect(ent.getByText('请先阅读并勾选诚信承诺')).toBeVisible();
  await ent.getByRole('checkbox', { name: '本单位已阅读并签署上述诚信承诺' }).check();
  await expectNoEnglish(ent);
  await shot(ent, 'form-pledge');
  // The confirmation says what follows; cancelling submits nothing.
  await ent.getByRole('button', { name: '提交申报' }).click();
  const confirmDialog = ent.getByRole('dialog').filter({ hasText: '确认提交申报？' });
  await expect(confirmDialog.getByText(/报送属地盟市工信部门初审，不能再修改/)).toBeVisible();
  await shot(ent, 'form-confirm-submit');
  await confirmDialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(confirmDialog).toHaveCount(0);
  expect((await http(platform.api, 'GET', `/applications/${id}`, { token })).body.state).toBe('DRAFT');
  await ent.getByRole('button', { name: '提交申报' }).click();
  await ent.getByRole('dialog').filter({ hasText: '确认提交申报？' }).getByRole('button', { name: '确认提交' }).click();
  const receipt = ent.getByTestId('receipt');
  await expect(receipt).toBeVisible();
  await expect(ent.getByText('申报已提交', { exact: true }).first()).toBeVisible();
  const applicationNo = await receipt.locator('tr', { hasText: '申报编号' }).locator('td').innerText();
  expect(applicationNo).toMatch(/\S/);
  await expect(receipt.locator('tr', { hasText: '提交时间' }).locator('td')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  // The content hash on the receipt is the one anyone can recompute from the stored version 1.
  const hash = await ent.getByTestId('receipt-hash').innerText();
  const versions = await http(platform.api, 'GET', `/applications/${id}/versions`, { token });
  expect(hash).toBe(versions.body[0].contentSha256);
  // The pledge signed is printed on the receipt and kept with version 1 (M10.1).
  await expect(ent.getByTestId('receipt-pledge')).toHaveText(PLEDGE.textZh);
  expect(versions.body[0].pledge).toMatchObject({ version: PLEDGE.version, textZh: PLEDGE.textZh });
  await expectNoEnglish(ent);
  await shot(ent, 'form-receipt');
  const [download] = await Promise.all([ent.waitForEvent('download'), ent.getByRole('button', { name: '下载回执' }).click()]);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain(applicationNo);
  expect(html).toContain('性能检测报告.pdf');
  expect(html).toContain(hash);
  expect(html).toContain(PLEDGE.textZh);
  expect(html).toContain(PLEDGE.version);
  expect(download.suggestedFilename()).toBe(`申报回执-${applicationNo}.html`);

  const after = await http(platform.api, 'GET', `/applications/${id}`, { token });
  expect(after.body.state).toBe('SUBMITTED');
  expect(after.body.draft.declarations).toMatchObject({ operatingNormally: true, madeWithIntroducedTechnology: false, equipmentForm: 'complete_set', noMarketRecordYet: true });
  expect(after.body.draft.ipList).toEqual([
    { kind: 'invention_patent', number: 'ZL202310000009.1', title: '一种轮边电机冷却结构', basis: 'assigned_use_right', counterparty: { name: '北京某研究院有限公司', uscc: '91110108MA01XXXXXB' } },
  ]);
    expect(after.body.draft.declarations.breakthroughs).toEqual([{ kind: 'technical_route', description: '交流电传动替代机械传动，整车能耗降低百分之十二' }]);
});
