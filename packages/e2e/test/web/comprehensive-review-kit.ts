import type { Page } from '@playwright/test';
import { eventually, http } from '@firstset/testing';
import { day, DEMO, expect, inDays, judgeByApi } from './fixtures';
import { completeViaApi, submitViaApi } from '../complete-application';

/**
 * The API set-up the comprehensive review's journeys share: an application from Baotou's
 * northsteel, recommended in Baotou's summary and, unless told otherwise, commissioned to the demo
 * institution and under comprehensive review there.
 */
export const PRODUCT = '220吨电动轮矿用自卸车';
export const ENTERPRISE = '包头北方重型装备有限公司';

/** The demo accounts these journeys sign in as. */
export const REVIEW_USERS = ['dept.admin', 'northsteel', 'baotou.officer', 'institution.staff', 'expert.wang', 'expert.li', 'expert.zhang', 'auditor'] as const;
export type ReviewUser = (typeof REVIEW_USERS)[number];

export interface ReviewKit {
  /** An API call as one of the demo users. */
  call(method: string, path: string, who: ReviewUser, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Polls `read` until `ok` holds (60 s). */
  until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T>;
  /** The application recommended in Baotou's summary (M7.3). */
  applicationInBaotouSummary(): Promise<ReviewCaseRef>;
  /** …and commissioned to the demo institution, under comprehensive review (M8.1), with `experts` assigned. */
  applicationUnderReview(opts?: { experts?: string[] }): Promise<ReviewCaseRef>;
  /** Several applications (one per model) in one batch, under comprehensive review together. */
  applicationsUnderReview(models: string[], opts?: { experts?: string[] }): Promise<ReviewCaseRef[]>;
}

export interface ReviewCaseRef {
  batchId: string;
  id: string;
  applicationNo: string;
}

/** Signs every demo user in once and returns the kit bound to the platform's API. */
export async function reviewKit(platform: { api: string; login(user: string): Promise<string> }): Promise<ReviewKit> {
  const tokens: Record<string, string> = {};
  for (const u of REVIEW_USERS) tokens[u] = await platform.login(u);
  const call: ReviewKit['call'] = (method, path, who, body) => http(platform.api, method, path, { token: tokens[who], body });
  const until: ReviewKit['until'] = (read, ok, what) => eventually(read, ok, { what, timeoutMs: 60_000 });

  /** The year's batch, opened once per platform (one a year, M7.1), and the enterprise's profile. */
  async function openBatch(): Promise<string> {
    const year = new Date().getFullYear();
    const batch = await call('POST', '/batches', 'dept.admin', {
      year,
      name: `${year}年度首台（套）技术装备、关键零部件和新材料首批（次）认定`,
      windowOpensAt: inDays(-3).toISOString(),
      windowClosesAt: inDays(30).toISOString(),
      prefectureDeadline: day(inDays(45)),
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    const profile = await call('PUT', '/enterprise/profile', 'northsteel', { name: ENTERPRISE, registeredAddress: '内蒙古自治区包头市青山区装备制造产业园区', addressDivisionCode: '150204' });
    expect(profile.status).toBeLessThan(300);
    return (batch.body as { id: string }).id;
  }

  /** One application per model, in one new batch, recommended by Baotou and sent in its summary (M7.3). */
  async function applicationsInBaotouSummary(models: string[]): Promise<ReviewCaseRef[]> {
    const year = new Date().getFullYear();
    const batchId = await openBatch();
    const refs: ReviewCaseRef[] = [];
    for (const model of models) {
      const created = await call('POST', '/applications', 'northsteel', { batchId, productKind: 'FIRST_SET_EQUIPMENT', productName: PRODUCT, series: 'NTE', model, rdCompletedOn: `${year - 1}-03-15` });
      expect(created.status).toBe(201);
      const { id, applicationNo } = created.body as { id: string; applicationNo: string };
      await completeViaApi(platform.api, tokens.northsteel!, id);
      expect((await submitViaApi(platform.api, tokens.northsteel!, id)).status).toBe(200);
      await until(() => call('GET', `/preliminary-review/queue?batchId=${batchId}`, 'baotou.officer'), (r) => (r.body as Array<{ applicationId: string }>).some?.((row) => row.applicationId === id), 'the application in the Baotou queue');
      await judgeByApi(platform.api, tokens['baotou.officer']!, id);
      expect((await call('POST', `/preliminary-review/applications/${id}/recommend`, 'baotou.officer', { opinion: '材料齐全，符合申报条件，同意推荐。' })).status).toBe(200);
      await until(() => call('GET', `/applications/${id}`, 'northsteel'), (r) => (r.body as { state: string }).state === 'RECOMMENDED', 'RECOMMENDED at intake');
      refs.push({ batchId, id, applicationNo });
    }
    expect((await call('POST', '/preliminary-review/summaries', 'baotou.officer', { batchId })).status).toBe(201);
    return refs;
  }

  const applicationInBaotouSummary = async (): Promise<ReviewCaseRef> => (await applicationsInBaotouSummary(['NTE220']))[0]!;

  async function applicationsUnderReview(models: string[], opts: { experts?: string[] } = {}): Promise<ReviewCaseRef[]> {
    const refs = await applicationsInBaotouSummary(models);
    expect((await call('POST', '/commissions', 'dept.admin', { batchId: refs[0]!.batchId, institutionId: DEMO.institutions[0]!.id })).status).toBe(201);
    for (const ref of refs) {
      await until(() => call('GET', `/reviews/${ref.id}/case`, 'institution.staff'), (r) => r.status === 200 && (r.body as { state: string }).state === 'UNDER_COMPREHENSIVE_REVIEW', 'the application under comprehensive review');
      for (const expertId of opts.experts ?? []) expect((await call('POST', `/reviews/${ref.id}/assignments`, 'institution.staff', { expertId })).status).toBe(201);
    }
    return refs;
  }

  const applicationUnderReview = async (opts: { experts?: string[] } = {}): Promise<ReviewCaseRef> => (await applicationsUnderReview(['NTE220'], opts))[0]!;

  return { call, until, applicationInBaotouSummary, applicationUnderReview, applicationsUnderReview };
}

/**
 * On the institution's case page: the report's recommendation and reasons, saved and signed off
 * through the confirmation (signing off concludes the review, M8.1, M9.1). What follows (the
 * success or the service's refusal) is for the journey to check.
 */
export async function signOffReport(page: Page, applicationNo: string, recommendation: '建议认定' | '不建议认定', reasons: string): Promise<void> {
  const report = page.getByTestId('review-report');
  await report.getByRole('radiogroup').getByText(recommendation, { exact: true }).click();
  await report.getByLabel('理由').fill(reasons);
  await report.getByRole('button', { name: '签发报告' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `签发 ${applicationNo} 的评审报告` });
  await dialog.getByRole('button', { name: '签发报告' }).click();
  await expect(dialog).toBeHidden();
}

/** Through the API: the institution saves its recommendation with reasons and signs the report off (M8.1, M9.1). */
export async function signOffReportByApi(kit: ReviewKit, id: string, recommendation: 'recommend' | 'not_recommend' = 'recommend'): Promise<void> {
  const draft = await kit.call('GET', `/reviews/${id}/report`, 'institution.staff');
  const saved = await kit.call('PUT', `/reviews/${id}/report`, 'institution.staff', { recommendation, reasons: '综合评审意见一致，同意。', expectedVersion: (draft.body as { version: number }).version });
  expect(saved.status).toBe(200);
  const signed = await kit.call('POST', `/reviews/${id}/report/sign-off`, 'institution.staff', { expectedVersion: (saved.body as { version: number }).version });
  expect(signed.status).toBe(200);
}
