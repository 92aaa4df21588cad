import type { Page } from '@playwright/test';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { chooseOption, day, DEMO as demo, expect, inDays, test } from './fixtures';
import { UPLOADED_FILE_NAMES } from '../complete-application';
import { reviewKit, type ReviewKit } from './comprehensive-review-kit';

/**
 * Issue 17 item 5, on-site verification (现场核查, M8.2) in the browser against the whole platform.
 * Through the API an application reaches comprehensive review with Wang and Li on the panel. The
 * institution schedules a visit from its case page with Wang as the member, records a finding
 * with a photo and concludes; the enterprise is notified, sees the notice (how many experts come,
 * not who) and the findings, and answers; Wang sees the visit on his case, read-only (M11.1).
 */
test.use({
  platformGroup: 'site-visits',
  allowed: ['NTE220', 'NTE', 'English', '91150200MA0N4KXX4C', UPLOADED_FILE_NAMES, 'JPG', 'PNG', 'PDF', 'Excel', 'MB', '生产线照片.jpg', /nmg-expert-undertaking-\d{4}-\d+/g, /内容摘要 [0-9a-f]{16}/g, /ZL\d+\.X/g, /M\d{1,2}(\.\d{1,2})?/g],
});

const REVIEW = INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview;
const [WANG, LI] = [demo.experts[0]!.id, demo.experts[1]!.id];
/** A small JPEG, as a phone would start one (the gateway decides the type by content). */
const PHOTO = Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(512, 7)]);

let kit: ReviewKit;
const call: ReviewKit['call'] = (...args) => kit.call(...args);

/** Presses `button` in the dialog titled `title` and waits until that dialog has closed. */
async function confirm(page: Page, title: string, button: string | RegExp): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

test.beforeAll(async ({ platform }) => {
  kit = await reviewKit(platform);
});

test('M8.2, M11.1 the institution schedules a visit, records a finding with a photo and concludes; the enterprise sees the notice and answers; the expert sees the visit', async ({ web: run }) => {
  const started = Date.now();
  run.t0 = started;
  const { id, applicationNo } = await kit.applicationUnderReview({ experts: [WANG, LI] });
  run.mark('set-up through the API');
  const visitOn = day(inDays(7));

  // The institution, from its case page: schedule with Wang as the visiting expert.
  const inst = await run.newPage();
  await run.signIn(inst, 'institution.staff');
  await inst.getByRole('menuitem', { name: '综合评审' }).click();
  const row = inst.getByRole('row', { name: new RegExp(applicationNo) });
  await expect(async () => {
    await inst.getByRole('button', { name: /刷\s*新/ }).click();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await row.getByRole('button', { name: '评分详情' }).click();
  const visits = inst.getByTestId('site-visits');
  await expect(visits.getByText('尚未安排现场核查')).toBeVisible();
  await visits.getByRole('button', { name: '安排现场核查' }).click();
  const plan = inst.getByRole('dialog').filter({ hasText: '安排现场核查' });
  await plan.getByRole('button', { name: '安排现场核查' }).click();
  await expect(plan.getByText('请输入核查日期', { exact: false }).or(plan.locator('.ant-form-item-explain-error').first())).toBeVisible();
  await plan.getByLabel('核查日期').fill(visitOn);
  await plan.getByLabel('核查地点').fill('包头市青山区装备制造产业园区 3 号厂房');
  await plan.getByLabel('核查通知（需准备的材料与人员）').fill('请准备总装生产线、整车型式试验报告原件和首台销售合同原件，并安排技术负责人陪同。');
  await chooseOption(plan, '核查组成员', '王明');
  await plan.locator('.ant-modal-title').click(); // a multiple select stays open after a pick
  await expect(inst.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-site-visit-schedule');
  await confirm(inst, '安排现场核查', '安排现场核查');
  const visit = visits.getByTestId('site-visit');
  await expect(visit.getByTestId('visit-status')).toHaveText('待核查');
  await expect(visit.getByText('王明')).toBeVisible();

  // A finding, then its photo.
  await visit.getByRole('button', { name: '记录核查情况' }).click();
  const finding = inst.getByRole('dialog').filter({ hasText: '记录核查情况' });
  await finding.getByLabel('核查事项').fill('首台销售合同');
  await chooseOption(finding, '核查结果', '不符合');
  await finding.getByLabel('情况描述').fill('现场未能出示首台销售合同原件，仅有复印件。');
  await confirm(inst, '记录核查情况', '记录核查情况');
  const findings = visit.getByTestId('findings');
  await expect(findings.getByRole('row', { name: /首台销售合同/ })).toBeVisible();
  await findings.locator('input[type=file]').first().setInputFiles({ name: '生产线照片.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
  await expect(findings.getByTestId('evidence').filter({ hasText: '生产线照片.jpg' })).toBeVisible();
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-site-visit-findings');

  // The conclusion.
  await visit.getByRole('button', { name: '作出结论' }).click();
  const conclude = inst.getByRole('dialog').filter({ hasText: '作出现场核查结论' });
  await chooseOption(conclude, '核查结论', '基本属实，存在问题');
  await conclude.getByLabel('结论说明').fill('生产能力与申报一致；首台销售合同原件待企业补充说明。');
  await confirm(inst, '作出现场核查结论', '作出结论');
  await expect(visit.getByTestId('visit-status')).toHaveText('已作出结论');
  await expect(visit.getByTestId('visit-conclusion')).toHaveText('基本属实，存在问题');
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-site-visit-concluded');

  // The enterprise: the notices in its inbox, the visit on its application page without names.
  await kit.until(
    () => call('GET', '/notifications?pageSize=50', 'northsteel'),
    (r) => ((r.body as { items?: Array<{ applicationId: string; kind: string }> }).items ?? []).filter((n) => n.applicationId === id).some((n) => n.kind === 'site_visit_concluded'),
    'the site visit notices in the inbox',
  );
  const ent = await run.newPage();
  await run.signIn(ent, 'northsteel');
  await ent.goto(`${run.origin}/enterprise/applications/${id}`);
  const mine = ent.getByTestId('site-visits');
  await expect(mine.getByText('现场核查通知')).toBeVisible();
  await expect(mine.getByText(visitOn)).toBeVisible();
  await expect(mine.getByText('1 人')).toBeVisible();
  await expect(mine).not.toContainText('王明');
  const entRow = mine.getByRole('row', { name: /首台销售合同/ });
  await entRow.getByRole('button', { name: /^答\s*复$/ }).click();
  const answer = ent.getByRole('dialog').filter({ hasText: '答复核查情况第 1 项' });
  await answer.getByLabel('答复内容').fill('首台销售合同原件存放于集团总部，已于次日提交原件扫描件，详见附件。');
  await run.expectNoEnglish(ent);
  await run.shot(ent, 'enterprise-site-visit-answer');
  await confirm(ent, '答复核查情况第 1 项', '提交答复');
  await expect(mine.getByTestId('answer')).toContainText('已于次日提交原件扫描件');
  await run.expectNoEnglish(ent);

  // Wang, after his undertaking, sees the visit on his case, read-only (M11.1).
  expect((await call('POST', `/reviews/${id}/accept`, 'expert.wang', { undertakingVersion: REVIEW.undertaking.version, conflict: 'none' })).status).toBe(200);
  const wang = await run.newPage();
  await run.signIn(wang, 'expert.wang');
  await wang.goto(`${run.origin}/expert/assignments/${id}`);
  const his = wang.getByTestId('site-visits');
  await expect(his.getByTestId('visit-conclusion')).toHaveText('基本属实，存在问题');
  await expect(his.getByText('王明')).toBeVisible();
  await expect(his.getByTestId('answer')).toContainText('已于次日提交原件扫描件');
  await expect(his.getByRole('button', { name: '作出结论' })).toHaveCount(0);
  await expect(his.getByTestId('evidence-upload')).toHaveCount(0);
  await run.expectNoEnglish(wang);
  await run.shot(wang, 'expert-site-visit');

  expect(run.journeyMs(started)).toBeLessThan(240_000);
});
