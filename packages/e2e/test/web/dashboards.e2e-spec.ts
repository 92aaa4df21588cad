import { readFileSync } from 'node:fs';
import { http } from '@firstset/testing';
import { chooseOption, day, expect, inDays, judgeByApi, keepForDocs } from './fixtures';
import { ALLOWED, test, until } from './review-kit';

/**
 * The dashboards (统计分析, issue 20; ADR 0029): with applications in the pipeline (one recommended,
 * one returned for correction, through the real services and their events), the Department opens
 * the dashboards, filters by batch and prefecture (in the URL), sees the charts with their numbers
 * and downloads one chart's numbers; the auditor reads the same page. In Debian's Chromium against
 * the whole platform, oversight included.
 */
test.use({ platformGroup: 'dashboards', allowed: [...ALLOWED, 'CSV'] });

type Dashboard = { applications: number; states: Array<{ state: string; count: number }> };

test('M7.2, M7.3: the Department reads the dashboards by batch and prefecture and downloads a chart’s numbers; the auditor reads them too', async ({ web: run, review }) => {
  const { api, tokens, submittedApplication, batchId } = review;
  run.t0 = Date.now();
  const officerToken = tokens['baotou.officer'];
  const call = (method: string, path: string, token: string, body?: unknown) => http(api, method, path, { token, body });
  expect((await call('PUT', '/preliminary-review/settings/approval', tokens['dept.admin'], { twoStepApproval: false, prefectureId: '150200' })).status).toBe(200);

  // Through the API: two applications submitted to Baotou; one recommended, one returned for correction.
  const recommended = await submittedApplication('井下防爆巡检机器人', 'XJ', 'XJ-2');
  const returned = await submittedApplication('矿用智能掘进机器人', 'JJ', 'JJ-1');
  for (const id of [recommended, returned]) await until(() => call('GET', `/preliminary-review/applications/${id}`, officerToken), (r) => r.status === 200, 'the case in Baotou');
  await judgeByApi(api, officerToken, recommended);
  expect((await call('POST', `/preliminary-review/applications/${recommended}/recommend`, officerToken, { opinion: '同意推荐。' })).status).toBe(200);
  const back = await call('POST', `/preliminary-review/applications/${returned}/return`, officerToken, { items: [{ item: 'testReport', reason: '检测报告缺页' }], deadline: day(inDays(10)), measuresIds: ['M7.4'] });
  expect(back.status).toBe(200);
  // The events reach oversight's projection.
  const dashboard = async (query = '') => (await call('GET', `/dashboards?batchId=${batchId}${query}`, tokens['dept.admin'])).body as Dashboard;
  await until(dashboard, (d) => d.states.some((s) => s.state === 'RECOMMENDED') && d.states.some((s) => s.state === 'RETURNED_FOR_CORRECTION'), 'the projection');
  // Others may not read them; hostile filters are refused.
  expect((await call('GET', '/dashboards', officerToken)).status).toBe(403);
  expect((await call('GET', '/dashboards?prefectureId=abc', tokens['dept.admin'])).status).toBe(400);

  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '统计分析' }).click();
  await expect(dept.getByRole('heading', { name: '统计分析' }).or(dept.getByText('统计分析', { exact: true }).first())).toBeVisible();
  const states = dept.getByTestId('chart-states');
  await expect(states.getByRole('img', { name: '申报状态分布图表' })).toBeVisible();

  // Filter by batch, then by prefecture: both land in the URL and the numbers follow.
  const batchName = `${new Date().getFullYear()}年度首台（套）技术装备、关键零部件和新材料首批（次）认定`;
  await chooseOption(dept, '批次', batchName);
  await expect(dept).toHaveURL(new RegExp(`batch=${batchId}`));
  await chooseOption(dept, '盟市', '包头市');
  await expect(dept).toHaveURL(/prefecture=150200/);
  const numbers = dept.getByTestId('numbers-states');
  await expect(numbers.getByRole('row', { name: /已推荐\s*1/ })).toBeVisible();
  await expect(numbers.getByRole('row', { name: /退回补正\s*1/ })).toBeVisible();
  await expect(dept.getByTestId('numbers-returns').getByRole('row', { name: /产品质量（性能参数）检测报告\s*1/ })).toBeVisible();
  await expect(dept.getByTestId('numbers-deadlines').getByRole('row', { name: /补正期限\s*0\s*0\s*1/ })).toBeVisible();
  await expect(dept.getByTestId('chart-stages').getByRole('img', { name: '各环节用时（天）图表' })).toBeVisible();
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'department-dashboards');
  keepForDocs('department-dashboards');

  // One chart's numbers, downloaded as CSV: what the table shows.
  const [download] = await Promise.all([dept.waitForEvent('download'), states.getByRole('button', { name: '下载 CSV：申报状态分布' }).click()]);
  expect(download.suggestedFilename()).toBe('统计分析-申报状态分布.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual(expect.arrayContaining(['状态 State,数量 Count', 'RECOMMENDED,1', 'RETURNED_FOR_CORRECTION,1']));

  // Another prefecture has none of them; the URL carries the filters to whoever opens it.
  await chooseOption(dept, '盟市', '呼和浩特市');
  await expect(dept.getByTestId('numbers-states').getByRole('row', { name: /已推荐/ })).toHaveCount(0);
  await expect(dept.getByTestId('chart-states').getByText('暂无数据').first()).toBeVisible();
  const shared = dept.url();

  // The auditor reads the same dashboards (its workspace is the Department's), from the same link.
  const auditor = await run.newPage();
  await run.signIn(auditor, 'auditor');
  await auditor.goto(shared.replace('prefecture=150100', 'prefecture=150200'));
  await expect(auditor.getByTestId('numbers-states').getByRole('row', { name: /已推荐\s*1/ })).toBeVisible();
  await run.expectNoEnglish(auditor);
  run.mark('done');
});
