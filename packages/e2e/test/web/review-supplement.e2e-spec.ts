import type { Page } from '@playwright/test';
import { http } from '@firstset/testing';
import { day, expect, inDays, judgeByApi } from './fixtures';
import { openCase, PLEDGE, REVIEW_GROUP, test, until } from './review-kit';

/**
 * A supplement (补报, M7.3): an application recommended after Baotou's summary was sent goes to the
 * Department in a supplement with its own letter, and the Department sees the summary and its
 * supplement. In Debian's Chromium against the whole platform.
 */
test.use(REVIEW_GROUP);

test('M7.3 a recommendation after the summary is sent goes to the Department in a supplement (补报) with its own letter; the Department sees both', async ({ web: run, review }) => {
  const { api, tokens, submittedApplication, batchId } = review;
  const newPage = () => run.newPage();
  const signIn = (page: Page, username: string) => run.signIn(page, username);
  const shot = (page: Page, name: string) => run.shot(page, name);
  const expectNoEnglish = (page: Page) => run.expectNoEnglish(page);
  run.t0 = Date.now();
  const officerToken = tokens['baotou.officer'];
  const call = (method: string, path: string, token: string, body?: unknown) => http(api, method, path, { token, body });
  expect((await call('PUT', '/preliminary-review/settings/approval', tokens['dept.admin'], { twoStepApproval: false, prefectureId: '150200' })).status).toBe(200);

  // Through the API: one application recommended, another returned with a deadline after the summary; the summary is sent.
  const product = '矿用智能掘进机器人';
  const onTime = await submittedApplication('井下防爆巡检机器人', 'XJ', 'XJ-2');
  const late = await submittedApplication(product, 'JJ', 'JJ-1');
  for (const id of [onTime, late]) await until(() => call('GET', `/preliminary-review/applications/${id}`, officerToken), (r) => r.status === 200, 'the case in Baotou');
  await judgeByApi(api, officerToken, onTime);
  expect((await call('POST', `/preliminary-review/applications/${onTime}/recommend`, officerToken, { opinion: '同意推荐。' })).status).toBe(200);
  const returned = await call('POST', `/preliminary-review/applications/${late}/return`, officerToken, { items: [{ item: 'testReport', reason: '检测报告缺页' }], deadline: day(inDays(10)), measuresIds: ['M7.4'] });
  expect(returned.status).toBe(200);
  expect((await call('POST', '/preliminary-review/summaries', officerToken, { batchId })).status).toBe(201);

  // The enterprise resubmits within its correction deadline, after the summary.
  const ent = tokens.northsteel;
  const read = async () => (await call('GET', `/applications/${late}`, ent)).body as { revision: number; state: string };
  await until(read, (a) => a.state === 'RETURNED_FOR_CORRECTION', 'the return to reach intake');
  const answered = await call('PATCH', `/applications/${late}`, ent, { expectedRevision: (await read()).revision, correctionAnswers: [{ item: 'testReport', answer: '已补齐缺页' }] });
  expect(answered.status).toBe(200);
  // Unsigned (400) or signed with an outdated pledge (422): refused at the field, nothing resubmitted (M10.1).
  const unsigned = await call('POST', `/applications/${late}/resubmit`, ent, {});
  expect([unsigned.status, JSON.stringify(unsigned.body.errors)]).toEqual([400, expect.stringContaining('pledgeVersion')]);
  const outdated = await call('POST', `/applications/${late}/resubmit`, ent, { pledgeVersion: 'nmg-pledge-2020-1' });
  expect([outdated.status, outdated.body.code, outdated.body.errors[0].field]).toEqual([422, 'PLEDGE_VERSION_OUTDATED', 'pledgeVersion']);
  expect((await read()).state).toBe('RETURNED_FOR_CORRECTION');
  expect((await call('POST', `/applications/${late}/resubmit`, ent, { pledgeVersion: PLEDGE.version })).status).toBe(200);
  await until(() => call('GET', `/preliminary-review/applications/${late}`, officerToken), (r) => (r.body as { state: string }).state === 'RESUBMITTED', 'the resubmission in Baotou');

  // The officer recommends it in the browser: the summary is sent, so it will follow in a supplement.
  const officer = await newPage();
  await signIn(officer, 'baotou.officer');
  await openCase(officer, run.origin, late, product);
  await judgeByApi(api, officerToken, late);
  await officer.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(officer.getByText('已判定 11 / 11 项')).toBeVisible();
  await officer.getByTestId('review-decisions').getByRole('button', { name: /推\s*荐/ }).click();
  const recommend = officer.getByRole('dialog');
  await expect(recommend.getByText(/汇总已报送的，列入补报/)).toBeVisible();
  await recommend.getByLabel('推荐意见').fill('补正后符合申报条件，同意补报推荐。');
  await recommend.getByRole('button', { name: /推\s*荐/ }).click();
  await expect(officer.getByText('已推荐至自治区工业和信息化厅')).toBeVisible();

  // The summary page: the summary as sent, the one waiting for a supplement; the supplement is confirmed and sent.
  await officer.getByRole('menuitem', { name: '汇总报送' }).click();
  const supplements = officer.getByTestId('summary-supplements');
  await expect(supplements.getByTestId('summary-pending').getByText(new RegExp(`待补报 1 项：包头北方重型装备有限公司（${product}）`))).toBeVisible();
  await expect(officer.getByTestId('summary-status').getByText(/汇总已于 .* 报送/)).toBeVisible();
  await officer.getByLabel('签发人').fill('包头市工信局 王局长');
  await supplements.getByRole('button', { name: /补\s*报/ }).click();
  const sure = officer.getByRole('dialog').filter({ hasText: '确认补报' });
  await expect(sure.getByText(/这 1 项申请将提交自治区工业和信息化厅，与已报送的汇总一并综合评审，补报不能修改或撤回/)).toBeVisible();
  await shot(officer, 'prefecture-supplement-confirm');
  await sure.getByRole('button', { name: /补\s*报/ }).click();
  await expect(officer.getByTestId('summary-done').getByText('已补报，共 1 项')).toBeVisible();
  await expect(supplements.getByText(/^第 1 次补报：.*，1 项$/)).toBeVisible();
  const [letter] = await Promise.all([officer.waitForEvent('download'), supplements.getByRole('button', { name: '导出第 1 次补报推荐函（PDF）' }).click()]);
  expect(letter.suggestedFilename()).toMatch(/^\d{4}年度包头市补报1推荐函\.pdf$/);
  await expectNoEnglish(officer);
  await shot(officer, 'prefecture-supplement-sent');

  // The Department sees the summary and its supplement, each with its letter.
  const dept = await newPage();
  await signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '各盟市进度' }).click();
  const baotou = dept.getByRole('row', { name: /包头市/ });
  await expect(baotou.getByText('补报 1 次')).toBeVisible();
  await baotou.getByRole('button', { name: '查看汇总' }).click();
  const drawer = dept.getByRole('dialog');
  await expect(drawer.getByTestId('summary-part-0').getByText(/井下防爆巡检机器人/)).toBeVisible();
  await expect(drawer.getByTestId('summary-part-1').getByText(/^第 1 次补报（.*）$/)).toBeVisible();
  await expect(drawer.getByTestId('summary-part-1').getByText(new RegExp(`${product}.*补正后符合申报条件，同意补报推荐。`))).toBeVisible();
  await expectNoEnglish(dept);
  await shot(dept, 'department-summary-supplement');
});
