import type { Page } from '@playwright/test';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { DEMO as demo, expect, test } from './fixtures';
import { UPLOADED_FILE_NAMES } from '../complete-application';
import { ENTERPRISE, PRODUCT, reviewKit, signOffReport, type ReviewKit } from './comprehensive-review-kit';

/**
 * Issue 17, the review itself, in the browser against the whole platform (M8.1, M11.1). Through
 * the API an application reaches comprehensive review with three experts assigned. Expert Wang
 * signs the profile's undertaking (with the no-conflict confirmation), reads the application, its
 * version and a material in the viewer, scores every rubric criterion (a score off the scale is
 * refused at its field) and confirms; Li's divergent scores come through the API; Wang then sees
 * them, anonymous; Zhang recuses. The institution sees the scores by criterion and the divergence,
 * calls a consensus round, cannot sign off its report while it is open, concludes it with its
 * outcome and signs the report off on the mean of the two counted experts.
 */
test.use({
  platformGroup: 'expert-review',
  allowed: ['NTE220', 'NTE', 'English', 'PDF', 'Excel', '91150200MA0N4KXX4C', UPLOADED_FILE_NAMES, /nmg-expert-undertaking-\d{4}-\d+/g, /内容摘要 [0-9a-f]{16}/g, /ZL\d+\.X/g, /M\d{1,2}(\.\d{1,2})?/g],
});

const REVIEW = INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview;
const [WANG, LI, ZHANG] = [demo.experts[0]!.id, demo.experts[1]!.id, demo.experts[2]!.id];

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

test('M8.1, M11.1 the expert signs the undertaking, reads the application and a material, scores the rubric; divergence, a consensus round, a recusal, completion', async ({ web: run }) => {
  const started = Date.now();
  run.t0 = started;
  const { id, applicationNo } = await kit.applicationUnderReview({ experts: [WANG, LI, ZHANG] });
  run.mark('set-up through the API');

  // Before the undertaking the application is closed to the expert, through the API too (M11.1).
  expect((await call('GET', `/reviews/${id}/application`, 'expert.wang')).status).toBe(404);
  expect((await call('GET', `/applications/${id}/materials`, 'expert.wang')).status).toBe(404);

  // Wang opens the assignment: only its number and kind, and the undertaking to sign.
  const wang = await run.newPage();
  await run.signIn(wang, 'expert.wang');
  await wang.getByRole('menuitem', { name: '我的评审任务' }).click();
  await wang.getByRole('row', { name: new RegExp(applicationNo) }).getByRole('button', { name: '接受任务' }).click();
  await expect(wang.getByText('签署保密与回避承诺后可查看申报内容')).toBeVisible();
  await expect(wang.locator('body')).not.toContainText(ENTERPRISE);
  await wang.getByRole('button', { name: '阅读并签署承诺' }).click();
  const undertaking = wang.getByRole('dialog').filter({ hasText: '评审专家保密与回避承诺书' });
  await expect(undertaking.getByTestId('undertaking-text')).toContainText(REVIEW.undertaking.textZh.slice(0, 30));
  await expect(undertaking.getByTestId('undertaking-version')).toContainText(REVIEW.undertaking.version);
  // Signing needs the conflict answer and the tick.
  await undertaking.getByRole('button', { name: '签署承诺并接受任务' }).click();
  await expect(undertaking.getByText('请确认是否存在利益冲突')).toBeVisible();
  await expect(undertaking.getByText('请勾选确认已阅读并同意承诺')).toBeVisible();
  await undertaking.getByRole('radio', { name: '本人与本申报不存在未申明的利益冲突' }).check();
  await undertaking.getByRole('checkbox', { name: '本人已完整阅读并同意遵守上述承诺' }).check();
  await run.expectNoEnglish(wang);
  await run.shot(wang, 'expert-undertaking-conflict');
  await undertaking.getByRole('button', { name: '签署承诺并接受任务' }).click();
  await expect(wang.getByText('已签署承诺，可查看申报内容并评分')).toBeVisible();

  // The whole application: the version as submitted, and a material in the viewer.
  const versions = wang.getByTestId('application-versions');
  await expect(versions.getByText(PRODUCT).first()).toBeVisible();
  await expect(versions.getByText('一种矿用自卸车电驱动系统', { exact: false })).toBeVisible();
  const materials = wang.getByTestId('application-materials');
  await expect(materials.getByText('材料1.pdf')).toBeVisible();
  await materials.getByRole('row', { name: /材料1\.pdf/ }).getByRole('button', { name: /查看/ }).click();
  const viewer = wang.getByTestId('material-viewer');
  await expect(viewer).toBeVisible();
  await expect(viewer.locator('iframe')).toBeVisible();
  await run.shot(wang, 'expert-material-viewer');
  await wang.getByRole('dialog').filter({ has: viewer }).getByRole('button', { name: /关\s*闭/ }).last().click();
  await expect(viewer).toBeHidden();
  expect((await call('GET', `/reviews/${id}/application/versions`, 'expert.wang')).status).toBe(200);

  // The rubric: every criterion of the profile, a score off its scale refused at its field.
  const form = wang.getByTestId('rubric-form');
  for (const c of REVIEW.rubric) await expect(form.getByTestId(`criterion-${c.id}`).getByText(c.nameZh, { exact: true })).toBeVisible();
  const first = REVIEW.rubric[0]!;
  await form.getByLabel(`${first.nameZh}得分`).fill('11');
  await form.getByRole('button', { name: '提交评分' }).click();
  await expect(form.getByText(`得分应为 0 至 ${first.max} 之间的整数`)).toBeVisible();
  for (const c of REVIEW.rubric) {
    await form.getByLabel(`${c.nameZh}得分`).fill('9');
    await form.getByLabel(`${c.nameZh}评语`).fill(`${c.nameZh}方面表现突出，符合要求。`);
  }
  await expect(form.getByTestId('weighted-total')).toContainText('90');
  await form.getByRole('radio', { name: '建议认定', exact: true }).check();
  await form.getByLabel('综合评审意见').fill('技术路线创新，性能指标国内领先，同意认定。');
  await run.expectNoEnglish(wang);
  await run.shot(wang, 'expert-rubric');
  await form.getByRole('button', { name: '提交评分' }).click();
  // Irreversible: the confirmation names the total and says it cannot be changed (M11.1).
  const sure = wang.getByRole('dialog').filter({ hasText: '确认提交评分' });
  await expect(sure.getByText('加权总分 90 分，评审建议：建议认定。')).toBeVisible();
  await expect(sure.getByText(/不能修改/)).toBeVisible();
  await run.shot(wang, 'expert-rubric-confirm');
  await confirm(wang, '确认提交评分', '提交评分');
  await expect(wang.getByText('评分已提交')).toBeVisible();
  await expect(wang.getByTestId('scores').getByText('其他专家尚未提交评分。')).toBeVisible();
  await expect(wang.getByTestId('rubric-form')).toHaveCount(0);

  // Li's divergent scores through the API, after the undertaking.
  expect((await call('POST', `/reviews/${id}/accept`, 'expert.li', { undertakingVersion: REVIEW.undertaking.version, conflict: 'none' })).status).toBe(200);
  // Li has not scored: Wang's scores are nowhere in what Li reads (M11.1).
  const liCase = await call('GET', `/reviews/${id}/case`, 'expert.li');
  expect(JSON.stringify(liCase.body)).not.toContain('技术路线创新');
  const li = await call('POST', `/reviews/${id}/score`, 'expert.li', {
    criteria: REVIEW.rubric.map((c) => ({ criterionId: c.id, score: 5, comment: `${c.nameZh}一般` })),
    recommendation: 'not_recommend',
    opinion: '创新性论证不足，建议暂不认定。',
  });
  expect([li.status, (li.body as { score: number }).score]).toEqual([200, 50]);

  // Now Wang sees Li's scores, without Li's name.
  await wang.reload();
  const scores = wang.getByTestId('scores');
  await expect(scores.getByText('其他专家 1')).toBeVisible();
  await expect(scores.getByRole('row', { name: /其他专家 1/ }).getByText('50', { exact: true })).toBeVisible();
  await expect(scores).not.toContainText('李华');
  await run.expectNoEnglish(wang);
  await run.shot(wang, 'expert-peer-scores');

  // Zhang recuses before accepting, with a reason (M11.1).
  const zhang = await run.newPage();
  await run.signIn(zhang, 'expert.zhang');
  await zhang.getByRole('menuitem', { name: '我的评审任务' }).click();
  await zhang.getByRole('row', { name: new RegExp(applicationNo) }).getByRole('button', { name: '接受任务' }).click();
  await zhang.getByRole('button', { name: '申请回避' }).click();
  const recusal = zhang.getByRole('dialog').filter({ hasText: '申请回避' });
  await recusal.getByRole('button', { name: '确认回避' }).click();
  await expect(recusal.getByText('请输入回避理由', { exact: false }).or(recusal.locator('.ant-form-item-explain-error'))).toBeVisible();
  await recusal.getByLabel('回避理由').fill('本人近三年曾参与申报单位的合作研发项目。');
  await run.expectNoEnglish(zhang);
  await run.shot(zhang, 'expert-recusal');
  await confirm(zhang, '申请回避', '确认回避');
  await expect(zhang.getByText('您已回避本申报')).toBeVisible();
  await expect(zhang.getByText('本人近三年曾参与申报单位的合作研发项目。', { exact: false })).toBeVisible();
  await run.expectNoEnglish(zhang);
  expect((await call('POST', `/reviews/${id}/accept`, 'expert.zhang', { undertakingVersion: REVIEW.undertaking.version, conflict: 'none' })).status).toBe(404); // an ended assignment is not found for its expert's commands

  // The institution: scores by criterion, the divergence, the consensus round (M8.1).
  const inst = await run.newPage();
  await run.signIn(inst, 'institution.staff');
  await inst.getByRole('menuitem', { name: '综合评审' }).click();
  const row = inst.getByRole('row', { name: new RegExp(applicationNo) });
  await expect(async () => {
    await inst.getByRole('button', { name: /刷\s*新/ }).click();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await row.getByRole('button', { name: '评分详情' }).click();
  const table = inst.getByTestId('scores');
  await expect(table.getByRole('row', { name: /王明/ }).getByText('90', { exact: true })).toBeVisible();
  await expect(table.getByRole('row', { name: /李华/ }).getByText('50', { exact: true })).toBeVisible();
  await expect(table.getByRole('row', { name: /张伟/ }).getByText('已回避')).toBeVisible();
  const divergence = inst.getByTestId('divergence');
  await expect(divergence.getByTestId('divergent')).toHaveText('评分分歧超过阈值');
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-divergence');
  await divergence.getByRole('button', { name: '召开合议' }).click();
  const call1 = inst.getByRole('dialog').filter({ hasText: '召开专家合议' });
  await expect(call1.getByText(/分差为 40 分，超过阈值 25 分/)).toBeVisible();
  await call1.getByLabel('合议事由').fill('两位专家对创新性和市场前景的判断相差较大，请合议。');
  await confirm(inst, '召开专家合议', '召开合议');
  await expect(divergence.getByTestId('round-open')).toBeVisible();
  // Signing off the report while the round is open is refused by the service.
  await signOffReport(inst, applicationNo, '不建议认定', '创新性论证不足，经合议维持原评分，建议暂不认定。');
  await expect(inst.getByText('合议尚未结束')).toBeVisible();
  await divergence.getByRole('button', { name: '结束合议' }).click();
  const conclude = inst.getByRole('dialog').filter({ hasText: '结束合议并记录结论' });
  await conclude.getByLabel('合议结论').fill('经合议，两位专家各自保留意见，按平均分形成结论，建议现场核查产能。');
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-consensus-conclude');
  await confirm(inst, '结束合议并记录结论', '结束合议');
  await expect(divergence.getByTestId('round').getByText(/建议现场核查产能/)).toBeVisible();
  await signOffReport(inst, applicationNo, '不建议认定', '创新性论证不足，经合议维持原评分，建议暂不认定。');
  await expect(inst.getByText('评审报告已签发，综合得分 70 分')).toBeVisible();
  await expect(inst.getByText('【不建议认定】创新性论证不足，建议暂不认定。', { exact: false })).toBeVisible();
  await run.expectNoEnglish(inst);
  await run.shot(inst, 'institution-completed');

  expect(run.journeyMs(started)).toBeLessThan(240_000);
});
