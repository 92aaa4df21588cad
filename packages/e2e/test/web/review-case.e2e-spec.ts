import type { Page } from '@playwright/test';
import { http } from '@firstset/testing';
import { chooseOption, day, expect, inDays, judgeByApi, onePagePdf, pickDate } from './fixtures';
import { PLEDGE, REPORT, REPORT_NEW, REVIEW_GROUP, test, until } from './review-kit';

/**
 * The prefecture review screen in Debian's Chromium against the whole platform: the enterprise's
 * application (a PDF test report uploaded first) is submitted through the API; the Baotou officer
 * filters the queue by field (M4.2), opens the case, reads the credit panel (M7.4(2)), views the
 * PDF, records a verdict and a verification (M7.4, M12.1), and returns the application for
 * correction with an item and a deadline (M7.3). The enterprise replaces the file through the API,
 * then in the browser reads the request, answers each item and resubmits; the officer sees the case
 * marked with its changes and the answers, and recommends it. Every page is checked for English
 * left in the zh-CN UI and for accessibility.
 */
test.use(REVIEW_GROUP);

const PRODUCT = '220吨电动轮矿用自卸车';

test('M7.3, M7.4, M12.1 the Baotou officer reviews a case: credit, PDF, verdict, return for correction, the resubmission\'s changes, recommendation', async ({ web: run, review }) => {
  const { api, tokens, submittedApplication, upload } = review;
  const newPage = () => run.newPage();
  const signIn = (page: Page, username: string) => run.signIn(page, username);
  const shot = (page: Page, name: string) => run.shot(page, name);
  const expectNoEnglish = (page: Page) => run.expectNoEnglish(page);
  const mark = (what: string) => run.mark(what);
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
  await expect(officer.getByLabel('关键词')).toBeVisible();
  const expand = officer.getByText(/^展\s*开$/);
  if (await expand.isVisible()) await expand.click();
  await chooseOption(officer, '所属领域', '大型矿山和冶金装备');
  const search = officer.getByRole('button', { name: /查\s*询|搜\s*索/ });
  await search.click();
  const row = officer.getByRole('row', { name: new RegExp(PRODUCT) });
  // The case arrives by event: the officer searches again until it is listed.
  await expect(async () => {
    await search.click();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row.getByText('大型矿山和冶金装备')).toBeVisible();
  await expectNoEnglish(officer);
  await shot(officer, 'review-queue-field-filter');
  await row.getByRole('button', { name: /^审\s*查$/ }).click();
  await officer.waitForURL(`**/prefecture/applications/${appId}`);

  // The case: applicant, product with its field, state, waiting time; the officer claims it.
  await expect(officer.getByText('包头北方重型装备有限公司').first()).toBeVisible();
  await expect(officer.getByText('大型矿山和冶金装备（EF04）')).toBeVisible();
  await expect(officer.getByTestId('review-state')).toHaveText('已提交');
  await expect(officer.getByTestId('review-waiting')).toHaveText('0 天');
  await expect(officer.getByTestId('review-assignee')).toHaveText('未认领');
  await officer.getByRole('button', { name: /认\s*领/ }).click();
  await expect(officer.getByText('已认领，由您经办')).toBeVisible();
  await expect(officer.getByTestId('review-assignee').getByText('本人（包头市工信局 初审员）', { exact: true })).toBeVisible();

  // The credit panel: no yes/no from the source, so the officer must verify the report (M7.4(2)).
  const credit = officer.getByTestId('credit-panel');
  await expect(credit.getByText('申请单位上传的专项信用报告', { exact: true })).toBeVisible();
  await expect(credit.getByText('请核验专项信用报告', { exact: true })).toBeVisible();
  await expect(credit.getByText(/专项信用报告及其报告验证码/)).toBeVisible();
  await expectNoEnglish(officer);
  await shot(officer, 'review-case');

  // The PDF in the viewer: a frame on a blob URL fetched with the token.
  const testReport = officer.getByTestId('checklist-testReport');
  await testReport.getByRole('button', { name: `查看 ${REPORT}` }).click();
  const viewer = officer.getByRole('dialog');
  await expect(viewer.getByText(`查看材料：${REPORT}`)).toBeVisible();
  const frame = viewer.locator('iframe');
  await expect(frame).toBeVisible();
  const src = (await frame.getAttribute('src'))!;
  expect(src).toMatch(/^blob:/);
  const blob = await officer.evaluate(async (url) => {
    const b = await (await fetch(url)).blob();
    return { type: b.type, head: new TextDecoder().decode(await b.slice(0, 8).arrayBuffer()) };
  }, src);
  expect(blob).toEqual({ type: 'application/pdf', head: '%PDF-1.4' });
  await expect(frame).toHaveAttribute('title', `材料内容：${REPORT}`);
  await shot(officer, 'review-pdf-viewer');
  await officer.keyboard.press('Escape'); // the keyboard closes it
  await expect(viewer).toBeHidden();

  // A verdict on the test report: the institution check is offered there, not on the licence (M5.5).
  await expect(officer.getByTestId('checklist-businessLicence').getByLabel('出具机构具备资质')).toHaveCount(0);
  await testReport.getByLabel('材料齐全').check();
  await testReport.getByLabel('清晰可辨').check();
  await testReport.getByLabel('出具机构具备资质').check();
  await testReport.getByLabel('内容一致').check();
  await testReport.getByLabel('审查意见').fill('检测报告已超过有效期，请提供有效期内的检测报告');
  await testReport.getByRole('button', { name: /保\s*存/ }).click();
  await expect(testReport.getByText('不符合', { exact: true })).toBeVisible();
  await expect(officer.getByText('已审查 1 / ')).toBeVisible();

  // A verification action (M12.1).
  await officer.getByLabel('核查情况').fill('已核对营业执照原件，与上传材料一致');
  await officer.getByRole('button', { name: '记录核查' }).click();
  await expect(officer.getByRole('cell', { name: '已核对营业执照原件，与上传材料一致' })).toBeVisible();
  await expect(officer.getByRole('cell', { name: '原件核对' })).toBeVisible();

  // Return for correction: the failed item comes pre-filled with the comment; a deadline; the articles.
  await officer.getByRole('button', { name: '退回补正' }).click();
  const back = officer.getByRole('dialog');
  await expect(back.getByText('退回补正').first()).toBeVisible();
  await expect(back.getByLabel('补正要求 1')).toHaveValue('检测报告已超过有效期，请提供有效期内的检测报告');
  await back.getByRole('button', { name: '添加补正事项' }).click();
  await back.getByLabel('补正事项 2').fill('研制完成');
  await officer.locator('.ant-select-item-option', { hasText: '研制完成日期' }).click();
  await back.getByRole('button', { name: '退回补正' }).click();
  await expect(back.getByText('请填写补正要求')).toBeVisible(); // the second item has no reason yet
  await back.getByLabel('补正要求 2').fill('研制完成日期与检测报告不一致，请核实');
  const deadline = day(inDays(10));
  await pickDate(back, '补正截止日期（北京时间）', deadline);
  await expect(back.getByText(/企业须在补正截止日期（北京时间，当日含）前补正并重新提交/)).toBeVisible();
  await expectNoEnglish(officer);
  await shot(officer, 'review-return-dialog');
  await back.getByRole('button', { name: '退回补正' }).click();
  await expect(officer.getByText('已退回补正，申请单位将收到通知')).toBeVisible();
  await expect(officer.getByTestId('review-state')).toHaveText('退回补正');
  const outcome = officer.getByTestId('review-outcome');
  await expect(outcome.getByText('5. 产品质量（性能参数）检测报告：检测报告已超过有效期，请提供有效期内的检测报告')).toBeVisible();
  await expect(outcome.getByText('研制完成日期：研制完成日期与检测报告不一致，请核实')).toBeVisible();
  await expect(outcome.getByText(deadline, { exact: true })).toBeVisible();
  await expectNoEnglish(officer);
  mark('returned for correction');

  // The enterprise corrects (a new report, the date) through the API, as the form journey covers uploads.
  await until(read, (a) => a.state === 'RETURNED_FOR_CORRECTION', 'the return to reach intake');
  const materials = ((await http(api, 'GET', `/applications/${appId}/materials`, { token: ent })).body as Array<{ id: string; slotId: string }>).filter((m) => m.slotId === 'testReport');
  for (const m of materials) expect((await http(api, 'DELETE', `/applications/${appId}/materials/${m.id}`, { token: ent })).status).toBeLessThan(300);
  await upload(appId, 'testReport', REPORT_NEW, onePagePdf('Test report NTE220, valid'));
  const corrected = await http(api, 'PATCH', `/applications/${appId}`, { token: ent, body: { expectedRevision: (await read()).revision, rdCompletedOn: `${year - 1}-04-20` } });
  expect(corrected.status).toBe(200);

  // M7.3: in the browser, the enterprise answers the request item by item, then resubmits.
  const asked = (await read()).correction!.items;
  const answerOf = (item: string) => (item === 'testReport' ? '已更换为有效期内的检测报告' : '已按检测报告更正研制完成日期');
  const company = await newPage();
  await signIn(company, 'northsteel');
  await company.goto(`${run.origin}/enterprise/applications/${appId}`);
  const request = company.getByTestId('correction-request');
  await expect(request.getByText('尚未答复').first()).toBeVisible();
  await request.getByRole('button', { name: '逐项答复并修改' }).click();
  await company.locator('.ant-steps-item', { hasText: '检查并提交' }).first().click();
  const problems = company.getByTestId('check-problems');
  await expect(problems.getByText(/尚未答复第 1 项补正要求/)).toBeVisible();
  const answers = company.getByTestId('correction-answers');
  for (const [n, i] of asked.entries()) await answers.getByLabel(`第 ${n + 1} 项答复`).fill(answerOf(i.item));
  await expect(company.getByTestId('autosave-status').getByText(/已自动保存/)).toBeVisible();
  await expect(company.getByText(/尚未答复第 \d 项补正要求/).first()).toHaveCount(0);
  await expectNoEnglish(company);
  await shot(company, 'enterprise-correction-answers');
  // M10.1: a resubmitted version is a new declaration of facts: the pledge is shown and signed again.
  await expect(company.getByTestId('pledge-text')).toHaveText(PLEDGE.textZh);
  await expect(company.getByRole('button', { name: '补正后重新提交' })).toBeDisabled();
  await expect(company.getByText('请先阅读并勾选诚信承诺')).toBeVisible();
  await company.getByRole('checkbox', { name: '本单位已阅读并签署上述诚信承诺' }).check();
  await company.getByRole('button', { name: '补正后重新提交' }).click();
  // The confirmation says what follows (a new version, no more changes, the pledge signed again).
  const confirmResubmit = company.getByRole('dialog').filter({ hasText: '确认重新提交？' });
  await expect(confirmResubmit.getByText(/作为新版本报送.*重新签署诚信承诺/)).toBeVisible();
  await confirmResubmit.getByRole('button', { name: '确认提交' }).click();
  await expect(company.getByTestId('receipt')).toBeVisible();
  expect((await read()).state).toBe('RESUBMITTED');
  // The resubmission's receipt prints the pledge, kept with version 2.
  await expect(company.getByTestId('receipt-pledge')).toHaveText(PLEDGE.textZh);
  const versions = (await http(api, 'GET', `/applications/${appId}/versions`, { token: ent })).body as Array<{ version: number; pledge: { version: string } | null }>;
  expect(versions.map((v) => [v.version, v.pledge?.version])).toEqual([[1, PLEDGE.version], [2, PLEDGE.version]]);
  mark('answered and resubmitted in the browser');

  // The officer sees the case marked as resubmitted, with what changed.
  const marked = officer.getByTestId('review-resubmitted');
  await expect(async () => {
    await officer.getByRole('button', { name: /刷\s*新/ }).click();
    await expect(marked).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(marked).toHaveText('补正版本：第 2 版');
  await expect(officer.getByTestId('review-state')).toHaveText('补正后重新提交');
  const changes = officer.getByTestId('changes-panel');
  await expect(changes.getByText('补正后重新提交：第 1 版 → 第 2 版的修改')).toBeVisible();
  await expect(changes.getByRole('row', { name: new RegExp(`研制完成日期.*${year - 1}-03-15.*${year - 1}-04-20`) })).toBeVisible();
  await expect(changes.getByRole('row', { name: /申报材料/ }).getByText(REPORT_NEW)).toBeVisible();
  // What was asked, with the enterprise's answer under each item.
  await expect(changes.getByTestId('correction-item').filter({ hasText: '检测报告' }).getByText('企业答复：已更换为有效期内的检测报告')).toBeVisible();
  await expect(changes.getByText('企业答复：已按检测报告更正研制完成日期')).toBeVisible();
  await expect(officer.getByTestId('checklist-testReport').getByRole('button', { name: `查看 ${REPORT_NEW}` })).toBeVisible();
  await expectNoEnglish(officer);
  await shot(officer, 'review-resubmitted-changes');

  // The review is not complete (the replaced report, the conditions): the dialog warns, the server
  // refuses, and each open item shows in words at its place on the screen (M7.3, M12.1).
  await officer.getByTestId('review-decisions').getByRole('button', { name: /推\s*荐/ }).click();
  const recommend = officer.getByRole('dialog');
  await expect(recommend.getByText(/推荐将被拒绝并在各项处标出/)).toBeVisible();
  await recommend.getByLabel('推荐意见').fill('补正后材料齐全，符合申报条件，同意推荐。');
  await recommend.getByRole('button', { name: /推\s*荐/ }).click();
  await expect(recommend).toBeHidden();
  await expect(officer.getByTestId('review-open-items').getByText(/^不能推荐：尚有 \d+ 项未完成，已在下方各项处标出$/)).toBeVisible();
  await expect(officer.getByTestId('checklist-testReport').getByTestId('open-item').getByText(/在企业重新报送后已更换，须重新审查/)).toBeVisible();
  const m51 = officer.getByTestId('condition-M5.1');
  await expect(m51.getByTestId('open-item').getByText(/^条件「申请单位为区内注册的独立法人企业.*」尚未判定$/)).toBeVisible();
  await expect(officer.getByTestId('review-state')).toHaveText('补正后重新提交');
  await expectNoEnglish(officer);
  await shot(officer, 'review-recommend-refused');

  // The officer reviews the new report: it passes now (M7.4); the mark at its place goes.
  const newReport = officer.getByTestId('checklist-testReport');
  await newReport.getByLabel('真实有效').check();
  await newReport.getByLabel('审查意见').fill('已提供有效期内的检测报告');
  await newReport.getByRole('button', { name: /保\s*存/ }).click();
  await expect(newReport.getByText('符合', { exact: true })).toBeVisible();
  await expect(newReport.getByTestId('open-item')).toHaveCount(0);
  // A condition judged not met needs a reason; met, it is saved (M12.1). The rest through the API.
  await m51.getByLabel('不满足', { exact: true }).check();
  await m51.getByRole('button', { name: '保存判定' }).click();
  await expect(m51.getByText('判定为不满足或需补正时请写明理由')).toBeVisible();
  await m51.getByLabel('满足', { exact: true }).check();
  await m51.getByRole('button', { name: '保存判定' }).click();
  await expect(m51.getByTestId('open-item')).toHaveCount(0);
  await judgeByApi(api, tokens['baotou.officer'], appId, ['testReport', 'M5.1']);
  await officer.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(officer.getByTestId('review-open-items')).toHaveCount(0);

  // Recommended, with the opinion (M7.3).
  await officer.getByTestId('review-decisions').getByRole('button', { name: /推\s*荐/ }).click();
  await recommend.getByLabel('推荐意见').fill('补正后材料齐全，符合申报条件，同意推荐。');
  await recommend.getByRole('button', { name: /推\s*荐/ }).click();
  await expect(officer.getByText('已推荐至自治区工业和信息化厅')).toBeVisible();
  await expect(officer.getByTestId('review-state')).toHaveText('已推荐');
  await expect(officer.getByTestId('review-outcome').getByText('补正后材料齐全，符合申报条件，同意推荐。')).toBeVisible();
  await expectNoEnglish(officer);
  await shot(officer, 'review-recommended');

  run.mark(`the journey's own time, screens' checks left out: ${(run.journeyMs(started) / 1000).toFixed(1)}s`);
});
