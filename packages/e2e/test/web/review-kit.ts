import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { eventually, http, REPO_ROOT, schemaOf } from '@firstset/testing';
import { day, DEMO, expect, inDays, onePagePdf, test as base, type RunningPlatform } from './fixtures';
import { completeViaApi, submitViaApi, UPLOADED_FILE_NAMES } from '../complete-application';

/**
 * What the prefecture review journeys (review-case, review-draft-approval, review-supplement) share:
 * one platform with this year's batch, the enterprise's profile and a second Baotou officer for
 * two-step approval, set up once through the API for the worker; applications submitted with a PDF
 * test report; a case opened by its address.
 */

export const REPORT = '整机性能检测报告.pdf';
export const REPORT_NEW = '整机性能检测报告（有效期内）.pdf';
export const PLEDGE = INNER_MONGOLIA_DRAFT_PROFILE.truthfulnessPledge;
export const APPROVER = { username: 'baotou.approver', displayName: '包头市工信局 审批人', role: 'prefecture_officer', prefectureId: '150200' };

/**
 * Data typed by the tests may carry Latin letters; the UI's own words may not. M4.2 field codes
 * (EF01–EF18) are codes, not words: antd's select also reads option values to screen readers.
 */
export const ALLOWED = [REPORT_NEW, REPORT, 'NTE220', 'NTE', 'WK-35', 'WK', 'XJ-2', 'XJ', 'JJ-1', 'JJ', 'English', '91150200MA0N4KXX4C', 'Excel', 'PDF', /EF\d{2}/g, UPLOADED_FILE_NAMES, PLEDGE.version];

/** The three files share one platform (their data were made to follow one another). */
export const REVIEW_GROUP = { platformGroup: 'prefecture-review', allowed: ALLOWED };

/** Waits for an event to travel: polls `read` until `ok`. */
export const until = <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string) => eventually(read, ok, { what, timeoutMs: 60_000 });

export interface ReviewWorld {
  api: string;
  batchId: string;
  tokens: Record<string, string>;
  /** The enterprise's application in the M4.2 field EF04 with a PDF test report, submitted to Baotou. */
  submittedApplication(productName: string, series: string, model: string): Promise<string>;
  /** Uploads a file into a slot of the application as the enterprise. */
  upload(applicationId: string, slotId: string, fileName: string, body: Buffer): Promise<{ id: string }>;
}

/** A second Baotou officer for two-step approval (the demo data has one): seeded as the demo seed does. */
async function seedApprover(platform: RunningPlatform): Promise<void> {
  const { seedAccounts } = (await import(join(REPO_ROOT, 'apps', 'gateway', 'dist', 'accounts', 'seed-accounts.js'))) as { seedAccounts(db: unknown, a: unknown[]): Promise<number> };
  const { createPrisma } = (await import(join(REPO_ROOT, 'apps', 'gateway', 'dist', 'prisma.js'))) as { createPrisma(c: unknown): { $disconnect(): Promise<void> } };
  const db = createPrisma({ databaseUrl: platform.env.databaseUrl, dbSchema: schemaOf(platform.env, 'gateway') });
  await seedAccounts(db, [{ ...APPROVER, password: DEMO.password }]);
  await db.$disconnect();
}

export const test = base.extend<object, { review: ReviewWorld }>({
  review: [
    async ({ platform }, use) => {
      const api = platform.api;
      // Set-up through the API: a second Baotou officer, the batch, the enterprise profile.
      await seedApprover(platform);
      const tokens: Record<string, string> = {};
      for (const u of ['dept.admin', 'northsteel', 'baotou.officer', APPROVER.username]) tokens[u] = await platform.login(u);
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
      const batchId = (batch.body as { id: string }).id;
      const profile = await http(api, 'PUT', '/enterprise/profile', {
        token: tokens.northsteel,
        body: { name: '包头北方重型装备有限公司', registeredAddress: '内蒙古自治区包头市青山区装备制造产业园区', addressDivisionCode: '150204' },
      });
      expect(profile.status).toBeLessThan(300);

      const upload = async (applicationId: string, slotId: string, fileName: string, body: Buffer) => {
        const res = await fetch(`${api}/applications/${applicationId}/materials/${slotId}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.northsteel}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) },
          body: new Uint8Array(body),
        });
        const reply = (await res.json()) as { id: string; code?: string };
        expect([res.status, reply.code]).toEqual([201, undefined]);
        return reply;
      };
      const submittedApplication = async (productName: string, series: string, model: string) => {
        const created = await http(api, 'POST', '/applications', {
          token: tokens.northsteel,
          body: { batchId, productKind: 'FIRST_SET_EQUIPMENT', productName, series, model, rdCompletedOn: `${year - 1}-03-15` },
        });
        expect(created.status).toBe(201);
        const appId = (created.body as { id: string }).id;
        // Complete: every declaration (M2, M5, M6) and a file in every slot that applies (M7.4), the test report named.
        await completeViaApi(api, tokens.northsteel, appId, { catalogueEntryCode: 'EF04' }, ['testReport']);
        await upload(appId, 'testReport', REPORT, onePagePdf(`Test report ${model}`));
        expect((await submitViaApi(api, tokens.northsteel, appId)).status).toBe(200);
        return appId;
      };
      await use({ api, batchId, tokens, submittedApplication, upload });
    },
    { scope: 'worker' },
  ],
});

/** Opens the case by its address and waits until it has arrived (by event) from intake. */
export async function openCase(page: Page, origin: string, appId: string, productName: string): Promise<void> {
  await page.goto(`${origin}/prefecture/applications/${appId}`);
  const title = page.getByText(productName, { exact: true });
  const retry = page.getByRole('button', { name: /重\s*试/ });
  await expect(async () => {
    if (await retry.isVisible()) await retry.click();
    await expect(title).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}
