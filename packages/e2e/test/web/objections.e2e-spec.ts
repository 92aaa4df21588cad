import { http } from '@firstset/testing';
import { beijingToday, confirmDialog, expect, test } from './fixtures';
import { onePagePdf } from '../one-page-pdf';
import { UPLOADED_FILE_NAMES } from '../complete-application';
import { reviewKit, type ReviewKit } from './comprehensive-review-kit';
import { applicationInPublicity } from './publicity-kit';

/**
 * Issue 18 item 3, objections as cases (M9.2, M9.3; ADR 0025), in the browser against the whole
 * platform. Through the API an application is reviewed, decided and published today. A member of
 * the public objects on a phone-sized screen with a PDF of evidence and keeps the receipt number;
 * a second objection comes through the API. The Department admits both and asks Baotou about the
 * first; Baotou's officer answers with a file, and the Department downloads the objector's evidence
 * and the answer's file from the case. It dismisses the first (the
 * entry stays held: the second is still open) and upholds the second: the entry leaves the list.
 * The objector reads the outcome on the follow page with the receipt number and phone.
 */
test.use({ platformGroup: 'objections', allowed: ['English', 'NTE220', 'NTE', 'PDF', 'JPG', 'JPEG', 'PNG', 'MB', 'KB', '销售合同.pdf', '核查记录.pdf', '2026-XXXX-XXXX', /\d{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/g, UPLOADED_FILE_NAMES] });

let kit: ReviewKit;

test.beforeAll(async ({ platform }) => {
  kit = await reviewKit(platform);
});

test('M9.2, M9.3 the public objects twice; Baotou answers with a file, the Department downloads the files, dismisses one and upholds the other; the objector follows the case', async ({ web: run, platform }) => {
  run.t0 = Date.now();
  const { entryId, applicationNo } = await applicationInPublicity(kit, platform.env);
  run.mark('set-up through the API');

  // A member of the public, on a phone, without an account.
  const pub = await run.newPage();
  await pub.setViewportSize({ width: 390, height: 844 });
  await pub.goto(`${run.origin}/public/objections/new?entry=${entryId}`);
  await pub.getByLabel('姓名或单位名称').fill('张三');
  await pub.getByLabel('联系电话').fill('13800000001');
  await pub.getByLabel('异议内容和理由').fill('该型号产品早在三年前即已在区外批量销售，不属于首台（套）。');
  await pub.locator('input[type=file]').setInputFiles({ name: '销售合同.pdf', mimeType: 'application/pdf', buffer: onePagePdf() });
  await run.expectNoEnglish(pub);
  await pub.getByRole('button', { name: '提交异议' }).click();
  await confirmDialog(pub, '异议一经提交不能修改', /提交异议/);
  const receipt = pub.getByTestId('receipt-no');
  await expect(receipt).toContainText(/\d{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/);
  const receiptNo = (await receipt.innerText()).match(/\d{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/)![0];
  await run.shot(pub, 'objection-receipt');
  run.mark('objection lodged in the browser');

  // A second objection to the same entry, through the API.
  const second = await http(platform.api, 'POST', '/public/objections', {
    body: { entryId, objectorName: '某装备有限公司', objectorKind: 'organization', phone: '0471-6600000', grounds: '该产品的核心部件为引进技术，不符合认定条件。' },
  });
  expect(second.status).toBe(201);

  // The Department: both cases are in its table; it admits the first and asks Baotou.
  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '公示异议' }).click();
  const table = dept.getByTestId('objections');
  await expect(table.getByRole('row').filter({ hasText: applicationNo })).toHaveCount(2);
  await table.getByRole('button', { name: `办理 ${receiptNo}` }).click();
  const drawer = dept.getByTestId('objection-detail');
  await expect(drawer).toContainText('销售合同.pdf');
  await drawer.getByLabel('意见和理由').fill('理由具体，证据可核，予以受理调查。');
  await drawer.getByRole('button', { name: '受理审查' }).click();
  await confirmDialog(dept, '确定提交受理审查结论吗');
  await expect(drawer).toContainText('调查核实中');
  await expect(drawer).toContainText('异议核查中');
  // Baotou is asked (through the API); its officer attaches a file to the answer and answers.
  const first = ((await kit.call('GET', '/objections?status=under_investigation', 'dept.admin')).body as Array<{ id: string; receiptNo: string; version: number }>).find((o) => o.receiptNo === receiptNo)!;
  const asked = await kit.call('POST', `/objections/${first.id}/inquiries`, 'dept.admin', { expectedVersion: first.version, party: 'prefecture', question: '请核实该产品的首次销售时间。', dueOn: beijingToday() });
  expect(asked.status).toBe(200);
  const pref = await run.newPage();
  await run.signIn(pref, 'baotou.officer');
  await pref.getByRole('menuitem', { name: '异议核查' }).click();
  const inquiry = pref.locator('.ant-card-small').filter({ hasText: '请核实该产品的首次销售时间。' }).filter({ hasText: applicationNo });
  await inquiry.locator('input[type=file]').setInputFiles({ name: '核查记录.pdf', mimeType: 'application/pdf', buffer: onePagePdf() });
  await expect(inquiry.getByTestId('answer-files')).toContainText('核查记录.pdf');
  await inquiry.getByLabel('答复', { exact: true }).fill('经核实，首次销售在研制完成之后，销售记录附后。');
  await inquiry.getByRole('button', { name: '提交答复' }).click();
  await confirmDialog(pref, '答复提交后不能修改', /提交答复/);
  await expect(inquiry).toContainText('已答复');
  await run.expectNoEnglish(pref);
  run.mark('Baotou answered with a file');

  // The Department downloads the objector's evidence and the answer's file from the case (the open case is in the URL: read afresh).
  await dept.reload();
  await expect(drawer).toContainText('经核实，首次销售在研制完成之后');
  for (const name of ['销售合同.pdf', '核查记录.pdf']) {
    const download = dept.waitForEvent('download');
    await drawer.getByTestId('objection-file').filter({ hasText: name }).click();
    expect((await download).suggestedFilename()).toBe(name);
  }
  const secondNo = (second.body as { receiptNo: string }).receiptNo;
  const id2 = ((await kit.call('GET', '/objections?status=received', 'dept.admin')).body as Array<{ id: string; receiptNo: string; version: number }>).find((o) => o.receiptNo === secondNo)!;
  expect((await kit.call('POST', `/objections/${id2.id}/assessment`, 'dept.admin', { expectedVersion: id2.version, outcome: 'under_investigation', reason: '予以受理调查。' })).status).toBe(200);

  // The first is dismissed: the entry stays held, the second is still under investigation.
  await drawer.getByLabel('理由', { exact: true }).fill('经盟市核实，首次销售在研制完成之后，异议不成立。');
  await drawer.getByRole('button', { name: '作出结论' }).click();
  await confirmDialog(dept, '结论作出后不能更改');
  await expect(drawer).toContainText('异议不成立');
  await expect(drawer).toContainText('异议核查中');
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'department-objection');
  await dept.keyboard.press('Escape');

  // The second is upheld: the entry leaves the list.
  await table.getByRole('button', { name: `办理 ${secondNo}` }).click();
  await drawer.getByRole('radio', { name: '异议成立（移出名单）' }).check();
  await drawer.getByLabel('理由', { exact: true }).fill('经核实，核心部件为引进技术，异议成立。');
  await drawer.getByRole('button', { name: '作出结论' }).click();
  await confirmDialog(dept, '结论作出后不能更改');
  await expect(drawer).toContainText('异议成立，移出名单');
  run.mark('both cases decided in the browser');
  await kit.until(() => kit.call('GET', '/notifications?pageSize=100', 'northsteel'), (r) => JSON.stringify(r.body).includes('公示异议成立'), 'the enterprise told of the upheld objection');

  // The objector follows the first case: dismissed, with the reasons.
  await pub.goto(`${run.origin}/public/objections/follow`);
  await pub.getByLabel('回执号').fill(receiptNo);
  await pub.getByLabel('联系电话').fill('13800000009');
  await pub.getByRole('button', { name: /查\s*询/ }).click();
  await expect(pub.getByText('回执号或电话不正确，请核对后重试。')).toBeVisible();
  await pub.getByLabel('联系电话').fill('13800000001');
  await pub.getByRole('button', { name: /查\s*询/ }).click();
  const view = pub.getByTestId('objection-case');
  await expect(view).toContainText('异议不成立');
  await expect(view).toContainText('经盟市核实，首次销售在研制完成之后，异议不成立。');
  await expect(view).toContainText('销售合同.pdf');
  await expect(view).not.toContainText('某装备有限公司');
  await expect(view).not.toContainText('张三');
  await run.expectNoEnglish(pub);
  await run.shot(pub, 'objection-follow');
  run.mark('the objector read the outcome');
});
