import type { Locator, Page } from '@playwright/test';
import { eventually, http } from '@firstset/testing';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { chooseOption, day, DEMO as demo, expect, inDays, judgeByApi, keepForDocs, test } from './fixtures';
import { completeViaApi, submitViaApi, UPLOADED_FILE_NAMES } from '../complete-application';
import { signOffReport } from './comprehensive-review-kit';

/**
 * The comprehensive review workspaces in Debian's Chromium against the whole platform. Through the
 * API an application reaches the Department in Baotou's summary; in the browser the Department
 * commissions the institution (M8.1), the institution assigns expert Wang, Wang accepts the
 * profile's undertaking with the no-conflict confirmation (M11.1) and scores the rubric (a score
 * off its scale is refused at the field; issue 17 moved both to the assignment's page), the
 * institution sees the score and completes the review; the auditor reads it all without a single
 * action button, and the gateway refuses the auditor's actions. Every page is checked for English.
 */
test.use({
  platformGroup: 'review-panel',
  allowed: ['NTE220', 'NTE', 'English', 'PDF', 'Excel', '91150200MA0N4KXX4C', UPLOADED_FILE_NAMES, /nmg-expert-undertaking-\d{4}-\d+/g, /内容摘要 [0-9a-f]{16}/g, /ZL\d+\.X/g],
});

/** The comprehensive review of the policy profile: its rubric and undertaking (M8.1, M11.1). */
const REVIEW = INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview;

const PRODUCT = '220吨电动轮矿用自卸车';
const ENTERPRISE = '包头北方重型装备有限公司';
const INSTITUTION = '内蒙古自治区工业技术评价中心';

let api: string;
const tokens: Record<string, string> = {};

const call = (method: string, path: string, who: string, body?: unknown) => http(api, method, path, { token: tokens[who], body });
const until = <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string) => eventually(read, ok, { what, timeoutMs: 60_000 });

/** Clicks the page's refresh button until `target` shows (the case travels by event). */
async function refreshUntil(page: Page, target: Locator): Promise<void> {
  await expect(async () => {
    await page.getByRole('button', { name: /刷\s*新/ }).click();
    await expect(target).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

/** Presses `button` in the dialog titled `title` and waits until that dialog has closed. */
async function confirm(page: Page, title: string, button: string): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

/** Through the API: the batch, the enterprise's application, Baotou's recommendation and summary (M7.1–M7.3). */
async function applicationInBaotouSummary(): Promise<{ batchId: string; id: string; applicationNo: string }> {
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
  return { batchId, id, applicationNo };
}

test.beforeAll(async ({ platform }) => {
  api = platform.api;
  for (const u of ['dept.admin', 'northsteel', 'baotou.officer', 'institution.staff', 'expert.wang', 'expert.li', 'auditor']) tokens[u] = await platform.login(u);
});

test('M8.1, M11.1 the Department commissions, the institution assigns, the expert signs the undertaking and scores, the institution signs off its report; the auditor only reads', async ({ web: run }) => {
  const shot = (page: Page, name: string) => run.shot(page, name);
  const expectNoEnglish = (page: Page) => run.expectNoEnglish(page);
  const started = Date.now();
  run.t0 = started;
  const { id, applicationNo } = await applicationInBaotouSummary();
  run.mark('set-up through the API');

  // The Department commissions the institution for the batch (M8.1).
  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '委托第三方机构' }).click();
  await expect(dept.getByText('该批次尚未委托第三方机构', { exact: false })).toBeVisible();
  await chooseOption(dept, '第三方机构', INSTITUTION);
  await dept.getByRole('button', { name: /委\s*托/ }).click();
  // Irreversible: the confirmation says what follows (M8.1).
  const sure = dept.getByRole('dialog').filter({ hasText: '确认委托' });
  await expect(sure.getByText(/如需更换机构，可终止委托并说明原因/)).toBeVisible();
  await shot(dept, 'department-commission-confirm');
  await sure.getByRole('button', { name: /委\s*托/ }).click();
  await expect(dept.getByText(`已委托 ${INSTITUTION}`, { exact: false }).first()).toBeVisible();
  await expect(dept.getByRole('row').filter({ hasText: INSTITUTION }).filter({ hasText: '进行中' }).first()).toBeVisible();
  await expectNoEnglish(dept);
  await shot(dept, 'department-commission');

  // The institution's workspace: its own menu, the case without experts yet.
  const inst = await run.newPage();
  await run.signIn(inst, 'institution.staff');
  await expect(inst.getByRole('menuitem')).toHaveText(['工作台首页', '综合评审', '专家库', '利益冲突', '评审组', '评审报告', '异议核查', '处理告知']);
  await inst.getByRole('menuitem', { name: '综合评审' }).click();
  const row = inst.getByRole('row', { name: new RegExp(applicationNo) });
  await refreshUntil(inst, row);
  await expect(row.getByText('综合评审中')).toBeVisible();
  await expect(row.getByText('尚未指派专家')).toBeVisible();
  await expect(row.getByText(ENTERPRISE)).toBeVisible();

  // It assigns Wang from its pool (searched on the server).
  await row.getByRole('button', { name: '指派专家' }).click();
  const assign = inst.getByRole('dialog');
  await chooseOption(assign, '评审专家', '王明（大型矿山冶金装备）', { search: '王' });
  await expectNoEnglish(inst);
  await shot(inst, 'institution-assign-expert');
  await assign.getByRole('button', { name: '指派专家' }).click();
  await expect(inst.getByText('已指派专家 王明')).toBeVisible();
  await expect(row.getByTestId('expert-王明').getByText('已指派')).toBeVisible();

  // Signing off the report before every expert has scored: the service's refusal, in Chinese.
  await row.getByRole('button', { name: '评分详情' }).click();
  await signOffReport(inst, applicationNo, '建议认定', '技术路线创新，性能指标国内领先，同意认定。');
  await expect(inst.getByText('尚有分配的专家未提交评审意见')).toBeVisible();
  await inst.getByRole('button', { name: /返\s*回/ }).click();
  await expect(row.getByText('综合评审中')).toBeVisible();

  // Wang's workspace: the assignment shows only its number and kind until the undertaking (M11.1).
  const wang = await run.newPage();
  await run.signIn(wang, 'expert.wang');
  await expect(wang.getByRole('menuitem')).toHaveText(['工作台首页', '我的评审任务', '我的申报', '处理告知']);
  await wang.getByRole('menuitem', { name: '我的评审任务' }).click();
  const task = wang.getByRole('row', { name: new RegExp(applicationNo) });
  await expect(task.getByText('接受任务并签署保密承诺后可查看申报内容')).toBeVisible();
  await expect(task.getByText('技术装备首台（套）')).toBeVisible();
  await expect(wang.locator('body')).not.toContainText(ENTERPRISE);
  await expect(wang.locator('body')).not.toContainText(PRODUCT);
  await expectNoEnglish(wang);

  // The assignment's page: the profile's undertaking in full with its version; signing needs the
  // conflict answer and the explicit tick (M11.1).
  await task.getByRole('button', { name: '接受任务' }).click();
  await expect(wang.getByText('签署保密与回避承诺后可查看申报内容')).toBeVisible();
  await expect(wang.locator('body')).not.toContainText(ENTERPRISE);
  await wang.getByRole('button', { name: '阅读并签署承诺' }).click();
  const undertaking = wang.getByRole('dialog');
  await expect(undertaking.getByText('评审专家保密与回避承诺书')).toBeVisible();
  const text = await undertaking.getByTestId('undertaking-text').innerText();
  expect(text).toContain('泄露技术秘密');
  expect(text).toContain(REVIEW.undertaking.version);
  await undertaking.getByRole('button', { name: '签署承诺并接受任务' }).click();
  await expect(undertaking.getByText('请勾选确认已阅读并同意承诺')).toBeVisible();
  await undertaking.getByRole('radio', { name: '本人与本申报不存在未申明的利益冲突' }).check();
  await undertaking.getByRole('checkbox', { name: '本人已完整阅读并同意遵守上述承诺' }).check();
  await expectNoEnglish(wang);
  await shot(wang, 'expert-undertaking');
  await undertaking.getByRole('button', { name: '签署承诺并接受任务' }).click();
  await expect(wang.getByText('已签署承诺，可查看申报内容并评分')).toBeVisible();

  // Now the facts the service lets an expert see, and the rubric: a score off its scale is refused at the field (M8.1).
  await expect(wang.getByText(ENTERPRISE).first()).toBeVisible();
  await expect(wang.getByText('NTE220').first()).toBeVisible();
  await expect(wang.getByText('材料齐全，符合申报条件，同意推荐。')).toBeVisible();
  const form = wang.getByTestId('rubric-form');
  const first = REVIEW.rubric[0]!;
  await form.getByLabel(`${first.nameZh}得分`).fill('11');
  await form.getByLabel('综合评审意见').fill('技术路线创新，性能指标国内领先，同意认定。');
  await form.getByRole('button', { name: '提交评分' }).click();
  await expect(form.locator('.ant-form-item-explain-error', { hasText: `得分应为 0 至 ${first.max} 之间的整数` })).toBeVisible();
  await expectNoEnglish(wang);
  await shot(wang, 'expert-score-refused');
  const assignmentScore = async () =>
    ((await call('GET', '/reviews/search?stage=SCORED', 'expert.wang')).body as { total: number }).total;
  expect(await assignmentScore()).toBe(0); // nothing was sent
  // 9 of 10 on every criterion but the market (7 of 10, weight 10): a weighted total of 88.
  for (const c of REVIEW.rubric) {
    await form.getByLabel(`${c.nameZh}得分`).fill(c.id === 'market' ? '7' : '9');
    await form.getByLabel(`${c.nameZh}评语`).fill(`${c.nameZh}符合要求。`);
  }
  await form.getByRole('radio', { name: '建议认定', exact: true }).check();
  await expectNoEnglish(wang);
  await shot(wang, 'expert-score');
  await form.getByRole('button', { name: '提交评分' }).click();
  // Irreversible: the confirmation names the total and says it cannot be changed (M11.1).
  await expect(wang.getByRole('dialog').filter({ hasText: '确认提交评分' }).getByText('加权总分 88 分，评审建议：建议认定。')).toBeVisible();
  await expect(wang.getByRole('dialog').filter({ hasText: '确认提交评分' }).getByText(/不能修改/)).toBeVisible();
  await confirm(wang, '确认提交评分', '提交评分');
  await expect(wang.getByText('评分已提交')).toBeVisible();
  await wang.getByRole('menuitem', { name: '我的评审任务' }).click();
  await wang.getByRole('tab', { name: '已评分' }).click();
  const scored = wang.getByRole('row', { name: new RegExp(applicationNo) });
  await expect(scored.getByText('88 分')).toBeVisible();
  await expect(scored.getByText('技术路线创新，性能指标国内领先，同意认定。')).toBeVisible();
  expect(await assignmentScore()).toBe(1);

  // Li was not assigned: Li's workspace is empty.
  const li = await run.newPage();
  await run.signIn(li, 'expert.li');
  await li.getByRole('menuitem', { name: '我的评审任务' }).click();
  await expect(li.getByText('暂无待接受的评审任务')).toBeVisible();
  await li.close();

  // The institution sees the score and completes the review (M8.1).
  await inst.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(row.getByTestId('expert-王明').getByText('已评分：88 分')).toBeVisible();
  await row.getByRole('button', { name: '评分详情' }).click();
  await signOffReport(inst, applicationNo, '建议认定', '技术路线创新，性能指标国内领先，同意认定。');
  await expect(inst.getByText('评审报告已签发，综合得分 88 分')).toBeVisible();
  await inst.getByRole('button', { name: /返\s*回/ }).click();
  await expect(row.getByText('评审完成')).toBeVisible();
  await expect(row.getByRole('button', { name: '指派专家' })).toHaveCount(0);
  await row.getByRole('button', { name: /展开行|Expand row/ }).click();
  await expect(inst.getByText('技术路线创新，性能指标国内领先，同意认定。').first()).toBeVisible();
  await expectNoEnglish(inst);
  await shot(inst, 'institution-reviews');
  await until(() => call('GET', `/applications/${id}`, 'northsteel'), (r) => (r.body as { state: string }).state === 'REVIEWED', 'REVIEWED at intake');

  // The auditor reads the Department's pages, read only: no action buttons anywhere.
  const auditor = await run.newPage();
  await run.signIn(auditor, 'auditor');
  await expect(auditor.getByRole('menuitem')).toHaveText(['工作台首页', '年度申报批次', '各盟市进度', '统计分析', '第三方机构', '委托第三方机构', '综合评审情况', '认定名单与公示', '认定决定', '公示异议', '认定发文', '认定名录', '跟踪评价', '违规处理', '处理记录', '节假日日历', '盟市经办人账号', '新材料目录', '平台前认定名单', '审计日志']);
  await auditor.getByRole('menuitem', { name: '综合评审情况' }).click();
  const seen = auditor.getByRole('row', { name: new RegExp(applicationNo) });
  await expect(seen.getByText('评审完成')).toBeVisible();
  await expect(seen.getByTestId('expert-王明').getByText('已评分：88 分')).toBeVisible();
  await expect(seen.getByText('88 分', { exact: true })).toBeVisible();
  for (const action of ['指派专家', '签发报告', '接受任务', '提交评分']) await expect(auditor.getByRole('button', { name: action })).toHaveCount(0);
  await expectNoEnglish(auditor);
  await shot(auditor, 'auditor-reviews');
  await auditor.getByRole('menuitem', { name: '委托第三方机构' }).click();
  await expect(auditor.getByRole('row').filter({ hasText: INSTITUTION }).filter({ hasText: '进行中' }).first()).toBeVisible();
  await expect(auditor.getByRole('cell', { name: INSTITUTION }).first()).toBeVisible();
  await expect(auditor.getByRole('button', { name: /委\s*托/ })).toHaveCount(0);
  await expect(auditor.getByLabel('第三方机构')).toHaveCount(0);
  await auditor.getByRole('menuitem', { name: '认定名单与公示' }).click();
  await expect(auditor.getByText('该批次尚无认定名单')).toBeVisible();
  await expectNoEnglish(auditor);

  // The gateway refuses the auditor every action the pages do not offer.
  const refusals = [
    await call('POST', '/commissions', 'auditor', { batchId: (await call('GET', '/batches', 'auditor')).body[0].id, institutionId: demo.institutions[0].id }),
    await call('POST', `/reviews/${id}/assignments`, 'auditor', { expertId: demo.experts[1].id }),
    await call('POST', `/reviews/${id}/accept`, 'auditor'),
    await call('POST', `/reviews/${id}/score`, 'auditor', { score: 90, opinion: '越权' }),
    await call('POST', `/reviews/${id}/report/sign-off`, 'auditor', { expectedVersion: 1 }),
  ];
  expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
  // …and the institution's and the expert's lists to the wrong roles.
  // The pools are the Department's and the auditor's to search (M11.2), never a prefecture's.
  expect((await call('GET', '/experts', 'auditor')).status).toBe(200);
  expect((await call('GET', '/experts', 'baotou.officer')).status).toBe(403);
  expect((await call('GET', '/reviews/search', 'baotou.officer')).status).toBe(403);

  keepForDocs('institution-reviews');
  keepForDocs('expert-score-refused', 'expert-score');
  run.mark(`the journey's own time, screens' checks left out: ${(run.journeyMs(started) / 1000).toFixed(1)}s`);
});
