import type { Page } from '@playwright/test';
import { http } from '@firstset/testing';
import { chooseOption, expect, judgeByApi } from './fixtures';
import { APPROVER, openCase, REVIEW_GROUP, test } from './review-kit';

/**
 * Two-step approval at the prefecture (M7.3): with it on, an officer's decision is a draft another
 * officer of the prefecture approves or sends back with a reason the drafter reads; the approver may
 * take the case over. In Debian's Chromium against the whole platform.
 */
test.use(REVIEW_GROUP);

test('two-step approval: a drafted rejection is sent back with a reason the drafter reads; a drafted recommendation is approved by the other officer', async ({ web: run, review }) => {
  const { api, tokens, submittedApplication } = review;
  const newPage = () => run.newPage();
  const signIn = (page: Page, username: string) => run.signIn(page, username);
  const shot = (page: Page, name: string) => run.shot(page, name);
  const expectNoEnglish = (page: Page) => run.expectNoEnglish(page);
  run.t0 = Date.now();
  const product = '大型矿用挖掘机回转支承';
  const appId = await submittedApplication(product, 'WK', 'WK-35');
  const on = await http(api, 'PUT', '/preliminary-review/settings/approval', { token: tokens['dept.admin'], body: { twoStepApproval: true, prefectureId: '150200' } });
  expect(on.status).toBe(200);

  // The first officer drafts a rejection: it waits for another officer; the drafter may only withdraw.
  const drafter = await newPage();
  await signIn(drafter, 'baotou.officer');
  await openCase(drafter, run.origin, appId, product);
  await drafter.getByRole('button', { name: /认\s*领/ }).click();
  await expect(drafter.getByText('已认领，由您经办')).toBeVisible();
  const decisions = drafter.getByTestId('review-decisions');
  await expect(decisions.getByText(/本盟市已启用两级审批/)).toBeVisible();
  await decisions.getByRole('button', { name: '不予通过' }).click();
  const reject = drafter.getByRole('dialog');
  await reject.getByLabel('不予通过理由').fill('产品研制完成时间早于办法规定期限');
  await reject.getByRole('button', { name: '不予通过' }).click();
  await expect(drafter.getByText('决定已提交，等待本盟市另一名经办人审批')).toBeVisible();
  const draft = drafter.getByTestId('review-draft');
  await expect(draft.getByText(/^待审批决定：由本人（包头市工信局 初审员）于 .* 起草$/)).toBeVisible();
  await expect(draft.getByText('产品研制完成时间早于办法规定期限', { exact: true })).toBeVisible();
  await expect(draft.getByRole('button', { name: /撤\s*回/ })).toBeVisible();
  await expect(draft.getByRole('button', { name: /批\s*准/ })).toHaveCount(0);
  await expect(drafter.getByTestId('review-state')).toHaveText('已提交');
  await expectNoEnglish(drafter);
  await shot(drafter, 'review-draft-pending');

  // The other officer sees who drafted it and sends it back with a reason.
  const approver = await newPage();
  await signIn(approver, APPROVER.username);
  await openCase(approver, run.origin, appId, product);
  const pending = approver.getByTestId('review-draft');
  // Other officers by name, from the prefecture's list of officers.
  await expect(pending.getByText(/^待审批决定：由包头市工信局 初审员于 .* 起草$/)).toBeVisible();
  await expect(approver.getByTestId('review-assignee')).toHaveText('包头市工信局 初审员');
  await pending.getByRole('button', { name: /退回起草人/ }).click();
  const sendBack = approver.getByRole('dialog');
  await sendBack.getByRole('button', { name: /退回起草人/ }).click();
  await expect(sendBack.getByText('请填写理由')).toBeVisible();
  await sendBack.getByLabel('理由').fill('研制完成时间在规定期限内，请先核实后再作决定');
  await sendBack.getByRole('button', { name: /退回起草人/ }).click();
  await expect(approver.getByText('已退回起草人')).toBeVisible();
  await expectNoEnglish(approver);

  // The approver takes the case over with the assign dialog, choosing from the prefecture's officers.
  await approver.getByTestId('review-assign').click();
  const assign = approver.getByRole('dialog');
  await chooseOption(assign, '经办人', '包头市工信局 审批人');
  await shot(approver, 'review-assign-dialog');
  await assign.getByRole('button', { name: /分\s*派/ }).click();
  await expect(approver.getByText('已分派')).toBeVisible();
  await expect(approver.getByTestId('review-assignee').getByText('本人（包头市工信局 审批人）', { exact: true })).toBeVisible();
  await drafter.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(drafter.getByTestId('review-assignee').getByText('包头市工信局 审批人', { exact: true })).toBeVisible();

  // The drafter reads why.
  const discarded = drafter.getByTestId('review-draft-discarded');
  await expect(async () => {
    await drafter.getByRole('button', { name: /刷\s*新/ }).click();
    await expect(discarded).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(discarded.getByText(/^您起草的“不予通过”决定已被包头市工信局 审批人于 .* 退回$/)).toBeVisible();
  await expect(discarded.getByText('理由：研制完成时间在规定期限内，请先核实后再作决定')).toBeVisible();
  await expectNoEnglish(drafter);
  await shot(drafter, 'review-draft-sent-back');

  // A drafted recommendation, approved by the other officer: it takes effect (the review judged through the API).
  await judgeByApi(api, tokens['baotou.officer'], appId);
  await drafter.getByRole('button', { name: /刷\s*新/ }).click();
  await decisions.getByRole('button', { name: /推\s*荐/ }).click();
  const recommend = drafter.getByRole('dialog');
  await recommend.getByLabel('推荐意见').fill('材料齐全，符合申报条件，同意推荐。');
  await recommend.getByRole('button', { name: /推\s*荐/ }).click();
  await expect(drafter.getByText('决定已提交，等待本盟市另一名经办人审批')).toBeVisible();
  await approver.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(pending.getByText('材料齐全，符合申报条件，同意推荐。', { exact: true })).toBeVisible();
  await pending.getByRole('button', { name: /批\s*准/ }).click();
  const approve = approver.getByRole('dialog');
  await expect(approve.getByText('批准后该决定立即生效，确定批准吗？')).toBeVisible();
  await approve.getByRole('button', { name: /批\s*准/ }).click();
  await expect(approver.getByText('已批准，决定已生效')).toBeVisible();
  await expect(approver.getByTestId('review-state')).toHaveText('已推荐');
  await expect(approver.getByTestId('review-outcome').getByText('材料齐全，符合申报条件，同意推荐。')).toBeVisible();
  await expectNoEnglish(approver);
  await shot(approver, 'review-draft-approved');

  // The English switch translates the screen.
  await approver.getByRole('button', { name: '语言' }).click();
  await expect(approver.getByTestId('review-outcome').getByText('Decision taken')).toBeVisible();
  await expect(approver.getByText('Formal review (M7.4)')).toBeVisible();
});
