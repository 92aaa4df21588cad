import type { Page } from '@playwright/test';
import { chooseOption, day, expect, inDays, judgeByApi, keepForDocs, pickDate, test } from './fixtures';
import { completeViaApi, submitViaApi, UPLOADED_FILE_NAMES } from '../complete-application';

/**
 * The web app in Debian's Chromium against the whole platform (the gateway serving apps/web/dist):
 * the Department opens a batch, the enterprise fills its profile, creates and submits an
 * application, the Baotou officer opens it from the queue, judges it and recommends it, and the enterprise reads the new
 * state in its timeline. Every page is checked for English left in the zh-CN UI.
 */
/** Data typed by the test may carry Latin letters, and file formats are named so in Chinese UIs too (导出 Excel, PDF 文件); the UI's own words may not. */
test.use({ platformGroup: 'web-journey', allowed: ['NTE220', 'NTE', 'English', '91150200MA0N4KXX4C', 'Excel', 'PDF', /EF\d{2}/g, /\bNM\b/g, UPLOADED_FILE_NAMES] });

test('M7.1–M7.3 the Department opens a batch, the enterprise applies and submits, Baotou recommends, the enterprise sees it', async ({ web: run, platform }) => {
  const newPage = () => run.newPage();
  const signIn = (page: Page, username: string) => run.signIn(page, username);
  const shot = (page: Page, name: string) => run.shot(page, name);
  const expectNoEnglish = (page: Page) => run.expectNoEnglish(page);
  const started = Date.now();
  run.t0 = started;
  const year = new Date().getFullYear();

  // The public area needs no sign-in.
  const visitor = await newPage();
  await visitor.goto(`${run.origin}/`);
  await expect(visitor.getByRole('tab', { name: '已认定产品名录' })).toBeVisible();
  await expect(visitor.getByText('目前尚无已认定产品')).toBeVisible();
  await expectNoEnglish(visitor);
  await visitor.getByRole('tab', { name: /工作日历/ }).click();
  await expect(visitor.getByRole('columnheader', { name: '调休工作日' })).toBeVisible();
  await visitor.close();

  // The Department opens this year's batch, its window open now (M7.1).
  const dept = await newPage();
  await signIn(dept, 'dept.admin');
  await expect(dept.getByRole('menuitem')).toHaveText(['工作台首页', '年度申报批次', '各盟市进度', '统计分析', '第三方机构', '委托第三方机构', '综合评审情况', '认定名单与公示', '认定决定', '公示异议', '认定发文', '认定名录', '跟踪评价', '违规处理', '处理记录', '节假日日历', '盟市经办人账号', '新材料目录', '平台前认定名单', '审计日志']);
  await dept.getByRole('menuitem', { name: '年度申报批次' }).click();
  await expect(dept.getByText('尚未开启任何申报批次')).toBeVisible();
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
  await expect(dept.getByText('申报批次已开启')).toBeVisible();
  await expect(dept.getByRole('cell', { name: `${year}年度首台（套）技术装备、关键零部件和新材料首批（次）认定` })).toBeVisible();
  await expect(dept.getByRole('cell', { name: '申报中' })).toBeVisible();

  // It extends the window by a week, with the reason on record (M7.1); a missing reason is refused at the field.
  await dept.getByRole('button', { name: '延长申报期' }).click();
  const extend = dept.getByRole('dialog');
  await pickDate(dept, '新的申报截止时间（北京时间）', `${day(inDays(37))} 17:00`);
  await extend.getByRole('button', { name: '延长申报期' }).click();
  await expect(extend.getByText('请填写原因（将记录在案）')).toBeVisible();
  await extend.getByLabel('原因（将记录在案）').fill('部分盟市企业受疫情影响，申请延长一周');
  await shot(dept, 'department-extend-window');
  await extend.getByRole('button', { name: '延长申报期' }).click();
  await expect(dept.getByText('申报期已延长')).toBeVisible();
  await expect(dept.getByRole('cell', { name: `${day(inDays(37))} 17:00` })).toBeVisible();
  await expectNoEnglish(dept);
  await shot(dept, 'department-batches');

  // The enterprise fills its profile: a bad division code is refused at the field, in Chinese.
  const ent = await newPage();
  await signIn(ent, 'northsteel');
  await expect(ent.getByRole('menuitem')).toHaveText(['工作台首页', '企业信息', '我的申报', '消息通知', '异议核查', '跟踪评价', '处理告知']);
  await ent.getByRole('menuitem', { name: '企业信息' }).click();
  await ent.getByLabel('企业名称').fill('包头北方重型装备有限公司');
  await ent.getByLabel('注册地址').fill('内蒙古自治区包头市青山区装备制造产业园区');
  await ent.getByLabel('注册地行政区划代码').fill('1502');
  await ent.getByRole('button', { name: /保\s*存/ }).click();
  await expect(ent.getByText('行政区划代码应为 6 位数字')).toBeVisible();
  await ent.getByLabel('注册地行政区划代码').fill('150204');
  await ent.getByRole('button', { name: /保\s*存/ }).click();
  await expect(ent.getByTestId('profile-saved').getByText('企业信息已保存，属地盟市：包头市')).toBeVisible();
  await expectNoEnglish(ent);

  // It creates the application and submits it (M7.2).
  await ent.getByRole('menuitem', { name: '我的申报' }).click();
  await expect(ent.getByText('尚无申报，点击“新建申报”开始')).toBeVisible();
  await ent.getByRole('button', { name: '新建申报' }).click();
  const form = ent.getByRole('dialog');
  await chooseOption(form, '申报批次', `${year}年度`);
  await form.getByLabel('产品名称').fill('220吨电动轮矿用自卸车');
  await form.getByLabel('产品系列').fill('NTE');
  await form.getByLabel('型号规格').fill('NTE220');
  await pickDate(ent, '研制完成日期', `${year}-03-15`);
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(ent.getByTestId('application-state').getByText('草稿')).toBeVisible();
  // 提交申报 leads to the form's last step, the pre-submission check (the form's own journey submits
  // there); this one submits its minimal application through the API and goes on.
  await ent.getByRole('button', { name: '提交申报' }).click();
  await ent.waitForURL(/\/enterprise\/applications\/[0-9a-f-]+\/edit\?step=check$/);
  const appId = ent.url().split('/').at(-2)!;
  const token = await platform.login('northsteel');
  // Complete (every declaration, a file in every slot that applies, M2 M5 M6 M7.4) and signed (M10.1).
  await completeViaApi(platform.api, token, appId);
  expect((await submitViaApi(platform.api, token, appId)).status).toBe(200);
  await ent.goto(`${run.origin}/enterprise/applications/${appId}`);
  await expect(ent.getByTestId('application-state').getByText('已提交')).toBeVisible();
  await expect(ent.getByTestId('timeline').getByText('提交申请：草稿 → 已提交')).toBeVisible();
  await expectNoEnglish(ent);
  await shot(ent, 'enterprise-application-submitted');

  // The Baotou officer finds it in the queue (it arrives by event) and recommends it (M7.3).
  const officer = await newPage();
  await signIn(officer, 'baotou.officer');
  await expect(officer.getByRole('menuitem')).toHaveText(['工作台首页', '初审队列', '汇总报送', '异议核查', '认定产品', '跟踪评价']);
  await officer.getByRole('menuitem', { name: '初审队列' }).click();
  const row = officer.getByRole('row', { name: /220吨电动轮矿用自卸车/ });
  // The case arrives by event: the officer searches again until it is listed.
  await expect(async () => {
    await officer.getByRole('button', { name: /查\s*询|搜\s*索/ }).click();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row.getByText('包头北方重型装备有限公司')).toBeVisible();
  await expect(row.getByText('已提交')).toBeVisible();
  await officer.getByLabel('关键词').fill('NTE220');
  await officer.getByRole('button', { name: /查\s*询|搜\s*索/ }).click();
  await expect(row).toBeVisible();
  await expectNoEnglish(officer);
  await shot(officer, 'prefecture-queue');
  // The queue's recommend opens the case: a recommendation needs the review first (M7.3, M12.1).
  await row.getByRole('button', { name: '审查后推荐' }).click();
  await officer.waitForURL(`**/prefecture/applications/${appId}`);
  // The officer judges a condition of M5 against the enterprise's answer; the rest of the review through the API.
  const m51 = officer.getByTestId('condition-M5.1');
  await expect(m51.getByText('申请单位为区内注册的独立法人企业', { exact: false })).toBeVisible();
  // M2.1 M5.4: the declared form of the equipment, stored as a code, reads in words.
  await expect(officer.getByTestId('condition-M5.4').getByText('成套装备', { exact: true })).toBeVisible();
  await m51.getByLabel('满足', { exact: true }).check();
  await m51.getByRole('button', { name: '保存判定' }).click();
  await expect(m51.getByText('满足', { exact: true }).first()).toBeVisible();
  await judgeByApi(platform.api, await platform.login('baotou.officer'), appId, ['M5.1']);
  await officer.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(officer.getByText('已判定 11 / 11 项')).toBeVisible();
  await expectNoEnglish(officer);
  await m51.scrollIntoViewIfNeeded();
  await shot(officer, 'prefecture-conditions');
  await officer.getByTestId('review-decisions').getByRole('button', { name: /推\s*荐/ }).click();
  const recommend = officer.getByRole('dialog');
  // Irreversible: the dialog says what follows.
  await expect(recommend.getByText(/推荐后不能撤回/)).toBeVisible();
  await recommend.getByLabel('推荐意见').fill('材料齐全，符合申报条件，同意推荐。');
  await recommend.getByRole('button', { name: /推\s*荐/ }).click();
  await expect(officer.getByText('已推荐至自治区工业和信息化厅')).toBeVisible();
  await expect(officer.getByTestId('review-state')).toHaveText('已推荐');

  // Baotou exports its summary table and sends the summary to the Department (M7.3), which sees it.
  await officer.getByRole('menuitem', { name: '汇总报送' }).click();
  const exportTable = officer.getByRole('button', { name: '导出汇总表（Excel）' });
  await expect(exportTable).toBeEnabled(); // the newest batch is chosen once loaded
  const [table] = await Promise.all([officer.waitForEvent('download'), exportTable.click()]);
  expect(table.suggestedFilename()).toMatch(/^\d{4}年度包头市（草稿）汇总表\.xlsx$/);
  await officer.getByLabel('签发人').fill('包头市工信局 王局长');
  await officer.getByRole('button', { name: '报送汇总' }).click();
  const sure = officer.getByRole('dialog');
  await expect(sure.getByText(/汇总中的 1 项申请将提交自治区工业和信息化厅综合评审，汇总不能修改或撤回/)).toBeVisible();
  await sure.getByRole('button', { name: '报送汇总' }).click();
  await expect(officer.getByText('汇总已报送，共 1 项')).toBeVisible();
  await expectNoEnglish(officer);
  await shot(officer, 'prefecture-summary-sent');
  await dept.getByRole('menuitem', { name: '各盟市进度' }).click();
  await expect(dept.getByRole('row', { name: /包头市/ }).getByText('已报送')).toBeVisible();
  await shot(dept, 'department-progress');

  // The enterprise reads the recommendation in its timeline.
  const recommended = ent.getByTestId('application-state').getByText('已推荐');
  await expect(async () => {
    await ent.getByRole('button', { name: /刷\s*新/ }).click();
    await expect(recommended).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(ent.getByTestId('timeline').getByText('初审推荐：已提交 → 已推荐')).toBeVisible();
  await expect(ent.getByTestId('timeline').getByText('意见：材料齐全，符合申报条件，同意推荐。')).toBeVisible();
  await expectNoEnglish(ent);
  await shot(ent, 'enterprise-timeline');

  // The English switch translates the page.
  await ent.getByRole('button', { name: '语言' }).click();
  await expect(ent.getByTestId('timeline').getByText('Recommend: Submitted → Recommended')).toBeVisible();

  for (const name of ['department-open-batch', 'prefecture-queue', 'enterprise-timeline']) keepForDocs(name);
  // The officer's formal review (23 verdicts, one in the browser) came with M12.1's gate on recommending.
  run.mark(`the journey's own time, screens' checks left out: ${(run.journeyMs(started) / 1000).toFixed(1)}s`);
});
