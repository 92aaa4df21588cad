import { readFileSync } from 'node:fs';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { DEMO as demo, expect, test } from './fixtures';
import { UPLOADED_FILE_NAMES } from '../complete-application';
import { reviewKit, signOffReport, type ReviewKit, type ReviewUser } from './comprehensive-review-kit';

/**
 * Issue 17 item 6, the institution's comprehensive review report (M8.1, M9.1), in the browser
 * against the whole platform. Through the API an application reaches comprehensive review and two
 * experts score it. The institution reads the prefilled report on the case page (criterion means,
 * the experts anonymised as 专家A and 专家B), recommends with its reasons, signs it off (which
 * concludes the review) and exports the PDF; on its 评审报告 page it signs off the batch report.
 * The Department sees the recommendation among the candidates, reads the report in a drawer and
 * finds the delivered batch report.
 */
test.use({
  platformGroup: 'review-report',
  allowed: ['NTE220', 'NTE', 'English', 'PDF', 'Excel', '91150200MA0N4KXX4C', UPLOADED_FILE_NAMES, /M\d{1,2}(\.\d{1,2})?/g],
});

const REVIEW = INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview;
const [WANG, LI] = [demo.experts[0]!.id, demo.experts[1]!.id];
const REASONS = '两位专家一致认为技术路线创新、性能指标国内领先，建议认定。';

let kit: ReviewKit;

test.beforeAll(async ({ platform }) => {
  kit = await reviewKit(platform);
});

/** An expert accepts the undertaking and scores every criterion `n` (M11.1, M8.1). */
async function scoreByApi(id: string, who: ReviewUser, n: number, opinion: string) {
  expect((await kit.call('POST', `/reviews/${id}/accept`, who, { undertakingVersion: REVIEW.undertaking.version, conflict: 'none' })).status).toBe(200);
  const criteria = REVIEW.rubric.map((c) => ({ criterionId: c.id, score: n, comment: `${c.nameZh}：符合要求` }));
  expect((await kit.call('POST', `/reviews/${id}/score`, who, { criteria, recommendation: 'recommend', opinion })).status).toBe(200);
}

test('M8.1, M9.1 the institution drafts the report from the experts\' scores, signs it off and exports it; the Department sees the recommendation', async ({ web: run }) => {
  const started = Date.now();
  run.t0 = started;
  const { id, batchId, applicationNo } = await kit.applicationUnderReview({ experts: [WANG, LI] });
  await scoreByApi(id, 'expert.wang', 9, '技术路线创新，同意认定。');
  await scoreByApi(id, 'expert.li', 8, '性能指标国内领先。');
  run.mark('set-up through the API');

  // The institution's case page: the report prefilled, the experts anonymous in it.
  const inst = await run.newPage();
  await run.signIn(inst, 'institution.staff');
  await inst.goto(`${run.origin}/institution/reviews/${id}`);
  const report = inst.getByTestId('review-report');
  await expect(report.getByTestId('report-status')).toHaveText('未起草');
  const experts = report.getByTestId('report-experts');
  await expect(experts.getByRole('row', { name: /专家A/ }).getByText('90')).toBeVisible();
  await expect(experts.getByRole('row', { name: /专家B/ }).getByText('80')).toBeVisible();
  await expect(report).not.toContainText('王明');
  await expect(report.getByText('未开展现场核查')).toBeVisible();
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-review-report');

  // Signing it off concludes the review (M8.1) and delivers it (M9.1).
  await signOffReport(inst, applicationNo, '建议认定', REASONS);
  await expect(inst.getByText('评审报告已签发，综合得分 85 分')).toBeVisible();
  await expect(report.getByTestId('report-status')).toHaveText('已签发');
  await expect(report.getByText(REASONS)).toBeVisible();
  const [pdf] = await Promise.all([inst.waitForEvent('download'), report.getByRole('button', { name: '导出 PDF' }).click()]);
  expect(pdf.suggestedFilename()).toBe(`${applicationNo}综合评审报告.pdf`);
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  run.mark('case report signed off');

  // Its batch report, from the 评审报告 menu.
  await inst.getByRole('menuitem', { name: '评审报告' }).click();
  const batch = inst.locator(`[data-batch="${batchId}"]`);
  await expect(batch.getByRole('row', { name: new RegExp(applicationNo) }).getByText('已签发')).toBeVisible();
  await batch.getByLabel('总体意见').fill('本批次评审工作按规程完成，结论客观公正。');
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-batch-reports');
  await batch.getByRole('button', { name: '签发报告' }).click();
  const confirm = inst.getByRole('dialog').filter({ hasText: '签发后批次评审报告报送工信厅' });
  await confirm.getByRole('button', { name: '签发报告' }).click();
  await expect(inst.getByText('批次评审报告已签发')).toBeVisible();
  await expect(batch.getByTestId('report-status').first()).toHaveText('已签发');

  // The Department: the candidate with the institution's recommendation, the report in a drawer.
  await kit.until(
    () => kit.call('GET', `/decision-lists/candidates?batchId=${batchId}`, 'dept.admin'),
    (r) => (r.body as Array<{ applicationId: string; report: unknown }>).some?.((c) => c.applicationId === id && c.report),
    'the candidate with its report',
  );
  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  await dept.goto(`${run.origin}/department/decision-lists?batch=${batchId}`);
  const candidate = dept.getByTestId('candidates').getByRole('row', { name: new RegExp(applicationNo) });
  await expect(candidate.getByTestId('report-recommendation')).toHaveText('建议认定');
  await candidate.getByRole('button', { name: '查看报告' }).click();
  const drawer = dept.getByTestId('report-drawer');
  await expect(drawer.getByText(REASONS)).toBeVisible();
  await expect(drawer.getByRole('row', { name: /专家A/ })).toBeVisible();
  await expect(dept.getByTestId('delivered-batch-reports').getByText('本批次评审工作按规程完成，结论客观公正。', { exact: false })).toBeVisible();
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'department-candidate-report');

  expect(run.journeyMs(started)).toBeLessThan(240_000);
});
