import type { Page } from '@playwright/test';
import { expect, type WebRun } from './fixtures';

// What the workspace homes' journeys share (workspace-homes*.e2e-spec.ts).

/** The home's count of one kind of work, as the card shows it. */
export const countOn = async (page: Page, key: string) => Number((await page.getByTestId(`work-${key}`).innerText()).replace(/\D/g, ''));

/** Signs in, opens the home and waits for its cards. */
export async function openHome(run: WebRun, username: string): Promise<Page> {
  const page = await run.newPage();
  await run.signIn(page, username);
  await expect(page.getByText('待办事项')).toBeVisible();
  return page;
}
