import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { cleanupTestEnv, eventually, http, newTestEnv, REPO_ROOT } from '@firstset/testing';
import { Platform, startPlatform } from '../platform';
import { day, DEMO as demo, inDays, judgeByApi, launchChromium, SHOTS, WebRun } from './browser-kit';
import { completeViaApi, submitViaApi, UPLOADED_FILE_NAMES } from '../complete-application';

/**
 * The comprehensive review workspaces in Debian's Chromium against the whole platform. Through the
 * API an application reaches the Department in Baotou's summary; in the browser the Department
 * commissions the institution (M8.1), the institution assigns expert Wang, Wang accepts the
 * confidentiality undertaking (M11.1) and scores (a bad score is refused at the field), the
 * institution sees the score and completes the review; the auditor reads it all without a single
 * action button, and the gateway refuses the auditor's actions. Every page is checked for English.
 */
const env = newTestEnv();
const DOCS_SHOTS = join(REPO_ROOT, 'docs', 'screenshots');
const PRODUCT = '220吨电动轮矿用自卸车';
const ENTERPRISE = '包头北方重型装备有限公司';
const INSTITUTION = '内蒙古自治区工业技术评价中心';

let platform: Platform;
let browser: Browser;
let run: WebRun;
let api: string;
const tokens: Record<string, string> = {};

const ALLOWED = ['NTE220', 'NTE', 'English', '91150200MA0N4KXX4C', UPLOADED_FILE_NAMES];
const shot = (page: Page, name: string) => run.shot(page, name);
const expectNoEnglish = (page: Page) => run.expectNoEnglish(page);
const call = (method: string, path: string, who: string, body?: unknown) => http(api, method, path, { token: tokens[who], body });
const until = <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string) => eventually(read, ok, { what, timeoutMs: 60_000 });

/** Clicks the page's refresh button until `target` shows (the case travels by event). */
async function refreshUntil(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  for (let i = 0; i < 40 && !(await target.isVisible()); i++) {
    await page.waitForTimeout(250);
    if (i % 4 === 3) await page.getByRole('button', { name: /刷\s*新/ }).click();
  }
  await target.waitFor();
}

/** Presses `button` in the dialog titled `title` and waits until that dialog has closed. */
async function confirm(page: Page, title: string, button: string): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
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

beforeAll(async () => {
  platform = await startPlatform(env);
  api = platform.baseUrl;
  browser = await launchChromium();
  run = new WebRun(browser, api.replace(/\/api$/, ''), ALLOWED);
  for (const u of ['dept.admin', 'northsteel', 'baotou.officer', 'institution.staff', 'expert.wang', 'expert.li', 'auditor']) {
    const res = await http(api, 'POST', '/auth/login', { body: { username: u, password: demo.password } });
    expect([u, res.status]).toEqual([u, 200]);
    tokens[u] = (res.body as { accessToken: string }).accessToken;
  }
}, 600_000);

let passed = false;

afterEach(async () => {
  if (!passed) await run?.shotOpenPages('panel-last-');
});

afterAll(async () => {
  process.stdout.write(`review panel timings:\n  ${run?.timings.join('\n  ')}\n`);
  await browser?.close();
  await platform?.stop();
  await cleanupTestEnv(env);
});

it('M8.1, M11.1 the Department commissions, the institution assigns, the expert signs the undertaking and scores, the institution completes; the auditor only reads', async () => {
  const started = Date.now();
  run.t0 = started;
  const { id, applicationNo } = await applicationInBaotouSummary();
  run.mark('set-up through the API');

  // The Department commissions the institution for the batch (M8.1).
  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '委托第三方机构' }).click();
  await dept.getByText('该批次尚未委托第三方机构', { exact: false }).waitFor();
  await dept.getByLabel('第三方机构').click();
  await dept.locator('.ant-select-item-option', { hasText: INSTITUTION }).click();
  await dept.getByRole('button', { name: /委\s*托/ }).click();
  // Irreversible: the confirmation says what follows (M8.1).
  const sure = dept.getByRole('dialog').filter({ hasText: '确认委托' });
  await sure.getByText(/每个批次只能委托一家机构，委托后不能更改/).waitFor();
  await shot(dept, 'department-commission-confirm');
  await sure.getByRole('button', { name: /委\s*托/ }).click();
  await dept.getByText(`已委托 ${INSTITUTION}`, { exact: false }).first().waitFor();
  await dept.getByText(`该批次已委托：${INSTITUTION}`, { exact: false }).waitFor();
  await expectNoEnglish(dept);
  await shot(dept, 'department-commission');

  // The institution's workspace: its own menu, the case without experts yet.
  const inst = await run.newPage();
  await run.signIn(inst, 'institution.staff');
  expect(await inst.getByRole('menuitem').allInnerTexts()).toEqual(['工作台首页', '综合评审']);
  await inst.getByRole('menuitem', { name: '综合评审' }).click();
  const row = inst.getByRole('row', { name: new RegExp(applicationNo) });
  await refreshUntil(inst, row);
  await row.getByText('综合评审中').waitFor();
  await row.getByText('尚未指派专家').waitFor();
  await row.getByText(ENTERPRISE).waitFor();

  // It assigns Wang from its pool (searched on the server).
  await row.getByRole('button', { name: '指派专家' }).click();
  const assign = inst.getByRole('dialog');
  await assign.getByLabel('评审专家').click();
  await assign.getByLabel('评审专家').fill('王');
  await inst.locator('.ant-select-item-option', { hasText: '王明（大型矿山冶金装备）' }).click();
  await expectNoEnglish(inst);
  await shot(inst, 'institution-assign-expert');
  await assign.getByRole('button', { name: '指派专家' }).click();
  await inst.getByText('已指派专家 王明').waitFor();
  await row.getByTestId('expert-王明').getByText('已指派').waitFor();

  // Completing before every expert has scored: the service's refusal, in Chinese.
  await row.getByRole('button', { name: '完成评审' }).click();
  await confirm(inst, `完成 ${applicationNo} 的综合评审`, '完成评审');
  await inst.getByText('尚有分配的专家未提交评审意见').waitFor();
  await expect(row.getByText('综合评审中').isVisible()).resolves.toBe(true);

  // Wang's workspace: the assignment shows only its number and kind until the undertaking (M11.1).
  const wang = await run.newPage();
  await run.signIn(wang, 'expert.wang');
  expect(await wang.getByRole('menuitem').allInnerTexts()).toEqual(['工作台首页', '我的评审任务']);
  await wang.getByRole('menuitem', { name: '我的评审任务' }).click();
  const task = wang.getByRole('row', { name: new RegExp(applicationNo) });
  await task.getByText('接受任务并签署保密承诺后可查看申报内容').waitFor();
  await task.getByText('技术装备首台（套）').waitFor();
  expect(await wang.locator('body').innerText()).not.toContain(ENTERPRISE);
  expect(await wang.locator('body').innerText()).not.toContain(PRODUCT);
  await expectNoEnglish(wang);

  // The undertaking in full; accepting needs the explicit tick.
  await task.getByRole('button', { name: '接受任务' }).click();
  const undertaking = wang.getByRole('dialog');
  await undertaking.getByText('评审专家保密承诺书').waitFor();
  const text = await undertaking.getByTestId('undertaking-text').innerText();
  for (const clause of ['一、', '二、', '三、', '四、', '五、']) expect(text).toContain(clause);
  expect(text).toContain('泄露认定产品的技术秘密');
  await undertaking.getByRole('button', { name: '签署承诺并接受任务' }).click();
  await undertaking.getByText('请勾选确认保密承诺后再接受任务').waitFor();
  await undertaking.getByRole('checkbox', { name: '本人已完整阅读并同意遵守上述保密承诺' }).check();
  await expectNoEnglish(wang);
  await shot(wang, 'expert-undertaking');
  await undertaking.getByRole('button', { name: '签署承诺并接受任务' }).click();
  await wang.getByText('已签署保密承诺，可查看申报内容并评分').waitFor();

  // Now the facts the service lets an expert see, and the score form: a bad score is refused at the field.
  await wang.getByRole('tab', { name: '待评分', selected: true }).waitFor();
  await wang.getByRole('row', { name: new RegExp(applicationNo) }).getByRole('button', { name: '查看并评分' }).click();
  const drawer = wang.getByRole('dialog');
  await drawer.getByText(ENTERPRISE).waitFor();
  await drawer.getByText('NTE220').waitFor();
  await drawer.getByText('材料齐全，符合申报条件，同意推荐。').waitFor();
  await drawer.getByLabel('评分', { exact: true }).fill('101');
  await drawer.getByLabel('评审意见', { exact: true }).fill('技术路线创新，性能指标国内领先，同意认定。');
  await drawer.getByRole('button', { name: '提交评分' }).click();
  await drawer.locator('.ant-form-item-explain-error', { hasText: '评分应为 0 至 100 之间的整数' }).waitFor();
  await expectNoEnglish(wang);
  await shot(wang, 'expert-score-refused');
  const assignmentScore = async () =>
    ((await call('GET', '/reviews/search?stage=SCORED', 'expert.wang')).body as { total: number }).total;
  expect(await assignmentScore()).toBe(0); // nothing was sent
  await drawer.getByLabel('评分', { exact: true }).fill('88');
  await expectNoEnglish(wang);
  await shot(wang, 'expert-score');
  await drawer.getByRole('button', { name: '提交评分' }).click();
  // Irreversible: the confirmation names the score and says it cannot be changed (M11.1).
  await wang.getByRole('dialog').filter({ hasText: '确认提交评分' }).getByText(/评分 88 分及评审意见即记录在案，不能修改/).waitFor();
  await confirm(wang, '确认提交评分', '提交评分');
  await wang.getByText('评分已提交').waitFor();
  await wang.getByRole('tab', { name: '已评分', selected: true }).waitFor();
  const scored = wang.getByRole('row', { name: new RegExp(applicationNo) });
  await scored.getByText('88 分').waitFor();
  await scored.getByText('技术路线创新，性能指标国内领先，同意认定。').waitFor();
  expect(await assignmentScore()).toBe(1);

  // Li was not assigned: Li's workspace is empty.
  const li = await run.newPage();
  await run.signIn(li, 'expert.li');
  await li.getByRole('menuitem', { name: '我的评审任务' }).click();
  await li.getByText('暂无待接受的评审任务').waitFor();
  await li.close();

  // The institution sees the score and completes the review (M8.1).
  await inst.bringToFront(); // a page in the background may hold its animations
  await inst.getByRole('button', { name: /刷\s*新/ }).click();
  await row.getByTestId('expert-王明').getByText('已评分：88 分').waitFor();
  await row.getByRole('button', { name: '完成评审' }).click();
  await confirm(inst, `完成 ${applicationNo} 的综合评审`, '完成评审');
  await inst.getByText('综合评审已完成，综合得分 88 分').waitFor();
  await row.getByText('评审完成').waitFor();
  await expect(row.getByRole('button', { name: '完成评审' }).count()).resolves.toBe(0);
  await row.getByRole('button', { name: /展开行|Expand row/ }).click();
  await inst.getByText('技术路线创新，性能指标国内领先，同意认定。').first().waitFor();
  await expectNoEnglish(inst);
  await shot(inst, 'institution-reviews');
  await until(() => call('GET', `/applications/${id}`, 'northsteel'), (r) => (r.body as { state: string }).state === 'REVIEWED', 'REVIEWED at intake');

  // The auditor reads the Department's pages, read only: no action buttons anywhere.
  const auditor = await run.newPage();
  await run.signIn(auditor, 'auditor');
  expect(await auditor.getByRole('menuitem').allInnerTexts()).toEqual(['工作台首页', '年度申报批次', '各盟市进度', '委托第三方机构', '综合评审情况', '认定名单与公示', '节假日日历', '盟市经办人账号', '新材料目录', '平台前认定名单']);
  await auditor.getByRole('menuitem', { name: '综合评审情况' }).click();
  const seen = auditor.getByRole('row', { name: new RegExp(applicationNo) });
  await seen.getByText('评审完成').waitFor();
  await seen.getByTestId('expert-王明').getByText('已评分：88 分').waitFor();
  await seen.getByText('88 分', { exact: true }).waitFor();
  for (const action of ['指派专家', '完成评审', '接受任务', '提交评分']) await expect(auditor.getByRole('button', { name: action }).count()).resolves.toBe(0);
  await expectNoEnglish(auditor);
  await shot(auditor, 'auditor-reviews');
  await auditor.getByRole('menuitem', { name: '委托第三方机构' }).click();
  await auditor.getByText(`该批次已委托：${INSTITUTION}`, { exact: false }).waitFor();
  await auditor.getByRole('cell', { name: INSTITUTION }).waitFor();
  await expect(auditor.getByRole('button', { name: /委\s*托/ }).count()).resolves.toBe(0);
  await expect(auditor.getByLabel('第三方机构').count()).resolves.toBe(0);
  await auditor.getByRole('menuitem', { name: '认定名单与公示' }).click();
  await auditor.getByText('该批次尚无认定名单').waitFor();
  await expectNoEnglish(auditor);

  // The gateway refuses the auditor every action the pages do not offer.
  const refusals = [
    await call('POST', '/commissions', 'auditor', { batchId: (await call('GET', '/batches', 'auditor')).body[0].id, institutionId: demo.institutions[0].id }),
    await call('POST', `/reviews/${id}/assignments`, 'auditor', { expertId: demo.experts[1].id }),
    await call('POST', `/reviews/${id}/accept`, 'auditor'),
    await call('POST', `/reviews/${id}/score`, 'auditor', { score: 90, opinion: '越权' }),
    await call('POST', `/reviews/${id}/complete`, 'auditor'),
  ];
  expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
  // …and the institution's and the expert's lists to the wrong roles.
  expect((await call('GET', '/experts', 'auditor')).status).toBe(403);
  expect((await call('GET', '/reviews/search', 'baotou.officer')).status).toBe(403);

  mkdirSync(DOCS_SHOTS, { recursive: true });
  copyFileSync(join(SHOTS, 'institution-reviews.png'), join(DOCS_SHOTS, 'institution-reviews.png'));
  copyFileSync(join(SHOTS, 'expert-score-refused.png'), join(DOCS_SHOTS, 'expert-score.png'));
  expect(Date.now() - started).toBeLessThan(90_000);
  passed = true;
}, 600_000);
