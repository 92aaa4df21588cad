import { beijingToday, chooseOption, confirmDialog, expect, keepForDocs, onePagePdf, test } from './fixtures';
import { DEMO_ENTERPRISE, DEMO_USCC, seedRecognition } from './recognition-kit';

/**
 * Issue 19, a tracking evaluation (跟踪评价, M12.2; ADR 0026), in the browser against the whole
 * platform. A recognition of the demo enterprise in Baotou is seeded and announced. Baotou's
 * officer requests the year's report with a due date; the enterprise reports in its console with
 * a file; Baotou downloads it and concludes with a serious problem; the Department finds it across prefectures and opens a
 * compliance case from it, whose source names the evaluation. The enterprise never sees the
 * prefecture's conclusion. Shares the compliance journeys' platform (it needs a recognition of its
 * own, not a clean slate).
 */
const TAG = String((Date.now() + 50_000) % 100000);
const YEAR = new Date().getFullYear();
const CERT = `NMSTT-${YEAR}-T${TAG}`;
const PRODUCT = '电动轮矿用自卸车';
// The compliance journey's case (its product NTE-220) may be listed beside ours on the shared platform.
test.use({ platformGroup: 'compliance', allowed: ['English', 'NMSTT', 'NTE', CERT, 'PDF', 'JPG', 'PNG', 'MB', 'KB', '.pdf', 'ZK', 'ZK-360', DEMO_USCC, /GZ-\d{4}-\d{4}/g] });

test('M12.2 Baotou requests the yearly tracking report, the enterprise reports, Baotou concludes; the Department opens a case from the serious finding', async ({ web: run, platform }) => {
  run.t0 = Date.now();
  const { documentNo } = await seedRecognition(platform.env, { tag: TAG, certificateNo: CERT, productName: PRODUCT, series: 'ZK', model: 'ZK-360', year: YEAR });
  run.mark('recognition seeded and announced');

  // Baotou's officer: the valid products of its area, and the year's request to the enterprise.
  const officer = await run.newPage();
  await run.signIn(officer, 'baotou.officer');
  await officer.getByRole('menuitem', { name: '跟踪评价' }).click();
  const product = officer.getByTestId('trackable-products').getByRole('row', { name: new RegExp(`${PRODUCT} ZK-360`) });
  await expect(product).toContainText('未发起');
  await product.getByRole('button', { name: '发起跟踪评价' }).click();
  const request = officer.getByRole('dialog').filter({ hasText: `${YEAR} 年度跟踪评价` });
  await expect(request.getByLabel('报送要求')).toHaveValue(/请报送认定以来产品的销售数量/);
  await run.expectNoEnglish(officer);
  await run.shot(officer, 'tracking-request');
  await request.getByRole('button', { name: '发起跟踪评价' }).click();
  await expect(request).toBeHidden();
  await expect(product).toContainText('待企业报送');
  const due = new Date(Date.parse(`${beijingToday()}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  await expect(product).toContainText(due);
  run.mark('report requested');

  // The enterprise: the request in its console, and its report (once).
  const ent = await run.newPage();
  await run.signIn(ent, 'northsteel');
  await ent.getByRole('menuitem', { name: '跟踪评价' }).click();
  const mine = ent.getByTestId(`tracking-${YEAR}-${documentNo}`);
  await expect(mine).toContainText(due);
  await mine.getByLabel('认定以来销售数量（台/套/批）').fill('12');
  await mine.getByLabel('认定以来销售金额（元）').fill('43200000');
  const customers = mine.getByLabel('主要用户');
  await customers.fill('国家能源集团准格尔能源有限公司');
  await customers.press('Enter');
  await customers.fill('包钢集团白云鄂博铁矿');
  await customers.press('Enter');
  await mine.getByLabel('使用中的性能表现').fill('累计运行 2.1 万小时，出勤率 92%，载重和油耗指标达到认定时的技术指标。');
  await mine.getByLabel('使用中发现的问题').fill('两台车辆的电动轮控制器在冬季低温下多次故障停机，已返厂更换，原因尚在分析。');
  await mine.locator('input[type=file]').setInputFiles({ name: '用户使用报告.pdf', mimeType: 'application/pdf', buffer: onePagePdf() });
  await expect(mine.getByTestId('tracking-files').getByRole('button', { name: /^用户使用报告\.pdf/ })).toBeVisible();
  await run.expectNoEnglish(ent);
  await run.shot(ent, 'tracking-report');
  await mine.getByRole('button', { name: '报送跟踪评价报告' }).click();
  await confirmDialog(ent, '报告报送后不能修改');
  await expect(ent.getByText('企业已报送')).toBeVisible();
  await expect(mine.getByText('国家能源集团准格尔能源有限公司、包钢集团白云鄂博铁矿')).toBeVisible();
  await expect(mine.getByRole('button', { name: '报送跟踪评价报告' })).toHaveCount(0);
  run.mark('the enterprise reported');

  // Baotou reads the report and concludes: a serious problem.
  await officer.reload();
  await officer.getByTestId('tracking-evaluations').getByRole('row', { name: new RegExp(PRODUCT) }).getByRole('button', { name: /^查\s?看$/ }).click();
  const detail = officer.getByTestId('tracking-detail');
  await expect(detail).toContainText('电动轮控制器在冬季低温下多次故障停机');
  // The report's file, downloaded by the prefecture (audited by compliance).
  const [file] = await Promise.all([officer.waitForEvent('download'), detail.getByTestId('tracking-files').getByRole('button', { name: /^用户使用报告\.pdf/ }).click()]);
  expect(file.suggestedFilename()).toBe('用户使用报告.pdf');
  await detail.getByRole('radio', { name: '存在严重问题' }).check();
  await detail.getByLabel('核实情况和评价意见').fill('现场核查发现控制器故障系设计缺陷，与申报时声称的低温适应性不符，建议立案核查。');
  await run.expectNoEnglish(officer);
  await run.shot(officer, 'tracking-conclude');
  await detail.getByRole('button', { name: '作出评价结论' }).click();
  await confirmDialog(officer, '评价结论作出后不能修改');
  await expect(detail.getByText('存在严重问题').first()).toBeVisible();
  await expect(detail.getByRole('button', { name: '作出评价结论' })).toHaveCount(0);
  run.mark('Baotou concluded');

  // The enterprise reads its evaluation without the prefecture's assessment.
  await ent.reload();
  await expect(ent.getByText('已作出结论')).toBeVisible();
  await expect(ent.getByText('存在严重问题')).toHaveCount(0);
  await expect(ent.getByText('设计缺陷')).toHaveCount(0);

  // The Department: the serious findings across prefectures, and a case opened from one.
  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '跟踪评价' }).click();
  // The year by prefecture: Baotou has a concluded evaluation with a serious finding.
  const baotou = dept.getByTestId('tracking-summary').getByRole('row', { name: /^包头市/ });
  await expect(baotou.locator('.ant-typography-danger')).toHaveText(/^[1-9]\d*$/);
  await baotou.getByRole('button', { name: '包头市' }).click();
  await expect(dept).toHaveURL(/prefecture=150200/);
  await chooseOption(dept, '评价结论', '存在严重问题');
  await expect(dept).toHaveURL(/conclusion=serious_problem/);
  const row = dept.getByTestId('tracking-evaluations').getByRole('row', { name: new RegExp(PRODUCT) });
  await expect(row).toContainText('包头市');
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'tracking-department');
  await row.getByRole('button', { name: /^查\s?看$/ }).click();
  await dept.getByTestId('tracking-detail').getByRole('button', { name: '立案处理' }).click();
  const open = dept.getByRole('dialog').filter({ hasText: '立案：拟作出的处理' });
  await expect(open.getByLabel('查明的事实')).toHaveValue(/包头市 \d{4} 年度跟踪评价发现：现场核查发现控制器故障系设计缺陷/);
  await open.getByRole('button', { name: /^立\s?案$/ }).click();
  await expect(open).toBeHidden();
  await expect(dept).toHaveURL(/\/department\/compliance-cases\?case=/);
  const caseDrawer = dept.getByRole('dialog').filter({ hasText: /案件 GZ-\d{4}-\d{4}/ });
  await expect(caseDrawer).toContainText(DEMO_ENTERPRISE);
  await expect(caseDrawer).toContainText(`跟踪评价 ${YEAR}（150200`);
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'tracking-case-opened');
  // The case's source leads back to the evaluation.
  await caseDrawer.getByRole('link', { name: '盟市跟踪评价发现的问题' }).click();
  await expect(dept).toHaveURL(/\/department\/tracking-evaluations\?evaluation=/);
  await expect(dept.getByTestId('tracking-detail')).toContainText('与申报时声称的低温适应性不符');
  run.mark('case opened from the finding');
  keepForDocs('tracking-report', 'enterprise-tracking-report');
  keepForDocs('tracking-department', 'department-tracking');
});
