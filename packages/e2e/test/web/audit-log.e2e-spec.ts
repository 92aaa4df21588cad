import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { http } from '@firstset/testing';
import { chooseOption, day, expect, inDays } from './fixtures';
import { ALLOWED, REPORT, test, until } from './review-kit';

/**
 * Reading the audit log (issue 20, ADR 0028): a prefecture officer returns an application for
 * correction; the auditor finds who returned it and when, opens the application's materials read
 * only (each read audited) and exports the log as XLSX. In Debian's Chromium against the whole platform.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** The action codes shown beside their labels, and the request ids' first characters. */
const ACTION_CODE = /\b[a-z][a-z-]*(\.[a-z-]+)+\b/g;
const REQUEST_ID = /\b[0-9a-f]{8}\b/g;
// Strings first: Playwright reads an array whose second item is an object as [value, options].
test.use({ platformGroup: 'audit-log', allowed: ['XLSX', 'English', UUID, ACTION_CODE, REQUEST_ID, ...ALLOWED] });

test('the auditor finds who returned an application and when, opens its materials (each read audited) and exports the log', async ({ web: run, review, platform }) => {
  const { api, tokens, submittedApplication } = review;
  const call = (method: string, path: string, token: string, body?: unknown) => http(api, method, path, { token, body });
  run.t0 = Date.now();
  const officerToken = tokens['baotou.officer'];
  expect((await call('PUT', '/preliminary-review/settings/approval', tokens['dept.admin'], { twoStepApproval: false, prefectureId: '150200' })).status).toBe(200);

  // Through the API: the enterprise submits, Baotou's officer returns it for correction.
  const id = await submittedApplication('井下防爆巡检机器人', 'XJ', 'XJ-2');
  await until(() => call('GET', `/preliminary-review/applications/${id}`, officerToken), (r) => r.status === 200, 'the case in Baotou');
  const returned = await call('POST', `/preliminary-review/applications/${id}/return`, officerToken, { items: [{ item: 'testReport', reason: '检测报告缺页' }], deadline: day(inDays(10)), measuresIds: ['M7.4'] });
  expect(returned.status).toBe(200);
  await until(() => call('GET', `/applications/${id}`, tokens.northsteel), (r) => (r.body as { state: string }).state === 'RETURNED_FOR_CORRECTION', 'the return at intake');
  run.mark('returned through the API');

  // The auditor opens the audit log and looks for the return of this application.
  const auditor = await run.newPage();
  await run.signIn(auditor, 'auditor');
  await auditor.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(auditor.getByText(/至少保存 6 个月/)).toBeVisible();
  await chooseOption(auditor, '操作', '退回补正（review.return）', { search: '退回补正' });
  await auditor.getByLabel('对象标识（申报编号对应的标识可查全案）').fill(id);
  await auditor.getByRole('button', { name: /查\s*询/ }).click();
  await expect(auditor).toHaveURL(new RegExp(`action=review.return.*objectId=${id}|objectId=${id}.*action=review.return`));
  // Only the return is left once the filtered page has arrived.
  const dataRows = auditor.getByTestId('audit-records').locator('tr.ant-table-row');
  await expect(dataRows).toHaveCount(1);
  const row = dataRows.filter({ hasText: '退回补正' });
  await expect(row).toHaveCount(1);
  // Who: the officer's name, role and prefecture; when: Beijing time to the second; what and the outcome.
  await expect(row.getByText('包头市工信局 初审员')).toBeVisible();
  await expect(row.getByText('盟市工信部门 · 包头市')).toBeVisible();
  await expect(row.getByText('review.return')).toBeVisible();
  await expect(row.getByText('成功')).toBeVisible();
  await expect(row.getByRole('cell').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await run.expectNoEnglish(auditor);
  await run.shot(auditor, 'audit-log');

  // The application, read only, with its materials: the auditor downloads the test report.
  await row.getByRole('link', { name: '查看申报' }).click();
  await expect(auditor.getByText(/本页的每次查阅与下载均记入审计日志/)).toBeVisible();
  await expect(auditor.getByText('退回补正').first()).toBeVisible();
  const materials = auditor.getByTestId('audit-application-materials');
  await expect(materials.getByText(REPORT)).toBeVisible();
  const [file] = await Promise.all([auditor.waitForEvent('download'), materials.getByRole('button', { name: `下载 ${REPORT}` }).click()]);
  expect(file.suggestedFilename()).toBe(REPORT);
  expect(readFileSync((await file.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await run.expectNoEnglish(auditor);
  await run.shot(auditor, 'audit-application');

  // Each of the auditor's reads is in the log, under the auditor's name.
  await auditor.getByRole('link', { name: '本申报的审计记录' }).click();
  const records = auditor.getByTestId('audit-records');
  for (const action of ['下载申报材料', '查阅材料清单', '查阅申报']) {
    await expect(records.getByRole('row').filter({ hasText: action }).filter({ hasText: '审计员' }).first()).toBeVisible();
  }
  await expect(records.getByRole('row').filter({ hasText: '提交申报' })).toHaveCount(1);

  // The selection of the return, exported: the file arrives and holds the row.
  await chooseOption(auditor, '操作', '退回补正（review.return）', { search: '退回补正' });
  await auditor.getByRole('button', { name: /查\s*询/ }).click();
  await expect(records.locator('tr.ant-table-row')).toHaveCount(1);
  await expect(records.getByRole('row').filter({ hasText: '退回补正' })).toHaveCount(1);
  const [exported] = await Promise.all([auditor.waitForEvent('download'), auditor.getByRole('button', { name: '导出 XLSX' }).click()]);
  expect(exported.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await exported.path())!) as never);
  const rows = book.getWorksheet('审计日志')!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
  expect(rows).toHaveLength(2);
  expect(rows[1]).toEqual(expect.arrayContaining(['包头市工信局 初审员', 'review.return', 'application', id, '成功', 'prefecture:150200']));
  run.mark('exported');

  // The export is itself audited.
  const log = await call('GET', '/audit/records?action=audit.export', await platform.login('auditor'));
  expect(log.body.items[0]).toMatchObject({ actorName: '审计员', outcome: 'succeeded', detail: { records: 1 } });
});
