import type { Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';

/**
 * The console's foundations in the browser (issue 16, ADR 0016): a deep link opened signed out
 * comes back after sign-in with its query; a list's filter lives in the URL and survives a reload;
 * a case opened in a new tab of the same browser is signed in, and signing out in one tab ends
 * every tab; another role's workspace and an unknown path say the page is not there; the auditor's
 * view of the Department's workspace says it is read only.
 */
// No batch needed: it shares the accounts journeys' platform.
test.use({ platformGroup: 'accounts-and-reference-data', allowed: ['English', 'Demo', '150200'] });

async function signInHere(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO.password);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
}

test('a deep link survives sign-in, filters live in the URL, every tab shares one session', async ({ web: run }) => {
  const page = await run.newPage();
  const deepLink = '/prefecture/queue?state=SUBMITTED';
  await page.goto(`${run.origin}${deepLink}`);
  await expect(page).toHaveURL(`${run.origin}/login?next=${encodeURIComponent(deepLink)}`);
  await run.checkAccessibility(page);
  await signInHere(page, 'baotou.officer');
  await expect(page).toHaveURL(`${run.origin}${deepLink}`);
  // The filter the URL names is the one the search form holds (folded away under 展开), and a reload keeps it.
  await expect(page.getByTitle('已提交', { exact: true })).toBeAttached();
  await page.reload();
  await expect(page).toHaveURL(`${run.origin}${deepLink}`);
  await expect(page.getByTitle('已提交', { exact: true })).toBeAttached();
  await run.expectNoEnglish(page);

  // A new tab of the same browser is signed in as the same officer.
  const tab = await page.context().newPage();
  await tab.goto(`${run.origin}/prefecture/summary`);
  await expect(tab.getByTestId('current-user')).toContainText('包头市工信局 初审员');
  await expect(tab).toHaveURL(`${run.origin}/prefecture/summary`);

  // Another role's workspace is not there for this officer; neither is an unknown path.
  await tab.goto(`${run.origin}/department/batches`);
  await expect(tab.getByText('页面不存在', { exact: true })).toBeVisible();
  await tab.goto(`${run.origin}/nowhere`);
  await expect(tab.getByText('页面不存在', { exact: true })).toBeVisible();

  // Signing out in the first tab ends the session in the other one too.
  await tab.goto(`${run.origin}/prefecture/summary`);
  await expect(tab.getByTestId('current-user')).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(tab).toHaveURL(`${run.origin}/login?next=${encodeURIComponent('/prefecture/summary')}`);
  await tab.goto(`${run.origin}/prefecture/queue`);
  await expect(tab).toHaveURL(/\/login\?next=%2Fprefecture%2Fqueue$/);

  // Signing in in one tab signs the other in as well: it goes on to the page it asked for.
  await signInHere(page, 'baotou.officer');
  await expect(tab).toHaveURL(`${run.origin}/prefecture/queue`);
  await tab.close();
});

test("the auditor's view of the Department's workspace says it is read only", async ({ web: run }) => {
  const page = await run.newPage();
  await run.signIn(page, 'auditor');
  await page.getByRole('menuitem', { name: '年度申报批次' }).click();
  await expect(page.getByTestId('auditor-read-only')).toContainText('审计只读视图');
  await run.expectNoEnglish(page);
});
