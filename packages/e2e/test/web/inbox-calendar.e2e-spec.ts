import { eventually, http } from '@firstset/testing';
import { day, expect, explainOf, inDays, keepForDocs, pickDate, test } from './fixtures';
import { completeViaApi, submitViaApi, UPLOADED_FILE_NAMES } from '../complete-application';

/**
 * In Debian's Chromium against the whole platform: the Department edits and confirms a year of the
 * working-day calendar (a make-up working day on a weekday refused at its field, nothing saved);
 * the auditor reads it without edits; a body the server refuses shows the server's own Chinese
 * message under the field; the enterprise finds the notice of its rejected application in its inbox
 * and marks it read. Every page is checked for English left in the zh-CN UI.
 */
/** The language switch, data the test typed, the article it cited (application numbers are digits). */
test.use({ platformGroup: 'inbox-calendar', allowed: ['English', 'NTE360', 'NTE', 'M6.5', UPLOADED_FILE_NAMES], fullPageShots: true });

const YEAR = new Date().getFullYear() + 2; // beyond the seeded years
const PRODUCT = '360吨电动轮矿用自卸车';
let api: string;
let appId: string;
let ent: string;

test.beforeAll(async ({ platform }) => {
  api = platform.api;
  const login = platform.login;
  // Set-up through the API: this year's batch, the enterprise's profile and a draft application.
  const year = new Date().getFullYear();
  const batch = await http(api, 'POST', '/batches', {
    token: await login('dept.admin'),
    body: { year, name: `${year}年度首台（套）认定`, windowOpensAt: inDays(-3).toISOString(), windowClosesAt: inDays(30).toISOString(), prefectureDeadline: day(inDays(45)) },
  });
  expect(batch.status).toBe(201);
  ent = await login('northsteel');
  const profile = await http(api, 'PUT', '/enterprise/profile', {
    token: ent,
    body: { name: '包头北方重型装备有限公司', registeredAddress: '内蒙古自治区包头市青山区装备制造产业园区', addressDivisionCode: '150204' },
  });
  expect(profile.status).toBeLessThan(300);
  const created = await http(api, 'POST', '/applications', {
    token: ent,
    body: { batchId: batch.body.id, productKind: 'FIRST_SET_EQUIPMENT', productName: PRODUCT, series: 'NTE', model: 'NTE360', rdCompletedOn: `${year - 1}-03-15` },
  });
  expect(created.status).toBe(201);
  appId = created.body.id;
});

test('M9.2 the Department enters a year of holidays and make-up working days, a weekday make-up day is refused at its field with nothing saved, then confirms the year', async ({ web: run }) => {
  const page = await run.newPage();
  await run.signIn(page, 'dept.admin');
  await page.getByRole('menuitem', { name: '节假日日历' }).click();
  await expect(page.getByText('节假日与调休日历')).toBeVisible();
  await page.getByLabel('要录入的年度').fill(String(YEAR));
  await page.getByRole('button', { name: '新增年度' }).click();
  await expect(page.getByText('该年度未确认，涉及该年度的公示期无法计算。')).toBeVisible();

  await page.getByLabel('依据的通知').fill(`国务院办公厅关于${YEAR}年部分节假日安排的通知`);
  await page.getByTestId('calendar-holidays').getByRole('button', { name: '添加一天' }).click();
  await pickDate(page, '节假日 1 日期', `${YEAR}-01-01`);
  await page.getByLabel('节假日 1 名称', { exact: true }).fill('元旦');
  await page.getByTestId('calendar-makeupWorkdays').getByRole('button', { name: '添加一天' }).click();
  // A Wednesday: make-up working days fall on weekends.
  const weekday = [...Array(7).keys()].map((i) => new Date(Date.UTC(YEAR, 0, 3 + i))).find((d) => d.getUTCDay() === 3)!;
  await pickDate(page, '调休上班日 1 日期', weekday.toISOString().slice(0, 10));
  await page.getByLabel('调休上班日 1 名称', { exact: true }).fill('元旦调休上班');
  await page.getByLabel('确认该年度日历（确认后公示期即按此计算）').check();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(explainOf(page.getByLabel('调休上班日 1 日期', { exact: true })).getByText('调休上班日应为周六或周日')).toBeVisible();
  await expect(page.getByText('有 1 处内容需要修改，未保存').first()).toBeVisible();
  await run.expectNoEnglish(page);
  await run.shot(page, 'calendar-field-refused');
  const unsaved = (await http(api, 'GET', '/public/calendar')).body as { years: Array<{ year: number }> };
  expect(unsaved.years.map((y) => y.year)).not.toContain(YEAR);

  // The Saturday after: accepted; saved and confirmed in one request.
  const saturday = new Date(weekday.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
  await pickDate(page, '调休上班日 1 日期', saturday);
  await expect(explainOf(page.getByLabel('调休上班日 1 日期', { exact: true }))).toHaveCount(0);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(`${YEAR} 年日历已保存并确认`).first()).toBeVisible();
  await expect(page.getByTestId(`calendar-year-${YEAR}`).getByText('已确认')).toBeVisible();
  await expect(page.getByTestId('calendar-month').getByText('元旦', { exact: true })).toBeVisible();
  await run.expectNoEnglish(page);
  // The screenshot for the docs without the passing toasts.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 60_000 });
  await run.shot(page, 'calendar-confirmed');
  keepForDocs('calendar-confirmed', 'department-calendar');
  const saved = (await http(api, 'GET', '/public/calendar')).body as { years: Array<{ year: number; confirmed: boolean }>; entries: Array<{ date: string; kind: string; nameZh: string }> };
  expect(saved.years.find((y) => y.year === YEAR)).toMatchObject({ confirmed: true });
  expect(saved.entries.filter((e) => e.date.startsWith(`${YEAR}-`))).toEqual([
    { date: `${YEAR}-01-01`, kind: 'holiday', nameZh: '元旦' },
    { date: saturday, kind: 'makeup_workday', nameZh: '元旦调休上班' },
  ]);

  // The auditor reads the same calendar without a way to change it.
  const auditor = await run.newPage();
  await run.signIn(auditor, 'auditor');
  await auditor.getByRole('menuitem', { name: '节假日日历' }).click();
  await expect(auditor.getByText('只读：仅自治区工信厅可修改日历。')).toBeVisible();
  await expect(auditor.getByRole('button', { name: /保\s*存/ })).toHaveCount(0);
  await run.expectNoEnglish(auditor);
});

test('a body the server refuses shows the server\'s Chinese message under the field, and nothing of it is saved', async ({ web: run }) => {
  const page = await run.newPage();
  await run.signIn(page, 'northsteel');
  await page.goto(`${run.origin}/enterprise/applications/${appId}/edit`);
  await page.getByLabel('产品系列').fill('');
  await expect(explainOf(page.getByLabel('产品系列')).getByText('不能为空', { exact: true })).toBeVisible();
  await run.expectNoEnglish(page);
  await run.shot(page, 'inbox-calendar-server-field-message');
  const draft = await http(api, 'GET', `/applications/${appId}`, { token: ent });
  expect(draft.body.series).toBe('NTE');
  await page.getByLabel('产品系列').fill('NTE');
  await expect(page.getByTestId('autosave-status').getByText(/^已自动保存/)).toBeVisible();
});

test('the enterprise finds the notice of its rejected application in its inbox, unread first, and marks it read', async ({ web: run, platform }) => {
  // The application submitted, and rejected by Baotou (through the API); the notice arrives by event.
  await completeViaApi(api, ent, appId, { catalogueEntryCode: 'EF04' });
  expect((await submitViaApi(api, ent, appId)).status).toBe(200);
  const officer = await platform.login('baotou.officer');
  await eventually(async () => (await http(api, 'GET', `/preliminary-review/applications/${appId}`, { token: officer })).status, (status) => status === 200, { what: 'the case at Baotou' });
  const rejected = await http(api, 'POST', `/preliminary-review/applications/${appId}/reject`, {
    token: officer,
    body: { reason: '产品研制完成时间早于办法规定期限', measuresIds: ['M6.5'] },
  });
  expect(rejected.status).toBe(200);
  await eventually(async () => (await http(api, 'GET', '/notifications', { token: ent })).body.unread as number, (unread) => unread === 1, { what: 'the notice' });

  const page = await run.newPage();
  await run.signIn(page, 'northsteel');
  const menu = page.getByRole('menuitem', { name: /消息通知/ });
  await expect(menu.getByTestId('unread-badge').getByText('1')).toBeVisible();
  await menu.click();
  const notice = page.getByTestId('notice').first();
  await expect(notice.getByText('申请初审未通过')).toBeVisible();
  await expect(notice.getByText('产品研制完成时间早于办法规定期限', { exact: false })).toBeVisible();
  await expect(notice).toHaveAttribute('data-unread', 'true');
  await expect(page.getByTestId('inbox-summary').getByText('1 条未读，共 1 条')).toBeVisible();
  await run.expectNoEnglish(page);
  await run.shot(page, 'inbox-unread');
  keepForDocs('inbox-unread', 'enterprise-inbox');

  await notice.getByRole('button', { name: '标为已读' }).click();
  await expect(page.getByTestId('inbox-summary').getByText('0 条未读，共 1 条')).toBeVisible();
  await expect(notice.getByText('已读', { exact: true })).toBeVisible();
  await expect(menu.getByTestId('unread-badge')).toHaveCount(0);
  expect((await http(api, 'GET', '/notifications', { token: ent })).body).toMatchObject({ unread: 0, total: 1 });
  await notice.getByRole('button', { name: '查看申报' }).click();
  await page.waitForURL(`**/enterprise/applications/${appId}`);
  await expect(page.getByTestId('application-state').getByText('初审未通过')).toBeVisible();
  await run.expectNoEnglish(page);
});
