import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from '@firstset/testing';
import { expect, test, type WebRun } from './fixtures';

/**
 * Identity in the browser (issue 14 item 3, issue 13 item 9): the Department creates a second
 * Baotou officer on its officer-accounts page; the officer's first sign-in leads to the account
 * page and nowhere else until a password of their own is chosen; the officer then enables an
 * authenticator code, and the next sign-in asks for it. Every page also runs under the web app's
 * Content-Security-Policy: the fixture fails the journey on any violation.
 */
test.use({
  platformGroup: 'accounts-and-reference-data',
  allowed: ['English', 'baotou.second', 'otpauth', /[A-Z2-7]{32}/g, /otpauth:\/\/\S+/g, 'Demo', '150200', '150100', '150600', 'dept.admin', 'baotou.officer', 'hohhot.officer', 'ordos.officer'],
});

const INITIAL = 'Initial#Pass-2026';
const OWN = 'Second-Own#2026';

async function totpCode(secretBase32: string, atMs: number): Promise<string> {
  const { base32Decode, totp } = (await import(join(REPO_ROOT, 'apps', 'gateway', 'dist', 'auth', 'totp.js'))) as {
    base32Decode(s: string): Buffer;
    totp(secret: Buffer, atMs: number): string;
  };
  return totp(base32Decode(secretBase32), atMs);
}

async function signInAs(run: WebRun, page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${run.origin}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
}

test('the Department adds a second officer; the first sign-in forces a new password; the officer enables an authenticator code', async ({ web: run }) => {
  // The Department creates the officer, bound to Baotou, with an initial password.
  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  // The policy holds and the kit sees a breach: an injected inline script is refused and reported.
  await dept.evaluate(`document.head.appendChild(Object.assign(document.createElement('script'), { textContent: 'window.inlineRan = true' }))`);
  // Both reports of the refusal: the page's event and Chromium's console line.
  await expect.poll(() => run.cspViolations.map((v) => v.directive).sort()).toEqual(['console', 'script-src-elem']);
  run.cspViolations.splice(0);
  expect(await dept.evaluate('window.inlineRan')).toBeUndefined();
  await dept.getByRole('menuitem', { name: '盟市经办人账号' }).click();
  await expect(dept.getByRole('heading', { name: '盟市经办人账号' })).toBeVisible();
  await dept.getByLabel('所属盟市').click();
  await dept.getByTitle('包头市（150200）').click();
  await dept.getByLabel('用户名').fill('baotou.second');
  await dept.getByLabel('姓名或职务').fill('包头市工信局 审批人');
  // A common password is refused at the field, by the server's policy.
  await dept.getByLabel('初始密码').fill('Password123');
  await dept.getByRole('button', { name: '创建账号' }).click();
  await expect(dept.getByText('是常见密码，容易被猜中')).toBeVisible();
  await dept.getByLabel('初始密码').fill(INITIAL);
  await dept.getByRole('button', { name: '创建账号' }).click();
  await expect(dept.getByRole('cell', { name: 'baotou.second' })).toBeVisible();
  await expect(dept.getByText('尚未修改初始密码')).toBeVisible();
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'department-officer-accounts');

  // The officer's first sign-in: the account page, and nothing else, until the password is changed.
  const officer = await run.newPage();
  await signInAs(run, officer, 'baotou.second', INITIAL);
  await expect(officer.getByText('该账号由他人创建，首次登录须设置自己的密码')).toBeVisible();
  await officer.goto(`${run.origin}/prefecture/queue`);
  await officer.waitForURL('**/account/security');
  await expect(officer.getByText('该账号由他人创建，首次登录须设置自己的密码')).toBeVisible();
  await expect(officer.getByRole('menuitem', { name: '初审队列' })).toHaveCount(0);
  await run.expectNoEnglish(officer);
  await run.shot(officer, 'account-forced-password-change');
  await officer.getByLabel('当前密码').fill(INITIAL);
  await officer.getByLabel('新密码', { exact: true }).fill(OWN);
  await officer.getByLabel('再次输入新密码').fill(OWN);
  await officer.getByRole('button', { name: '修改密码' }).click();
  await officer.waitForURL('**/workspace');
  await expect(officer.getByRole('menuitem', { name: '初审队列' })).toBeVisible();

  // The officer enables the second factor: a secret to type into an app, confirmed with a code.
  await officer.getByRole('button', { name: '账号安全' }).click();
  await officer.getByRole('button', { name: '开始启用' }).click();
  const secret = (await officer.getByTestId('totp-secret').innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await run.shot(officer, 'account-totp-enrolment');
  await officer.getByLabel('验证码').fill(await totpCode(secret, Date.now()));
  await officer.getByRole('button', { name: '确认启用' }).click();
  await expect(officer.getByText('已启用', { exact: true })).toBeVisible();
  await officer.getByRole('button', { name: '退出登录' }).click();

  // The next sign-in asks for the code; a code of the next step (the current one was spent).
  await signInAs(run, officer, 'baotou.second', OWN);
  await expect(officer.getByLabel('动态验证码')).toBeVisible();
  await officer.getByLabel('动态验证码').fill(await totpCode(secret, Date.now() + 30_000));
  await officer.getByRole('button', { name: /^登\s?录$/ }).click();
  await expect(officer.getByText('工作台首页')).toBeVisible();
  await run.expectNoEnglish(officer);
});
