import type { Page } from '@playwright/test';
import { http } from '@firstset/testing';
import { chooseOption, day, expect, inDays, test } from './fixtures';

/**
 * The Department's institutions and commissions (M8.1) in Debian's Chromium against the whole
 * platform: it registers a third-party institution (a malformed credit code is refused at the
 * field), commissions it for a scope (equipment only) of a batch, then ends that commission with
 * a reason and commissions the demo institution for the same scope in the same step; the history
 * shows both. Every screen is checked for English and accessibility.
 */
const SEEDED = '内蒙古自治区工业技术评价中心';
const SEEDED_USCC = '12150000MB1234562H';
const NEW = '内蒙古装备质量评价研究院';
const USCC = '91150105MA0Q8TTT68';

// Credit codes are shown as they are; the language switch names its language.
test.use({ platformGroup: 'department-institutions', allowed: ['English', SEEDED_USCC, USCC] });

/** Presses `button` in the dialog titled `title` and waits until that dialog has closed. */
async function confirm(page: Page, title: string, button: RegExp): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

test('M8.1 M10.3 the Department registers an institution, commissions it for a scope, ends the commission with a reason and recommissions', async ({ web: run, platform }) => {
  const token = await platform.login('dept.admin');
  const year = new Date().getFullYear();
  const batch = await http(platform.api, 'POST', '/batches', {
    token,
    body: { year, name: `${year}年度首台（套）认定`, windowOpensAt: inDays(-3).toISOString(), windowClosesAt: inDays(30).toISOString(), prefectureDeadline: day(inDays(45)) },
  });
  expect(batch.status).toBe(201);

  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '第三方机构', exact: true }).click();
  await expect(dept.getByRole('row').filter({ hasText: SEEDED })).toBeVisible();
  await expect(dept.getByRole('row').filter({ hasText: SEEDED }).getByText('可委托')).toBeVisible();

  // Register: a malformed credit code is refused at the field before anything is sent.
  await dept.getByRole('button', { name: '登记第三方机构' }).click();
  const form = dept.getByRole('dialog').filter({ hasText: '登记第三方机构' });
  await form.getByLabel('机构名称').fill(NEW);
  await form.getByLabel('统一社会信用代码').fill('91150105MA0Q8OOO6');
  await form.getByLabel('资质情况').fill('检验检测机构资质认定，装备制造领域第三方评价');
  await form.getByLabel('联系人').fill('刘洋');
  await form.getByLabel('联系电话').fill('0471-6900000');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form.getByText('统一社会信用代码应为18位，且不含 I、O、S、V、Z')).toBeVisible();
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'department-institution-register');
  await form.getByLabel('统一社会信用代码').fill(USCC);
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form).toBeHidden();
  await expect(dept.getByText(`已登记 ${NEW}`)).toBeVisible();
  const row = dept.getByRole('row').filter({ hasText: NEW });
  await expect(row.getByText(USCC)).toBeVisible();
  await row.getByRole('button', { name: `查看 ${NEW}` }).click();
  const drawer = dept.getByRole('dialog').filter({ hasText: '委托记录' });
  await expect(drawer.getByText('尚无委托记录')).toBeVisible();
  await run.expectNoEnglish(dept);
  await drawer.getByRole('button', { name: /关\s*闭|Close/ }).first().click();

  // Commission the new institution for the batch's equipment (M8.1).
  await dept.getByRole('menuitem', { name: '委托第三方机构' }).click();
  await expect(dept.getByText('该批次尚未委托第三方机构', { exact: false })).toBeVisible();
  await chooseOption(dept, '第三方机构', NEW);
  await dept.getByLabel('产品类别').click();
  await dept.locator('.ant-select-item-option', { hasText: '技术装备首台（套）' }).click();
  await dept.keyboard.press('Escape');
  await dept.getByRole('button', { name: /^委\s*托$/ }).click();
  const sure = dept.getByRole('dialog').filter({ hasText: '确认委托' });
  await expect(sure.getByText(`委托后，${NEW} 将承担本批次（类别：技术装备首台（套））的综合评审`, { exact: false })).toBeVisible();
  await confirm(dept, '确认委托', /^委\s*托$/);
  const open = dept.getByRole('row').filter({ hasText: NEW }).filter({ hasText: '进行中' }).first();
  await expect(open).toBeVisible();
  await expect(open.getByText('类别：技术装备首台（套）')).toBeVisible();
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'department-commission-scoped');

  // End it with a reason, commissioning the demo institution for the same scope (M8.1).
  await open.getByRole('button', { name: /终止委托/ }).click();
  const end = dept.getByRole('dialog').filter({ hasText: `终止对 ${NEW} 的委托` });
  await end.getByRole('button', { name: /确认终止/ }).click();
  await expect(end.getByText('请填写终止原因')).toBeVisible();
  await end.getByLabel('终止原因').fill('机构评审人员不足，无法按期完成评审');
  await chooseOption(end, '接续机构（同一委托范围）', SEEDED);
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'department-commission-end');
  await end.getByRole('button', { name: /确认终止/ }).click();
  await expect(end).toBeHidden();
  await expect(dept.getByText('已终止委托', { exact: false }).first()).toBeVisible();
  const ended = dept.getByRole('row').filter({ hasText: NEW }).filter({ hasText: '已终止' }).first();
  await expect(ended.getByText(`机构评审人员不足，无法按期完成评审 → 接续委托：${SEEDED}`, { exact: false })).toBeVisible();
  await expect(dept.getByRole('row').filter({ hasText: SEEDED }).filter({ hasText: '进行中' }).first()).toBeVisible();
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'department-commission-replaced');

  // The institution's record keeps the ended commission (history).
  await dept.getByRole('menuitem', { name: '第三方机构', exact: true }).click();
  await dept.getByRole('row').filter({ hasText: NEW }).getByRole('button', { name: `查看 ${NEW}` }).click();
  await expect(dept.getByRole('dialog').filter({ hasText: '委托记录' }).getByText('已终止')).toBeVisible();
  await run.checkAccessibility(dept);
  await run.expectNoEnglish(dept);
});
