import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { schemaOf, sql } from '@firstset/testing';
import { DEMO as demo, expect, test } from './fixtures';
import { UPLOADED_FILE_NAMES } from '../complete-application';
import { ENTERPRISE, reviewKit, ReviewKit } from './comprehensive-review-kit';

/**
 * Panels by the solver in Debian's Chromium against the whole platform (M8.1, M11.1). Through the
 * API an application reaches comprehensive review (Baotou's summary, the Department's commission);
 * the institution's pool gets field codes and a conflicted expert (seeded in the database, as the
 * pool's own screens are built elsewhere). In the browser the institution proposes panels as a dry
 * run with a seed, sees the field matches and why, opens a seat (the conflicted expert is listed but
 * cannot be chosen, with the reason), replaces the seat, and confirms; expert Wang then finds the
 * assignment in his tasks. Every page is checked for English and accessibility.
 */
// An open antd select keeps a visually hidden list (for screen readers) that carries each option's
// value as text; here the values are the experts' ids.
const OPTION_VALUES = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
test.use({ platformGroup: 'institution-panels', allowed: ['NTE220', 'NTE', 'English', '91150200MA0N4KXX4C', UPLOADED_FILE_NAMES, OPTION_VALUES] });

const SEED = '20261202';
const INSTITUTION_ID = demo.institutions[0].id;
const [WANG, LI] = demo.experts.map((e) => e.id);
const extra = { zhao: randomUUID(), qian: randomUUID(), sun: randomUUID() };

let kit: ReviewKit;
const call: ReviewKit['call'] = (...args) => kit.call(...args);

/**
 * The pool as the institution would have entered it: Wang and Zhao in mining equipment (EF04), Li
 * and Sun in other fields, and Qian in EF04 but employed by the applicant (a detected conflict).
 */
async function seedPool(env: Parameters<typeof sql>[0], applicationId: string): Promise<void> {
  const s = schemaOf(env, 'expert-management');
  await sql(env, `UPDATE "${s}".review_cases SET field_code = 'EF04' WHERE id = $1`, [applicationId]);
  await sql(env, `UPDATE "${s}".experts SET field_codes = ARRAY['EF04'], employer_name = '内蒙古科技大学' WHERE id = $1`, [WANG]);
  await sql(env, `UPDATE "${s}".experts SET field_codes = ARRAY['NM'], employer_name = '内蒙古工业大学' WHERE id = $1`, [LI]);
  await sql(env, `INSERT INTO "${s}".experts (id, name, institution_id, field, field_codes, employer_name, employer_uscc, title) VALUES
    ($1, '赵刚', $4, '矿山机械', ARRAY['EF04'], '内蒙古第一机械集团有限公司', NULL, '正高级工程师'),
    ($2, '钱雷', $4, '矿用车辆', ARRAY['EF04'], $5, '91150200MA0N4KXX4C', '高级工程师'),
    ($3, '孙丽', $4, '电力装备', ARRAY['EF03'], '内蒙古电力科学研究院', NULL, '正高级工程师')`,
  [extra.zhao, extra.qian, extra.sun, INSTITUTION_ID, ENTERPRISE]);
}

test.beforeAll(async ({ platform }) => {
  kit = await reviewKit(platform);
});

test('M8.1, M11.1 the institution proposes panels as a dry run, replaces a seat (a conflicted expert cannot be chosen), confirms; the expert sees the assignment', async ({ web: run, platform }) => {
  const shot = (page: Page, name: string) => run.shot(page, name);
  const expectNoEnglish = (page: Page) => run.expectNoEnglish(page);
  run.t0 = Date.now();
  const { id, applicationNo } = await kit.applicationUnderReview();
  await seedPool(platform.env, id);
  run.mark('set-up through the API');

  const inst = await run.newPage();
  await run.signIn(inst, 'institution.staff');
  await inst.getByRole('menuitem', { name: '评审组' }).click();
  const row = inst.getByRole('row', { name: new RegExp(applicationNo) });
  await expect(row.getByText('待组建（0/3）')).toBeVisible();
  await expect(row.getByText('大型矿山和冶金装备')).toBeVisible();
  await expect(inst.getByText('尚未生成建议')).toBeVisible();
  await expectNoEnglish(inst);
  await shot(inst, 'institution-panels');

  // The dry run with a seed: Wang and Zhao are the field matches; nothing is assigned yet.
  await inst.getByLabel('随机种子（可选）').fill(SEED);
  await inst.getByRole('button', { name: '生成建议（试运行）' }).click();
  await expect(inst.getByText(`试运行：尚未分配任何任务。随机种子：${SEED}`, { exact: false })).toBeVisible();
  const panel = inst.getByTestId(`run-${applicationNo}`);
  for (const name of ['王明', '赵刚']) await expect(panel.getByTestId(`seat-${name}`).getByText('领域匹配', { exact: true })).toBeVisible();
  await expect(panel.getByText('钱雷')).toHaveCount(0);
  // The third seat goes to one of the experts outside the field (the seed decides which).
  const OUTSIDE = ['李华', '孙丽', '张伟'];
  const third = panel.getByTestId(new RegExp(`^seat-(${OUTSIDE.join('|')})$`));
  await expect(third.getByText('非本领域', { exact: true })).toBeVisible();
  const thirdName = (await third.getAttribute('data-testid'))!.replace('seat-', '');
  const other = OUTSIDE.find((n) => n !== thirdName)!;
  await expect(row.getByText('待组建（0/3）')).toBeVisible();
  await expectNoEnglish(inst);
  await shot(inst, 'institution-panels-proposal');

  // Replacing the third seat: Qian is listed but disabled, with the conflict; the other expert is chosen.
  await third.getByRole('button', { name: /更\s*换/ }).click();
  const dialog = inst.getByRole('dialog').filter({ hasText: `调整 ${applicationNo} 的评审组` });
  await expect(dialog.getByText(`替换：${thirdName}`)).toBeVisible();
  await dialog.getByLabel('评审专家').click();
  const qian = inst.locator('.ant-select-item-option', { hasText: '钱雷' });
  await expect(qian).toHaveClass(/ant-select-item-option-disabled/);
  await expect(qian).toContainText('利益冲突：专家现任职于申报单位');
  await expectNoEnglish(inst);
  await shot(inst, 'institution-panels-adjust');
  await inst.locator('.ant-select-item-option', { hasText: other }).click();
  await dialog.getByRole('button', { name: '选入评审组' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId(`seat-${other}`).getByText('已调整', { exact: true })).toBeVisible();
  await expect(panel.getByTestId(`seat-${thirdName}`)).toHaveCount(0);

  // Confirming says what follows, then assigns.
  await inst.getByRole('button', { name: '确认评审组' }).click();
  const sure = inst.getByRole('dialog').filter({ hasText: '确认评审组并分配任务' });
  await expect(sure.getByText('确认后将为 1 项申请分配评审任务共 3 项', { exact: false })).toBeVisible();
  await expectNoEnglish(inst);
  await shot(inst, 'institution-panels-confirm');
  await sure.getByRole('button', { name: '确认评审组' }).click();
  await expect(inst.getByText('已确认评审组，分配评审任务 3 项')).toBeVisible();
  await expect(inst.getByText(/已于 .+ 确认，分配评审任务 3 项/)).toBeVisible();
  await expect(row.getByText('评审组已满（3/3）')).toBeVisible();
  await expect(inst.getByRole('button', { name: /更\s*换/ })).toHaveCount(0);
  await expectNoEnglish(inst);
  await shot(inst, 'institution-panels-confirmed');

  // Wang finds the assignment among his tasks.
  const wang = await run.newPage();
  await run.signIn(wang, 'expert.wang');
  await wang.getByRole('menuitem', { name: '我的评审任务' }).click();
  await expect(wang.getByRole('row', { name: new RegExp(applicationNo) })).toBeVisible();
  await expectNoEnglish(wang);
  await shot(wang, 'expert-panel-assignment');

  // Through the API, the run cannot be confirmed twice.
  const latest = await call('GET', '/panels', 'institution.staff');
  const runId = (latest.body as { latestRun: { id: string } }).latestRun.id;
  const twice = await call('POST', `/panels/runs/${runId}/confirm`, 'institution.staff');
  expect([twice.status, (twice.body as { code: string }).code]).toEqual([409, 'PANEL_RUN_CONFIRMED']);
  expect((await call('POST', `/panels/runs/${runId}/confirm`, 'expert.wang')).status).toBe(403);
});
