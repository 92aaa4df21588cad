import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { http } from '@firstset/testing';
import { day, expect, inDays, pickDate, test } from './fixtures';

/**
 * In Debian's Chromium against the whole platform: the Department opens a batch under the policy
 * profile in force (M15), shown on the batch list and on the enterprise's application; it imports a
 * verified new-materials catalogue (M4.3) and a list of earlier recognitions (M6.4), each previewed
 * with its problems at their rows before anything is kept. Every page is checked for English left
 * in the zh-CN UI.
 */
/** File formats are named so in Chinese UIs too; the files' names and the credit code are data. */
test.use({
  platformGroup: 'accounts-and-reference-data',
  allowed: ['English', 'CSV', 'UTF', 'Excel', 'xlsx', 'csv', 'earlier', 'catalogue', '91150200MA0N4KXX4C', 'TK'],
});

const dir = mkdtempSync(join(tmpdir(), 'firstset-imports-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const choose = async (page: Page, path: string) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles(path);
};

test('M15 M4.3 M6.4 the Department opens a batch under a policy profile and imports the catalogue and earlier recognitions after a preview', async ({ web: run, platform }) => {
  const year = new Date().getFullYear();
  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');

  // M15: the dialog picks the profile in force, shows its numbers; the list shows it on the batch.
  await dept.getByRole('menuitem', { name: '年度申报批次' }).click();
  await dept.getByRole('button', { name: '开启申报批次' }).click();
  const dialog = dept.getByRole('dialog');
  await expect(dialog.getByText('公示 5 个工作日 · 有效期 3 年 · 失信禁入 3 年 · 研发完成不超过 2 年')).toBeVisible();
  await expect(dialog.getByText('（征求意见稿）（自 2025-01-01 起施行）')).toBeVisible();
  await pickDate(dept, '申报开始时间（北京时间）', `${day(inDays(-3))} 09:00`);
  await pickDate(dept, '申报截止时间（北京时间）', `${day(inDays(30))} 17:00`);
  await pickDate(dept, '盟市报送截止日期（北京时间）', day(inDays(45)));
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'department-open-batch-profile');
  await dialog.getByRole('button', { name: '开启申报批次' }).click();
  await expect(dept.getByText('申报批次已开启')).toBeVisible();
  await expect(dept.getByTestId('batch-policy-profile').getByText(/征求意见稿/)).toBeVisible();

  // M4.3: the shipped catalogue awaits verification; a file with problems shows them at their rows.
  await dept.getByRole('menuitem', { name: '新材料目录' }).click();
  await expect(dept.getByTestId('catalogue-unverified')).toBeVisible();
  await expect(dept.getByRole('cell', { name: '先进有色金属材料' })).toBeVisible();
  await dept.getByLabel('来源文件（名称和文号）').fill('《工业战略性新兴产业分类目录（2024）》（已核对）');
  await choose(dept, file('catalogue.csv', 'code,nameZh,parentCode\n3,新材料产业,\n3.2,,3\n'));
  await expect(dept.getByTestId('import-issues')).toBeVisible();
  await expect(dept.getByText('代码「3.2」缺少中文名称')).toBeVisible();
  await expect(dept.getByTestId('import-commit')).toBeDisabled();
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'department-catalogue-preview-errors');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('目录').addRows([['代码', '名称', '上级代码'], ['3', '新材料产业', ''], ['3.2', '先进有色金属材料', '3'], ['3.2.1', '稀土新材料', '3.2']]);
  await choose(dept, file('catalogue.xlsx', Buffer.from(await book.xlsx.writeBuffer())));
  await expect(dept.getByTestId('import-ready')).toBeVisible();
  await dept.getByTestId('import-commit').click();
  await expect(dept.getByText('已导入 3 行')).toBeVisible();
  await expect(dept.getByRole('cell', { name: '稀土新材料' })).toBeVisible();
  await expect(dept.getByTestId('catalogue-unverified')).toHaveCount(0);

  // M6.4: the earlier recognitions, previewed then imported, marked as imported.
  await dept.getByRole('menuitem', { name: '平台前认定名单' }).click();
  await expect(dept.getByText('尚未导入平台前认定名单')).toBeVisible();
  const header = '企业名称,统一社会信用代码,产品名称,系列,型号,认定年度,认定文号\n';
  const row = '包头北方重型装备有限公司,91150200MA0N4KXX4C,大型矿用自卸车,TK,TK200,2022,内工信装字〔2022〕12号\n';
  await choose(dept, file('earlier-bad.csv', header + row.replace(',2022,', `,${year + 3},`)));
  await expect(dept.getByText(`认定年度「${year + 3}」应为 2000–${year} 之间的年份`)).toBeVisible();
  await expect(dept.getByTestId('import-commit')).toBeDisabled();
  await choose(dept, file('earlier.csv', header + row));
  await expect(dept.getByTestId('import-ready')).toBeVisible();
  await dept.getByTestId('import-commit').click();
  await expect(dept.getByText('已导入 1 行')).toBeVisible();
  await expect(dept.getByRole('row', { name: /内工信装字〔2022〕12号.*导入/ })).toBeVisible();
  await run.expectNoEnglish(dept);
  await run.shot(dept, 'department-earlier-recognitions');

  // Read back through the API: the import is what the series check sees.
  const token = await platform.login('auditor');
  const listed = await http(platform.api, 'GET', '/earlier-recognitions', { token });
  expect(listed.body).toEqual([expect.objectContaining({ series: 'TK', imported: true })]);
});
