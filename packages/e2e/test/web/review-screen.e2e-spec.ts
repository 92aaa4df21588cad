import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { cleanupTestEnv, eventually, http, newTestEnv, REPO_ROOT, schemaOf } from '@firstset/testing';
import { Platform, startPlatform } from '../platform';
import { day, DEMO as demo, inDays, judgeByApi, launchChromium, onePagePdf, pickDate, WebRun } from './browser-kit';
import { completeViaApi, submitViaApi, UPLOADED_FILE_NAMES } from '../complete-application';

/**
 * The prefecture review screen in Debian's Chromium against the whole platform: the Department
 * opens a batch and the enterprise applies through the API (a PDF test report uploaded first); the
 * Baotou officer filters the queue by field (M4.2), opens the case, reads the credit panel
 * (M7.4(2)), views the PDF, records a verdict and a verification (M7.4, M12.1), and returns the
 * application for correction with an item and a deadline (M7.3). The enterprise replaces the file
 * through the API, then in the browser reads the request, answers each item and resubmits; the
 * officer sees the case marked with its changes and the answers, and recommends it.
 * Every page is checked for English left in the zh-CN UI.
 */
const env = newTestEnv();

const PRODUCT = '220吨电动轮矿用自卸车';
const REPORT = '整机性能检测报告.pdf';
const REPORT_NEW = '整机性能检测报告（有效期内）.pdf';
const PLEDGE = INNER_MONGOLIA_DRAFT_PROFILE.truthfulnessPledge;

let platform: Platform;
let browser: Browser;
let run: WebRun;
let api: string;

/**
 * Data typed by the test may carry Latin letters; the UI's own words may not. M4.2 field codes
 * (EF01–EF18) are codes, not words: antd's select also reads option values to screen readers.
 */
const ALLOWED = [REPORT_NEW, REPORT, 'NTE220', 'NTE', 'WK-35', 'WK', 'XJ-2', 'XJ', 'JJ-1', 'JJ', 'English', '91150200MA0N4KXX4C', 'Excel', 'PDF', /EF\d{2}/g, UPLOADED_FILE_NAMES, PLEDGE.version];
const newPage = () => run.newPage();
const signIn = (page: Page, username: string) => run.signIn(page, username);
const shot = (page: Page, name: string) => run.shot(page, name);
const mark = (what: string) => run.mark(what);
const expectNoEnglish = (page: Page) => run.expectNoEnglish(page);
const smallPdf = (text: string) => onePagePdf(text);

/** Waits for an event to travel: polls `read` until `ok`. */
const until = <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string) => eventually(read, ok, { what, timeoutMs: 60_000 });

async function login(username: string): Promise<string> {
  const res = await http(api, 'POST', '/auth/login', { body: { username, password: demo.password } });
  expect([username, res.status]).toEqual([username, 200]);
  return (res.body as { accessToken: string }).accessToken;
}

async function upload(token: string, applicationId: string, slotId: string, fileName: string, body: Buffer): Promise<{ id: string }> {
  const res = await fetch(`${api}/applications/${applicationId}/materials/${slotId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) },
    body,
  });
  const reply = (await res.json()) as { id: string; code?: string };
  expect([res.status, reply.code]).toEqual([201, undefined]);
  return reply;
}

const APPROVER = { username: 'baotou.approver', displayName: '包头市工信局 审批人', role: 'prefecture_officer', prefectureId: '150200' };
const tokens: Record<string, string> = {};
let batchId: string;

/** A second Baotou officer for two-step approval (the demo data has one): seeded as the demo seed does. */
async function seedApprover(): Promise<void> {
  const { seedAccounts } = (await import(join(REPO_ROOT, 'apps', 'gateway', 'dist', 'accounts', 'seed-accounts.js'))) as { seedAccounts(db: unknown, a: unknown[]): Promise<number> };
  const { createPrisma } = (await import(join(REPO_ROOT, 'apps', 'gateway', 'dist', 'prisma.js'))) as { createPrisma(c: unknown): { $disconnect(): Promise<void> } };
  const db = createPrisma({ databaseUrl: env.databaseUrl, dbSchema: schemaOf(env, 'gateway') });
  await seedAccounts(db, [{ ...APPROVER, password: demo.password }]);
  await db.$disconnect();
}

/** The enterprise's application in the M4.2 field EF04 with a PDF test report, submitted to Baotou. */
async function submittedApplication(productName: string, series: string, model: string): Promise<string> {
  const ent = tokens.northsteel;
  const year = new Date().getFullYear();
  const created = await http(api, 'POST', '/applications', {
    token: ent,
    body: { batchId, productKind: 'FIRST_SET_EQUIPMENT', productName, series, model, rdCompletedOn: `${year - 1}-03-15` },
  });
  expect(created.status).toBe(201);
  const appId = (created.body as { id: string }).id;
  // Complete: every declaration (M2, M5, M6) and a file in every slot that applies (M7.4), the test report named.
  await completeViaApi(api, ent, appId, { catalogueEntryCode: 'EF04' }, ['testReport']);
  await upload(ent, appId, 'testReport', REPORT, smallPdf(`Test report ${model}`));
  expect((await submitViaApi(api, ent, appId)).status).toBe(200);
  return appId;
}

/** Opens the case by its address and waits until it has arrived (by event) from intake. */
async function openCase(page: Page, appId: string, productName: string): Promise<void> {
  await page.goto(`${run.origin}/prefecture/applications/${appId}`);
  const title = page.getByText(productName, { exact: true });
  for (let i = 0; i < 40 && !(await title.isVisible()); i++) {
    await page.waitForTimeout(250);
    const retry = page.getByRole('button', { name: /重\s*试/ });
    if (await retry.isVisible()) await retry.click();
  }
  await title.waitFor();
}

beforeAll(async () => {
  platform = await startPlatform(env);
  api = platform.baseUrl;
  browser = await launchChromium();
  run = new WebRun(browser, platform.baseUrl.replace(/\/api$/, ''), ALLOWED);
  // Set-up through the API: a second Baotou officer, the batch, the enterprise profile.
  await seedApprover();
  for (const u of ['dept.admin', 'northsteel', 'baotou.officer', APPROVER.username]) tokens[u] = await login(u);
  const year = new Date().getFullYear();
  const batch = await http(api, 'POST', '/batches', {
    token: tokens['dept.admin'],
    body: {
      year,
      name: `${year}年度首台（套）技术装备、关键零部件和新材料首批（次）认定`,
      windowOpensAt: inDays(-3).toISOString(),
      windowClosesAt: inDays(30).toISOString(),
      prefectureDeadline: day(inDays(45)),
    },
  });
  expect(batch.status).toBe(201);
  batchId = (batch.body as { id: string }).id;
  const profile = await http(api, 'PUT', '/enterprise/profile', {
    token: tokens.northsteel,
    body: { name: '包头北方重型装备有限公司', registeredAddress: '内蒙古自治区包头市青山区装备制造产业园区', addressDivisionCode: '150204' },
  });
  expect(profile.status).toBeLessThan(300);
}, 600_000);

let passed = false;

afterEach(async () => {
  if (!passed) await run?.shotOpenPages('review-last-');
});

afterAll(async () => {
  process.stdout.write(`review screen timings:\n  ${run?.timings.join('\n  ')}\n`);
  await browser?.close();
  await platform?.stop();
  await cleanupTestEnv(env);
});

it('M7.3, M7.4, M12.1 the Baotou officer reviews a case: credit, PDF, verdict, return for correction, the resubmission\'s changes, recommendation', async () => {
  passed = false;
  const started = Date.now();
  run.t0 = started;
  const year = new Date().getFullYear();

  // Set-up through the API: the application with a PDF, submitted.
  const ent = tokens.northsteel;
  const appId = await submittedApplication(PRODUCT, 'NTE', 'NTE220');
  const read = async () =>
    (await http(api, 'GET', `/applications/${appId}`, { token: ent })).body as { revision: number; state: string; correction: { items: Array<{ item: string }> } | null };
  mark('set-up through the API');

  // The officer filters the queue by the M4.2 field and opens the case.
  const officer = await newPage();
  await signIn(officer, 'baotou.officer');
  await officer.getByRole('menuitem', { name: '初审队列' }).click();
  await officer.getByLabel('关键词').waitFor();
  const expand = officer.getByText(/^展\s*开$/);
  if (await expand.isVisible()) await expand.click();
  await officer.getByLabel('所属领域').click();
  await officer.locator('.ant-select-item-option', { hasText: '大型矿山和冶金装备' }).click();
  const search = officer.getByRole('button', { name: /查\s*询|搜\s*索/ });
  await search.click();
  const row = officer.getByRole('row', { name: new RegExp(PRODUCT) });
  for (let i = 0; i < 40 && !(await row.isVisible()); i++) {
    await officer.waitForTimeout(250);
    if (i % 4 === 3) await search.click();
  }
  await row.getByText('大型矿山和冶金装备').waitFor();
  await expectNoEnglish(officer);
  await shot(officer, 'review-queue-field-filter');
  await row.getByRole('button', { name: /^审\s*查$/ }).click();
  await officer.waitForURL(`**/prefecture/applications/${appId}`);

  // The case: applicant, product with its field, state, waiting time; the officer claims it.
  await officer.getByText('包头北方重型装备有限公司').first().waitFor();
  await officer.getByText('大型矿山和冶金装备（EF04）').waitFor();
  await expect(officer.getByTestId('review-state').innerText()).resolves.toBe('已提交');
  await expect(officer.getByTestId('review-waiting').innerText()).resolves.toBe('0 天');
  await expect(officer.getByTestId('review-assignee').innerText()).resolves.toBe('未认领');
  await officer.getByRole('button', { name: /认\s*领/ }).click();
  await officer.getByText('已认领，由您经办').waitFor();
  await officer.getByTestId('review-assignee').getByText('本人（包头市工信局 初审员）', { exact: true }).waitFor();

  // The credit panel: no yes/no from the source, so the officer must verify the report (M7.4(2)).
  const credit = officer.getByTestId('credit-panel');
  await credit.getByText('申请单位上传的专项信用报告', { exact: true }).waitFor();
  await credit.getByText('请核验专项信用报告', { exact: true }).waitFor();
  await credit.getByText(/专项信用报告及其报告验证码/).waitFor();
  await expectNoEnglish(officer);
  await shot(officer, 'review-case');

  // The PDF in the viewer: a frame on a blob URL fetched with the token.
  const testReport = officer.getByTestId('checklist-testReport');
  await testReport.getByRole('button', { name: `查看 ${REPORT}` }).click();
  const viewer = officer.getByRole('dialog');
  await viewer.getByText(`查看材料：${REPORT}`).waitFor();
  const frame = viewer.locator('iframe');
  await frame.waitFor();
  const src = (await frame.getAttribute('src'))!;
  expect(src).toMatch(/^blob:/);
  const blob = await officer.evaluate(async (url) => {
    const b = await (await fetch(url)).blob();
    return { type: b.type, head: new TextDecoder().decode(await b.slice(0, 8).arrayBuffer()) };
  }, src);
  expect(blob).toEqual({ type: 'application/pdf', head: '%PDF-1.4' });
  await expect(frame.getAttribute('title')).resolves.toBe(`材料内容：${REPORT}`);
  await shot(officer, 'review-pdf-viewer');
  await officer.keyboard.press('Escape'); // the keyboard closes it
  await viewer.waitFor({ state: 'hidden' });

  // A verdict on the test report: the institution check is offered there, not on the licence (M5.5).
  await expect(officer.getByTestId('checklist-businessLicence').getByLabel('出具机构具备资质').count()).resolves.toBe(0);
  await testReport.getByLabel('材料齐全').check();
  await testReport.getByLabel('清晰可辨').check();
  await testReport.getByLabel('出具机构具备资质').check();
  await testReport.getByLabel('内容一致').check();
  await testReport.getByLabel('审查意见').fill('检测报告已超过有效期，请提供有效期内的检测报告');
  await testReport.getByRole('button', { name: /保\s*存/ }).click();
  await testReport.getByText('不符合', { exact: true }).waitFor();
  await officer.getByText('已审查 1 / ').waitFor();

  // A verification action (M12.1).
  await officer.getByLabel('核查情况').fill('已核对营业执照原件，与上传材料一致');
  await officer.getByRole('button', { name: '记录核查' }).click();
  await officer.getByRole('cell', { name: '已核对营业执照原件，与上传材料一致' }).waitFor();
  await officer.getByRole('cell', { name: '原件核对' }).waitFor();

  // Return for correction: the failed item comes pre-filled with the comment; a deadline; the articles.
  await officer.getByRole('button', { name: '退回补正' }).click();
  const back = officer.getByRole('dialog');
  await back.getByText('退回补正').first().waitFor();
  await expect(back.getByLabel('补正要求 1').inputValue()).resolves.toBe('检测报告已超过有效期，请提供有效期内的检测报告');
  await back.getByRole('button', { name: '添加补正事项' }).click();
  await back.getByLabel('补正事项 2').fill('研制完成');
  await officer.locator('.ant-select-item-option', { hasText: '研制完成日期' }).click();
  await back.getByRole('button', { name: '退回补正' }).click();
  await back.getByText('请填写补正要求').waitFor(); // the second item has no reason yet
  await back.getByLabel('补正要求 2').fill('研制完成日期与检测报告不一致，请核实');
  const deadline = day(inDays(10));
  await pickDate(back, '补正截止日期（北京时间）', deadline);
  await back.getByText(/企业须在补正截止日期（北京时间，当日含）前补正并重新提交/).waitFor();
  await expectNoEnglish(officer);
  await shot(officer, 'review-return-dialog');
  await back.getByRole('button', { name: '退回补正' }).click();
  await officer.getByText('已退回补正，申请单位将收到通知').waitFor();
  await expect(officer.getByTestId('review-state').innerText()).resolves.toBe('退回补正');
  const outcome = officer.getByTestId('review-outcome');
  await outcome.getByText('5. 产品质量（性能参数）检测报告：检测报告已超过有效期，请提供有效期内的检测报告').waitFor();
  await outcome.getByText('研制完成日期：研制完成日期与检测报告不一致，请核实').waitFor();
  await outcome.getByText(deadline, { exact: true }).waitFor();
  await expectNoEnglish(officer);
  mark('returned for correction');

  // The enterprise corrects (a new report, the date) through the API, as the form journey covers uploads.
  await until(read, (a) => a.state === 'RETURNED_FOR_CORRECTION', 'the return to reach intake');
  const materials = ((await http(api, 'GET', `/applications/${appId}/materials`, { token: ent })).body as Array<{ id: string; slotId: string }>).filter((m) => m.slotId === 'testReport');
  for (const m of materials) expect((await http(api, 'DELETE', `/applications/${appId}/materials/${m.id}`, { token: ent })).status).toBeLessThan(300);
  await upload(ent, appId, 'testReport', REPORT_NEW, smallPdf('Test report NTE220, valid'));
  const corrected = await http(api, 'PATCH', `/applications/${appId}`, { token: ent, body: { expectedRevision: (await read()).revision, rdCompletedOn: `${year - 1}-04-20` } });
  expect(corrected.status).toBe(200);

  // M7.3: in the browser, the enterprise answers the request item by item, then resubmits.
  const asked = (await read()).correction!.items;
  const answerOf = (item: string) => (item === 'testReport' ? '已更换为有效期内的检测报告' : '已按检测报告更正研制完成日期');
  const company = await newPage();
  await signIn(company, 'northsteel');
  await company.goto(`${run.origin}/enterprise/applications/${appId}`);
  const request = company.getByTestId('correction-request');
  await request.getByText('尚未答复').first().waitFor();
  await request.getByRole('button', { name: '逐项答复并修改' }).click();
  await company.locator('.ant-steps-item', { hasText: '检查并提交' }).first().click();
  const problems = company.getByTestId('check-problems');
  await problems.getByText(/尚未答复第 1 项补正要求/).waitFor();
  const answers = company.getByTestId('correction-answers');
  for (const [n, i] of asked.entries()) await answers.getByLabel(`第 ${n + 1} 项答复`).fill(answerOf(i.item));
  await company.getByTestId('autosave-status').getByText(/已自动保存/).waitFor();
  await company.getByText(/尚未答复第 \d 项补正要求/).first().waitFor({ state: 'detached' });
  await expectNoEnglish(company);
  await shot(company, 'enterprise-correction-answers');
  // M10.1: a resubmitted version is a new declaration of facts: the pledge is shown and signed again.
  expect(await company.getByTestId('pledge-text').innerText()).toBe(PLEDGE.textZh);
  expect(await company.getByRole('button', { name: '补正后重新提交' }).isDisabled()).toBe(true);
  await company.getByText('请先阅读并勾选诚信承诺').waitFor();
  await company.getByRole('checkbox', { name: '本单位已阅读并签署上述诚信承诺' }).check();
  await company.getByRole('button', { name: '补正后重新提交' }).click();
  // The confirmation says what follows (a new version, no more changes, the pledge signed again).
  const confirmResubmit = company.getByRole('dialog').filter({ hasText: '确认重新提交？' });
  await confirmResubmit.getByText(/作为新版本报送.*重新签署诚信承诺/).waitFor();
  await confirmResubmit.getByRole('button', { name: '确认提交' }).click();
  await company.getByTestId('receipt').waitFor();
  expect((await read()).state).toBe('RESUBMITTED');
  // The resubmission's receipt prints the pledge, kept with version 2.
  expect(await company.getByTestId('receipt-pledge').innerText()).toBe(PLEDGE.textZh);
  const versions = (await http(api, 'GET', `/applications/${appId}/versions`, { token: ent })).body as Array<{ version: number; pledge: { version: string } | null }>;
  expect(versions.map((v) => [v.version, v.pledge?.version])).toEqual([[1, PLEDGE.version], [2, PLEDGE.version]]);
  mark('answered and resubmitted in the browser');
  await officer.bringToFront(); // its dialogs open in a foreground tab

  // The officer sees the case marked as resubmitted, with what changed.
  const marked = officer.getByTestId('review-resubmitted');
  for (let i = 0; i < 40 && !(await marked.isVisible()); i++) {
    await officer.getByRole('button', { name: /刷\s*新/ }).click();
    await officer.waitForTimeout(250);
  }
  await expect(marked.innerText()).resolves.toBe('补正版本：第 2 版');
  await expect(officer.getByTestId('review-state').innerText()).resolves.toBe('补正后重新提交');
  const changes = officer.getByTestId('changes-panel');
  await changes.getByText('补正后重新提交：第 1 版 → 第 2 版的修改').waitFor();
  await changes.getByRole('row', { name: new RegExp(`研制完成日期.*${year - 1}-03-15.*${year - 1}-04-20`) }).waitFor();
  await changes.getByRole('row', { name: /申报材料/ }).getByText(REPORT_NEW).waitFor();
  // What was asked, with the enterprise's answer under each item.
  await changes.getByTestId('correction-item').filter({ hasText: '检测报告' }).getByText('企业答复：已更换为有效期内的检测报告').waitFor();
  await changes.getByText('企业答复：已按检测报告更正研制完成日期').waitFor();
  await officer.getByTestId('checklist-testReport').getByRole('button', { name: `查看 ${REPORT_NEW}` }).waitFor();
  await expectNoEnglish(officer);
  await shot(officer, 'review-resubmitted-changes');

  // The review is not complete (the replaced report, the conditions): the dialog warns, the server
  // refuses, and each open item shows in words at its place on the screen (M7.3, M12.1).
  await officer.getByTestId('review-decisions').getByRole('button', { name: /推\s*荐/ }).click();
  const recommend = officer.getByRole('dialog');
  await recommend.getByText(/推荐将被拒绝并在各项处标出/).waitFor();
  await recommend.getByLabel('推荐意见').fill('补正后材料齐全，符合申报条件，同意推荐。');
  await recommend.getByRole('button', { name: /推\s*荐/ }).click();
  await recommend.waitFor({ state: 'hidden' });
  await officer.getByTestId('review-open-items').getByText(/^不能推荐：尚有 \d+ 项未完成，已在下方各项处标出$/).waitFor();
  await officer.getByTestId('checklist-testReport').getByTestId('open-item').getByText(/在企业重新报送后已更换，须重新审查/).waitFor();
  const m51 = officer.getByTestId('condition-M5.1');
  await m51.getByTestId('open-item').getByText(/^条件「申请单位为区内注册的独立法人企业.*」尚未判定$/).waitFor();
  await expect(officer.getByTestId('review-state').innerText()).resolves.toBe('补正后重新提交');
  await expectNoEnglish(officer);
  await shot(officer, 'review-recommend-refused');

  // The officer reviews the new report: it passes now (M7.4); the mark at its place goes.
  const newReport = officer.getByTestId('checklist-testReport');
  await newReport.getByLabel('真实有效').check();
  await newReport.getByLabel('审查意见').fill('已提供有效期内的检测报告');
  await newReport.getByRole('button', { name: /保\s*存/ }).click();
  await newReport.getByText('符合', { exact: true }).waitFor();
  await newReport.getByTestId('open-item').waitFor({ state: 'detached' });
  // A condition judged not met needs a reason; met, it is saved (M12.1). The rest through the API.
  await m51.getByLabel('不满足', { exact: true }).check();
  await m51.getByRole('button', { name: '保存判定' }).click();
  await m51.getByText('判定为不满足或需补正时请写明理由').waitFor();
  await m51.getByLabel('满足', { exact: true }).check();
  await m51.getByRole('button', { name: '保存判定' }).click();
  await m51.getByTestId('open-item').waitFor({ state: 'detached' });
  await judgeByApi(api, tokens['baotou.officer'], appId, ['testReport', 'M5.1']);
  await officer.getByRole('button', { name: /刷\s*新/ }).click();
  await officer.getByTestId('review-open-items').waitFor({ state: 'detached' });

  // Recommended, with the opinion (M7.3).
  await officer.getByTestId('review-decisions').getByRole('button', { name: /推\s*荐/ }).click();
  await recommend.getByLabel('推荐意见').fill('补正后材料齐全，符合申报条件，同意推荐。');
  await recommend.getByRole('button', { name: /推\s*荐/ }).click();
  await officer.getByText('已推荐至自治区工业和信息化厅').waitFor();
  await expect(officer.getByTestId('review-state').innerText()).resolves.toBe('已推荐');
  await officer.getByTestId('review-outcome').getByText('补正后材料齐全，符合申报条件，同意推荐。').waitFor();
  await expectNoEnglish(officer);
  await shot(officer, 'review-recommended');

  expect(Date.now() - started).toBeLessThan(90_000);
  passed = true;
}, 600_000);

it('two-step approval: a drafted rejection is sent back with a reason the drafter reads; a drafted recommendation is approved by the other officer', async () => {
  passed = false;
  run.t0 = Date.now();
  const product = '大型矿用挖掘机回转支承';
  const appId = await submittedApplication(product, 'WK', 'WK-35');
  const on = await http(api, 'PUT', '/preliminary-review/settings/approval', { token: tokens['dept.admin'], body: { twoStepApproval: true, prefectureId: '150200' } });
  expect(on.status).toBe(200);

  // The first officer drafts a rejection: it waits for another officer; the drafter may only withdraw.
  const drafter = await newPage();
  await signIn(drafter, 'baotou.officer');
  await openCase(drafter, appId, product);
  await drafter.getByRole('button', { name: /认\s*领/ }).click();
  await drafter.getByText('已认领，由您经办').waitFor();
  const decisions = drafter.getByTestId('review-decisions');
  await decisions.getByText(/本盟市已启用两级审批/).waitFor();
  await decisions.getByRole('button', { name: '不予通过' }).click();
  const reject = drafter.getByRole('dialog');
  await reject.getByLabel('不予通过理由').fill('产品研制完成时间早于办法规定期限');
  await reject.getByRole('button', { name: '不予通过' }).click();
  await drafter.getByText('决定已提交，等待本盟市另一名经办人审批').waitFor();
  const draft = drafter.getByTestId('review-draft');
  await draft.getByText(/^待审批决定：由本人（包头市工信局 初审员）于 .* 起草$/).waitFor();
  await draft.getByText('产品研制完成时间早于办法规定期限', { exact: true }).waitFor();
  await draft.getByRole('button', { name: /撤\s*回/ }).waitFor();
  await expect(draft.getByRole('button', { name: /批\s*准/ }).count()).resolves.toBe(0);
  await expect(drafter.getByTestId('review-state').innerText()).resolves.toBe('已提交');
  await expectNoEnglish(drafter);
  await shot(drafter, 'review-draft-pending');

  // The other officer sees who drafted it and sends it back with a reason.
  const approver = await newPage();
  await signIn(approver, APPROVER.username);
  await openCase(approver, appId, product);
  const pending = approver.getByTestId('review-draft');
  // Other officers by name, from the prefecture's list of officers.
  await pending.getByText(/^待审批决定：由包头市工信局 初审员于 .* 起草$/).waitFor();
  await expect(approver.getByTestId('review-assignee').innerText()).resolves.toBe('包头市工信局 初审员');
  await pending.getByRole('button', { name: /退回起草人/ }).click();
  const sendBack = approver.getByRole('dialog');
  await sendBack.getByRole('button', { name: /退回起草人/ }).click();
  await sendBack.getByText('请填写理由').waitFor();
  await sendBack.getByLabel('理由').fill('研制完成时间在规定期限内，请先核实后再作决定');
  await sendBack.getByRole('button', { name: /退回起草人/ }).click();
  await approver.getByText('已退回起草人').waitFor();
  await expectNoEnglish(approver);

  // The approver takes the case over with the assign dialog, choosing from the prefecture's officers.
  await approver.getByTestId('review-assign').click();
  const assign = approver.getByRole('dialog');
  await assign.getByLabel('经办人').click();
  await approver.locator('.ant-select-item-option', { hasText: '包头市工信局 审批人' }).click();
  await shot(approver, 'review-assign-dialog');
  await assign.getByRole('button', { name: /分\s*派/ }).click();
  await approver.getByText('已分派').waitFor();
  await approver.getByTestId('review-assignee').getByText('本人（包头市工信局 审批人）', { exact: true }).waitFor();
  // Back to the drafter's tab: a background tab's dialogs may not finish opening, and a click is lost.
  await drafter.bringToFront();
  await drafter.getByRole('button', { name: /刷\s*新/ }).click();
  await drafter.getByTestId('review-assignee').getByText('包头市工信局 审批人', { exact: true }).waitFor();

  // The drafter reads why.
  const discarded = drafter.getByTestId('review-draft-discarded');
  for (let i = 0; i < 20 && !(await discarded.isVisible()); i++) {
    await drafter.getByRole('button', { name: /刷\s*新/ }).click();
    await drafter.waitForTimeout(250);
  }
  await discarded.getByText(/^您起草的“不予通过”决定已被包头市工信局 审批人于 .* 退回$/).waitFor();
  await discarded.getByText('理由：研制完成时间在规定期限内，请先核实后再作决定').waitFor();
  await expectNoEnglish(drafter);
  await shot(drafter, 'review-draft-sent-back');

  // A drafted recommendation, approved by the other officer: it takes effect (the review judged through the API).
  await judgeByApi(api, tokens['baotou.officer'], appId);
  await drafter.getByRole('button', { name: /刷\s*新/ }).click();
  await decisions.getByRole('button', { name: /推\s*荐/ }).click();
  const recommend = drafter.getByRole('dialog');
  await recommend.getByLabel('推荐意见').fill('材料齐全，符合申报条件，同意推荐。');
  await recommend.getByRole('button', { name: /推\s*荐/ }).click();
  await drafter.getByText('决定已提交，等待本盟市另一名经办人审批').waitFor();
  await approver.bringToFront();
  await approver.getByRole('button', { name: /刷\s*新/ }).click();
  await pending.getByText('材料齐全，符合申报条件，同意推荐。', { exact: true }).waitFor();
  await pending.getByRole('button', { name: /批\s*准/ }).click();
  const approve = approver.getByRole('dialog');
  await approve.getByText('批准后该决定立即生效，确定批准吗？').waitFor();
  await approve.getByRole('button', { name: /批\s*准/ }).click();
  await approver.getByText('已批准，决定已生效').waitFor();
  await expect(approver.getByTestId('review-state').innerText()).resolves.toBe('已推荐');
  await approver.getByTestId('review-outcome').getByText('材料齐全，符合申报条件，同意推荐。').waitFor();
  await expectNoEnglish(approver);
  await shot(approver, 'review-draft-approved');

  // The English switch translates the screen.
  await approver.getByRole('button', { name: '语言' }).click();
  await approver.getByTestId('review-outcome').getByText('Decision taken').waitFor();
  await approver.getByText('Formal review (M7.4)').waitFor();
  passed = true;
}, 600_000);

it('M7.3 a recommendation after the summary is sent goes to the Department in a supplement (补报) with its own letter; the Department sees both', async () => {
  passed = false;
  run.t0 = Date.now();
  const officerToken = tokens['baotou.officer'];
  const call = (method: string, path: string, token: string, body?: unknown) => http(api, method, path, { token, body });
  expect((await call('PUT', '/preliminary-review/settings/approval', tokens['dept.admin'], { twoStepApproval: false, prefectureId: '150200' })).status).toBe(200);

  // Through the API: one application recommended, another returned with a deadline after the summary; the summary is sent.
  const product = '矿用智能掘进机器人';
  const onTime = await submittedApplication('井下防爆巡检机器人', 'XJ', 'XJ-2');
  const late = await submittedApplication(product, 'JJ', 'JJ-1');
  for (const id of [onTime, late]) await until(() => call('GET', `/preliminary-review/applications/${id}`, officerToken), (r) => r.status === 200, 'the case in Baotou');
  await judgeByApi(api, officerToken, onTime);
  expect((await call('POST', `/preliminary-review/applications/${onTime}/recommend`, officerToken, { opinion: '同意推荐。' })).status).toBe(200);
  const returned = await call('POST', `/preliminary-review/applications/${late}/return`, officerToken, { items: [{ item: 'testReport', reason: '检测报告缺页' }], deadline: day(inDays(10)), measuresIds: ['M7.4'] });
  expect(returned.status).toBe(200);
  expect((await call('POST', '/preliminary-review/summaries', officerToken, { batchId })).status).toBe(201);

  // The enterprise resubmits within its correction deadline, after the summary.
  const ent = tokens.northsteel;
  const read = async () => (await call('GET', `/applications/${late}`, ent)).body as { revision: number; state: string };
  await until(read, (a) => a.state === 'RETURNED_FOR_CORRECTION', 'the return to reach intake');
  const answered = await call('PATCH', `/applications/${late}`, ent, { expectedRevision: (await read()).revision, correctionAnswers: [{ item: 'testReport', answer: '已补齐缺页' }] });
  expect(answered.status).toBe(200);
  // Unsigned (400) or signed with an outdated pledge (422): refused at the field, nothing resubmitted (M10.1).
  const unsigned = await call('POST', `/applications/${late}/resubmit`, ent, {});
  expect([unsigned.status, JSON.stringify(unsigned.body.errors)]).toEqual([400, expect.stringContaining('pledgeVersion')]);
  const outdated = await call('POST', `/applications/${late}/resubmit`, ent, { pledgeVersion: 'nmg-pledge-2020-1' });
  expect([outdated.status, outdated.body.code, outdated.body.errors[0].field]).toEqual([422, 'PLEDGE_VERSION_OUTDATED', 'pledgeVersion']);
  expect((await read()).state).toBe('RETURNED_FOR_CORRECTION');
  expect((await call('POST', `/applications/${late}/resubmit`, ent, { pledgeVersion: PLEDGE.version })).status).toBe(200);
  await until(() => call('GET', `/preliminary-review/applications/${late}`, officerToken), (r) => (r.body as { state: string }).state === 'RESUBMITTED', 'the resubmission in Baotou');

  // The officer recommends it in the browser: the summary is sent, so it will follow in a supplement.
  const officer = await newPage();
  await signIn(officer, 'baotou.officer');
  await openCase(officer, late, product);
  await judgeByApi(api, officerToken, late);
  await officer.getByRole('button', { name: /刷\s*新/ }).click();
  await officer.getByText('已判定 11 / 11 项').waitFor();
  await officer.getByTestId('review-decisions').getByRole('button', { name: /推\s*荐/ }).click();
  const recommend = officer.getByRole('dialog');
  await recommend.getByText(/汇总已报送的，列入补报/).waitFor();
  await recommend.getByLabel('推荐意见').fill('补正后符合申报条件，同意补报推荐。');
  await recommend.getByRole('button', { name: /推\s*荐/ }).click();
  await officer.getByText('已推荐至自治区工业和信息化厅').waitFor();

  // The summary page: the summary as sent, the one waiting for a supplement; the supplement is confirmed and sent.
  await officer.getByRole('menuitem', { name: '汇总报送' }).click();
  const supplements = officer.getByTestId('summary-supplements');
  await supplements.getByTestId('summary-pending').getByText(new RegExp(`待补报 1 项：包头北方重型装备有限公司（${product}）`)).waitFor();
  await officer.getByTestId('summary-status').getByText(/汇总已于 .* 报送/).waitFor();
  await officer.getByLabel('签发人').fill('包头市工信局 王局长');
  await supplements.getByRole('button', { name: /补\s*报/ }).click();
  const sure = officer.getByRole('dialog').filter({ hasText: '确认补报' });
  await sure.getByText(/这 1 项申请将提交自治区工业和信息化厅，与已报送的汇总一并综合评审，补报不能修改或撤回/).waitFor();
  await shot(officer, 'prefecture-supplement-confirm');
  await sure.getByRole('button', { name: /补\s*报/ }).click();
  await officer.getByTestId('summary-done').getByText('已补报，共 1 项').waitFor();
  await supplements.getByText(/^第 1 次补报：.*，1 项$/).waitFor();
  const [letter] = await Promise.all([officer.waitForEvent('download'), supplements.getByRole('button', { name: '导出第 1 次补报推荐函（PDF）' }).click()]);
  expect(letter.suggestedFilename()).toMatch(/^\d{4}年度包头市补报1推荐函\.pdf$/);
  await expectNoEnglish(officer);
  await shot(officer, 'prefecture-supplement-sent');

  // The Department sees the summary and its supplement, each with its letter.
  const dept = await newPage();
  await signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '各盟市进度' }).click();
  const baotou = dept.getByRole('row', { name: /包头市/ });
  await baotou.getByText('补报 1 次').waitFor();
  await baotou.getByRole('button', { name: '查看汇总' }).click();
  const drawer = dept.getByRole('dialog');
  await drawer.getByTestId('summary-part-0').getByText(/井下防爆巡检机器人/).waitFor();
  await drawer.getByTestId('summary-part-1').getByText(/^第 1 次补报（.*）$/).waitFor();
  await drawer.getByTestId('summary-part-1').getByText(new RegExp(`${product}.*补正后符合申报条件，同意补报推荐。`)).waitFor();
  await expectNoEnglish(dept);
  await shot(dept, 'department-summary-supplement');
  passed = true;
}, 600_000);
