import { beijingToday, chooseOption, confirmDialog, expect, keepForDocs, pickDate, test } from './fixtures';
import { DEMO_USCC as USCC, seedRecognition } from './recognition-kit';

/**
 * Issue 19, a revocation with a hearing (M10.2; ADR 0026), in the browser against the whole
 * platform. A recognition of the demo enterprise is in publicity's registry and known to
 * compliance (seeded and announced, since issuing is its own journey). The Department opens a case
 * and notifies the enterprise with a deadline; the enterprise reads the notice in its console and
 * states its case; the Department decides: the recognition is revoked and the applicant banned for
 * three years, both in the registry with their decision notice; the public sees them listed and the
 * product's verification says revoked. Its own platform: the demo enterprise ends up banned.
 */
const TAG = String(Date.now() % 100000);
const YEAR = new Date().getFullYear();
const CERT = `NMSTT-${YEAR}-C${TAG}`;
test.use({ platformGroup: 'compliance', allowed: ['English', 'NMSTT', CERT, `C${TAG}`, 'NTE', 'NTE-220', USCC, /GZ-\d{4}-\d{4}/g, /EF\d{2}/g] });

test('M10.2 the Department opens a case, notifies the enterprise, hears it and revokes; the registry, the public list and the verification show it', async ({ web: run, platform }) => {
  run.t0 = Date.now();
  await seedRecognition(platform.env, { tag: TAG, certificateNo: CERT, productName: '矿用自卸车', series: 'NTE', model: 'NTE-220', year: YEAR });
  run.mark('set-up through the database and the bus');

  // The Department opens the case against the recognized product and notifies the enterprise.
  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '违规处理' }).click();
  await expect(dept.getByText('暂无案件')).toBeVisible();
  await dept.getByRole('button', { name: /^立\s?案$/ }).click();
  const open = dept.getByRole('dialog').filter({ hasText: '立案：拟作出的处理' });
  await chooseOption(open, '认定产品', '包头北方重型装备有限公司 · 矿用自卸车 NTE-220');
  await open.getByLabel('查明的事实').fill('申报材料中的三份销售合同系伪造，合同相对方书面否认签订。');
  await open.getByLabel('案件来源').fill('公示异议回执 2026-2345-6789');
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'compliance-open-case');
  await open.getByRole('button', { name: /^立\s?案$/ }).click();
  await expect(open).toBeHidden();
  const drawer = dept.getByRole('dialog').filter({ hasText: /案件 GZ-\d{4}-\d{4}/ });
  await expect(drawer.getByText('已立案', { exact: true })).toBeVisible();
  const deadline = new Date(Date.parse(`${beijingToday()}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  await pickDate(drawer, '陈述、申辩截止日期', deadline);
  // The picker's Enter may already have submitted the form (its only field): then the confirmation is up.
  const confirmNotice = dept.getByRole('dialog').filter({ hasText: '确认向当事人发出告知书' });
  await expect(async () => {
    if (!(await confirmNotice.isVisible())) await drawer.getByRole('button', { name: '告知当事人' }).click({ timeout: 2_000 });
    await expect(confirmNotice).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await confirmDialog(dept, '确认向当事人发出告知书');
  await expect(drawer.getByText('已告知，待陈述申辩')).toBeVisible();
  await expect(drawer.getByText(`请于 ${deadline} 前通过平台提交陈述、申辩意见及证据`)).toBeVisible();
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'compliance-case-notified');
  run.mark('case opened and notified');

  // The enterprise reads the notice in its console and states its case.
  const ent = await run.newPage();
  await run.signIn(ent, 'northsteel');
  await ent.getByRole('menuitem', { name: '处理告知' }).click();
  await expect(ent.getByText('撤销认定').first()).toBeVisible();
  await expect(ent.getByText(`请于 ${deadline} 前`)).toBeVisible();
  await ent.getByLabel('陈述、申辩意见').fill('合同系经办人员整理材料时的失误，并非故意伪造，请求从轻处理。');
  await run.expectNoEnglish(ent);
  await run.shot(ent, 'compliance-statement');
  await ent.getByRole('button', { name: '提交陈述、申辩' }).click();
  await confirmDialog(ent, '陈述、申辩只能提交一次');
  await expect(ent.getByText('已收到陈述申辩').first()).toBeVisible();
  await expect(ent.getByRole('button', { name: '提交陈述、申辩' })).toHaveCount(0);
  run.mark('the enterprise stated its case');

  // The Department reads the statement and decides: revocation, with the three-year ban (M10.2).
  await dept.reload();
  await expect(drawer.getByText('合同系经办人员整理材料时的失误')).toBeVisible();
  await drawer.getByLabel('决定理由').fill('经核查，销售合同系伪造，陈述理由不能成立。');
  await drawer.getByRole('button', { name: '作出处理决定' }).click();
  await confirmDialog(dept, '确认作出处理决定');
  await expect(drawer.getByText('已作出处理决定')).toBeVisible();
  await dept.keyboard.press('Escape');
  await dept.getByRole('menuitem', { name: '处理记录' }).click();
  const ban = dept.getByRole('row', { name: /三年内不得申报/ });
  await expect(ban).toContainText('执行中');
  await expect(dept.getByRole('row', { name: /撤销认定/ })).toContainText('无固定期限');
  await ban.getByRole('button', { name: /展开行|Expand row/ }).click();
  await expect(dept.getByText(/前依法申请行政复议/)).toBeVisible();
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'compliance-sanctions');
  run.mark('decided; the registry holds both measures');

  // The public: the sanctions in force, and the product's verification says revoked.
  const pub = await run.newPage();
  await pub.goto(`${run.origin}/public?tab=sanctions`);
  await expect(pub.getByTestId('public-sanctions').getByRole('row', { name: /三年内不得申报/ })).toContainText('包头北方重型装备有限公司');
  await run.expectNoEnglish(pub);
  await run.shot(pub, 'public-sanctions');
  await pub.goto(`${run.origin}/public/verify?no=${encodeURIComponent(CERT)}`);
  await expect(pub.getByRole('region', { name: / · / }).getByText('已撤销', { exact: true })).toBeVisible();
  await run.shot(pub, 'public-verify-revoked');
  keepForDocs('compliance-sanctions', 'department-sanctions');
});
