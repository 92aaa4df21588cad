import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { cleanupTestEnv, http, newTestEnv, REPO_ROOT } from '@firstset/testing';
import { Platform, startPlatform } from '../platform';
import { day, DEMO, inDays, judgeByApi, launchChromium, pickDate, SHOTS, WebRun } from './browser-kit';
import { completeViaApi, submitViaApi, UPLOADED_FILE_NAMES } from '../complete-application';

/**
 * The web app in Debian's Chromium against the whole platform (the gateway serving apps/web/dist):
 * the Department opens a batch, the enterprise fills its profile, creates and submits an
 * application, the Baotou officer opens it from the queue, judges it and recommends it, and the enterprise reads the new
 * state in its timeline. Every page is checked for English left in the zh-CN UI.
 */
const env = newTestEnv();
const DOCS_SHOTS = join(REPO_ROOT, 'docs', 'screenshots');

let platform: Platform;
let browser: Browser;
let run: WebRun;

/** Data typed by the test may carry Latin letters, and file formats are named so in Chinese UIs too (导出 Excel, PDF 文件); the UI's own words may not. */
const ALLOWED = ['NTE220', 'NTE', 'English', '91150200MA0N4KXX4C', 'Excel', 'PDF', /EF\d{2}/g, UPLOADED_FILE_NAMES];
const newPage = () => run.newPage();
const signIn = (page: Page, username: string) => run.signIn(page, username);
const shot = (page: Page, name: string) => run.shot(page, name);
const expectNoEnglish = (page: Page) => run.expectNoEnglish(page);

beforeAll(async () => {
  platform = await startPlatform(env);
  browser = await launchChromium();
  run = new WebRun(browser, platform.baseUrl.replace(/\/api$/, ''), ALLOWED);
}, 600_000);

let passed = false;

afterEach(async () => {
  if (!passed) await run?.shotOpenPages('last-');
});

afterAll(async () => {
  process.stdout.write(`web journey timings:\n  ${run?.timings.join('\n  ')}\n`);
  await browser?.close();
  await platform?.stop();
  await cleanupTestEnv(env);
});

it('M7.1–M7.3 the Department opens a batch, the enterprise applies and submits, Baotou recommends, the enterprise sees it', async () => {
  const started = Date.now();
  run.t0 = started;
  const year = new Date().getFullYear();

  // The public area needs no sign-in.
  const visitor = await newPage();
  await visitor.goto(`${run.origin}/`);
  await visitor.getByRole('tab', { name: '已认定产品名录' }).waitFor();
  await visitor.getByText('目前尚无已认定产品').waitFor();
  await expectNoEnglish(visitor);
  await visitor.getByRole('tab', { name: /工作日历/ }).click();
  await visitor.getByRole('columnheader', { name: '调休工作日' }).waitFor();
  await visitor.close();

  // The Department opens this year's batch, its window open now (M7.1).
  const dept = await newPage();
  await signIn(dept, 'dept.admin');
  expect(await dept.getByRole('menuitem').allInnerTexts()).toEqual(['工作台首页', '年度申报批次', '各盟市进度', '委托第三方机构', '综合评审情况', '认定名单与公示', '节假日日历', '盟市经办人账号', '新材料目录', '平台前认定名单']);
  await dept.getByRole('menuitem', { name: '年度申报批次' }).click();
  await dept.getByText('尚未开启任何申报批次').waitFor();
  await expectNoEnglish(dept);
  await dept.getByRole('button', { name: '开启申报批次' }).click();
  const dialog = dept.getByRole('dialog');
  await dialog.getByLabel('批次名称').fill(`${year}年度首台（套）技术装备、关键零部件和新材料首批（次）认定`);
  // Dates typed in the UI are Beijing time, and the fields say so.
  await pickDate(dept, '申报开始时间（北京时间）', `${day(inDays(-3))} 09:00`);
  await pickDate(dept, '申报截止时间（北京时间）', `${day(inDays(30))} 17:00`);
  await pickDate(dept, '盟市报送截止日期（北京时间）', day(inDays(45)));
  await shot(dept, 'department-open-batch');
  await dialog.getByRole('button', { name: '开启申报批次' }).click();
  await dept.getByText('申报批次已开启').waitFor();
  await dept.getByRole('cell', { name: `${year}年度首台（套）技术装备、关键零部件和新材料首批（次）认定` }).waitFor();
  await dept.getByRole('cell', { name: '申报中' }).waitFor();

  // It extends the window by a week, with the reason on record (M7.1); a missing reason is refused at the field.
  await dept.getByRole('button', { name: '延长申报期' }).click();
  const extend = dept.getByRole('dialog');
  await pickDate(dept, '新的申报截止时间（北京时间）', `${day(inDays(37))} 17:00`);
  await extend.getByRole('button', { name: '延长申报期' }).click();
  await extend.getByText('请填写原因（将记录在案）').waitFor();
  await extend.getByLabel('原因（将记录在案）').fill('部分盟市企业受疫情影响，申请延长一周');
  await shot(dept, 'department-extend-window');
  await extend.getByRole('button', { name: '延长申报期' }).click();
  await dept.getByText('申报期已延长').waitFor();
  await dept.getByRole('cell', { name: `${day(inDays(37))} 17:00` }).waitFor();
  await expectNoEnglish(dept);
  await shot(dept, 'department-batches');

  // The enterprise fills its profile: a bad division code is refused at the field, in Chinese.
  const ent = await newPage();
  await signIn(ent, 'northsteel');
  expect(await ent.getByRole('menuitem').allInnerTexts()).toEqual(['工作台首页', '企业信息', '我的申报', '消息通知']);
  await ent.getByRole('menuitem', { name: '企业信息' }).click();
  await ent.getByLabel('企业名称').fill('包头北方重型装备有限公司');
  await ent.getByLabel('注册地址').fill('内蒙古自治区包头市青山区装备制造产业园区');
  await ent.getByLabel('注册地行政区划代码').fill('1502');
  await ent.getByRole('button', { name: /保\s*存/ }).click();
  await ent.getByText('行政区划代码应为 6 位数字').waitFor();
  await ent.getByLabel('注册地行政区划代码').fill('150204');
  await ent.getByRole('button', { name: /保\s*存/ }).click();
  await ent.getByTestId('profile-saved').getByText('企业信息已保存，属地盟市：包头市').waitFor();
  await expectNoEnglish(ent);

  // It creates the application and submits it (M7.2).
  await ent.getByRole('menuitem', { name: '我的申报' }).click();
  await ent.getByText('尚无申报，点击“新建申报”开始').waitFor();
  await ent.getByRole('button', { name: '新建申报' }).click();
  const form = ent.getByRole('dialog');
  await form.getByLabel('申报批次').click();
  await ent.locator('.ant-select-item-option', { hasText: `${year}年度` }).click();
  await form.getByLabel('产品名称').fill('220吨电动轮矿用自卸车');
  await form.getByLabel('产品系列').fill('NTE');
  await form.getByLabel('型号规格').fill('NTE220');
  await pickDate(ent, '研制完成日期', `${year}-03-15`);
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await ent.getByTestId('application-state').getByText('草稿').waitFor();
  // 提交申报 leads to the form's last step, the pre-submission check (the form's own journey submits
  // there); this one submits its minimal application through the API and goes on.
  await ent.getByRole('button', { name: '提交申报' }).click();
  await ent.waitForURL(/\/enterprise\/applications\/[0-9a-f-]+\/edit\?step=check$/);
  const appId = ent.url().split('/').at(-2)!;
  const token = (await http(platform.baseUrl, 'POST', '/auth/login', { body: { username: 'northsteel', password: DEMO.password } })).body.accessToken as string;
  // Complete (every declaration, a file in every slot that applies, M2 M5 M6 M7.4) and signed (M10.1).
  await completeViaApi(platform.baseUrl, token, appId);
  expect((await submitViaApi(platform.baseUrl, token, appId)).status).toBe(200);
  await ent.goto(`${run.origin}/enterprise/applications/${appId}`);
  await ent.getByTestId('application-state').getByText('已提交').waitFor();
  await ent.getByTestId('timeline').getByText('提交申请：草稿 → 已提交').waitFor();
  await expectNoEnglish(ent);
  await shot(ent, 'enterprise-application-submitted');

  // The Baotou officer finds it in the queue (it arrives by event) and recommends it (M7.3).
  const officer = await newPage();
  await signIn(officer, 'baotou.officer');
  expect(await officer.getByRole('menuitem').allInnerTexts()).toEqual(['工作台首页', '初审队列', '汇总报送']);
  await officer.getByRole('menuitem', { name: '初审队列' }).click();
  const row = officer.getByRole('row', { name: /220吨电动轮矿用自卸车/ });
  for (let i = 0; i < 40 && !(await row.isVisible()); i++) {
    await officer.waitForTimeout(250);
    if (i % 4 === 3) await officer.getByRole('button', { name: /查\s*询|搜\s*索/ }).click();
  }
  await row.getByText('包头北方重型装备有限公司').waitFor();
  await row.getByText('已提交').waitFor();
  await officer.getByLabel('关键词').fill('NTE220');
  await officer.getByRole('button', { name: /查\s*询|搜\s*索/ }).click();
  await row.waitFor();
  await expectNoEnglish(officer);
  await shot(officer, 'prefecture-queue');
  // The queue's recommend opens the case: a recommendation needs the review first (M7.3, M12.1).
  await row.getByRole('button', { name: '审查后推荐' }).click();
  await officer.waitForURL(`**/prefecture/applications/${appId}`);
  // The officer judges a condition of M5 against the enterprise's answer; the rest of the review through the API.
  const m51 = officer.getByTestId('condition-M5.1');
  await m51.getByText('申请单位为区内注册的独立法人企业', { exact: false }).waitFor();
  // M2.1 M5.4: the declared form of the equipment, stored as a code, reads in words.
  await officer.getByTestId('condition-M5.4').getByText('成套装备', { exact: true }).waitFor();
  await m51.getByLabel('满足', { exact: true }).check();
  await m51.getByRole('button', { name: '保存判定' }).click();
  await m51.getByText('满足', { exact: true }).first().waitFor();
  await judgeByApi(platform.baseUrl, (await http(platform.baseUrl, 'POST', '/auth/login', { body: { username: 'baotou.officer', password: DEMO.password } })).body.accessToken, appId, ['M5.1']);
  await officer.getByRole('button', { name: /刷\s*新/ }).click();
  await officer.getByText('已判定 11 / 11 项').waitFor();
  await expectNoEnglish(officer);
  await m51.scrollIntoViewIfNeeded();
  await shot(officer, 'prefecture-conditions');
  await officer.getByTestId('review-decisions').getByRole('button', { name: /推\s*荐/ }).click();
  const recommend = officer.getByRole('dialog');
  // Irreversible: the dialog says what follows.
  await recommend.getByText(/推荐后不能撤回/).waitFor();
  await recommend.getByLabel('推荐意见').fill('材料齐全，符合申报条件，同意推荐。');
  await recommend.getByRole('button', { name: /推\s*荐/ }).click();
  await officer.getByText('已推荐至自治区工业和信息化厅').waitFor();
  await expect(officer.getByTestId('review-state').innerText()).resolves.toBe('已推荐');

  // Baotou exports its summary table and sends the summary to the Department (M7.3), which sees it.
  await officer.getByRole('menuitem', { name: '汇总报送' }).click();
  const exportTable = officer.getByRole('button', { name: '导出汇总表（Excel）' });
  for (let i = 0; i < 40 && !(await exportTable.isEnabled()); i++) await officer.waitForTimeout(100); // the newest batch is chosen once loaded
  const [table] = await Promise.all([officer.waitForEvent('download'), exportTable.click()]);
  expect(table.suggestedFilename()).toMatch(/^\d{4}年度包头市（草稿）汇总表\.xlsx$/);
  await officer.getByLabel('签发人').fill('包头市工信局 王局长');
  await officer.getByRole('button', { name: '报送汇总' }).click();
  const sure = officer.getByRole('dialog');
  await sure.getByText(/汇总中的 1 项申请将提交自治区工业和信息化厅综合评审，汇总不能修改或撤回/).waitFor();
  await sure.getByRole('button', { name: '报送汇总' }).click();
  await officer.getByText('汇总已报送，共 1 项').waitFor();
  await expectNoEnglish(officer);
  await shot(officer, 'prefecture-summary-sent');
  await dept.getByRole('menuitem', { name: '各盟市进度' }).click();
  await dept.getByRole('row', { name: /包头市/ }).getByText('已报送').waitFor();
  await shot(dept, 'department-progress');

  // The enterprise reads the recommendation in its timeline.
  const recommended = ent.getByTestId('application-state').getByText('已推荐');
  for (let i = 0; i < 40 && !(await recommended.isVisible()); i++) {
    await ent.getByRole('button', { name: /刷\s*新/ }).click();
    await ent.waitForTimeout(250);
  }
  await ent.getByTestId('timeline').getByText('初审推荐：已提交 → 已推荐').waitFor();
  await ent.getByTestId('timeline').getByText('意见：材料齐全，符合申报条件，同意推荐。').waitFor();
  await expectNoEnglish(ent);
  await shot(ent, 'enterprise-timeline');

  // The English switch translates the page.
  await ent.getByRole('button', { name: '语言' }).click();
  await ent.getByTestId('timeline').getByText('Recommend: Submitted → Recommended').waitFor();

  mkdirSync(DOCS_SHOTS, { recursive: true });
  for (const name of ['department-open-batch', 'prefecture-queue', 'enterprise-timeline']) {
    copyFileSync(join(SHOTS, `${name}.png`), join(DOCS_SHOTS, `${name}.png`));
  }
  // The officer's formal review (23 verdicts, one in the browser) came with M12.1's gate on recommending.
  expect(Date.now() - started).toBeLessThan(75_000);
  passed = true;
}, 600_000);
