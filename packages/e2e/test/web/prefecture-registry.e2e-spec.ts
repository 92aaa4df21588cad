import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { SendExpiryNotices } from '@firstset/contracts';
import { http, RpcCaller, schemaOf, sql } from '@firstset/testing';
import { beijingToday, chooseOption, expect, test } from './fixtures';

/**
 * The prefecture's recognized products and the expiry notices (M14, M13.2), in Debian's Chromium
 * against the whole platform. Three recognitions are in publicity's tables as issuing leaves them
 * (seeded, since issuing is its own journey): two of Baotou (one valid with 30 days left, one
 * expired) and one of Ordos. The system's daily run sends the 30-day notice; Baotou's officer finds
 * it on 认定产品, narrows the list to the valid products (in the URL), never sees Ordos's, and
 * downloads the XLSX (its rows checked); the enterprise finds the notice in its inbox.
 */
const TAG = String(Date.now() % 100000);
const YEAR = Number(beijingToday().slice(0, 4));
const plusDays = (n: number) => new Date(Date.parse(`${beijingToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const VALID = `包头稀土永磁电机有限公司${TAG}`;
const EXPIRED = `包头老牌电机有限公司${TAG}`;
const ORDOS = `鄂尔多斯电机有限公司${TAG}`;
const PRODUCT = `永磁同步牵引电机${TAG}`;
const CERT = `NMSTT-${YEAR - 3}-P${TAG}`;
test.use({ platformGroup: 'accounts-and-reference-data', allowed: ['English', 'NMSTT', CERT, `P${TAG}`, /EF\d{2}/g, 'PM'] });

/** One issued document of three years ago (so its products expire about now) and its recognitions. */
async function seed(env: Parameters<typeof sql>[0]): Promise<void> {
  const s = `"${schemaOf(env, 'publicity')}"`;
  const date = `${YEAR - 3}-01-15`;
  const no = `内工信装备认字〔${YEAR - 3}〕8${TAG}号`;
  const list = randomUUID();
  const doc = randomUUID();
  await sql(env, `INSERT INTO ${s}.decision_lists (id, batch_id, status, decided_on, decided_by) VALUES ($1, $2, 'CLOSED', $3, 'seed')`, [list, randomUUID(), date]);
  await sql(env, `INSERT INTO ${s}.recognition_documents (id, decision_list_id, kind, status, document_no, year, seq, document_date, issued_at) VALUES ($1, $2, 'main', 'issued', $3, $4, $5, $6, now())`, [doc, list, no, YEAR - 3, Number(`8${TAG}`), date]);
  const rows = [
    { name: VALID, prefecture: '150200', until: plusDays(30), cert: CERT },
    { name: EXPIRED, prefecture: '150200', until: plusDays(-10), cert: null },
    { name: ORDOS, prefecture: '150600', until: plusDays(30), cert: null },
  ];
  for (const r of rows) {
    await sql(
      env,
      `INSERT INTO ${s}.recognitions (id, application_id, document_id, document_no, document_date, certificate_no, prefecture_id, field_code, year, valid_from, valid_until,
        uscc, enterprise_name, product_kind, product_name, series, model, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'EF04', $8, $5, $9, '91150200MA0N4KXX4C', $10, 'FIRST_SET_EQUIPMENT', $11, 'PM', 'PM-300', now())`,
      [randomUUID(), randomUUID(), doc, no, date, r.cert, r.prefecture, YEAR - 3, r.until, r.name, PRODUCT],
    );
  }
}

test('M14 M13.2 the prefecture lists and exports its recognized products; the 30-day expiry notice reaches it and the enterprise', async ({ web: run, platform }) => {
  run.t0 = Date.now();
  await seed(platform.env);
  // The system's daily run (the scheduler runs it hourly; here it is called once).
  const rpc = await RpcCaller.connect(platform.env);
  try {
    const run1 = await rpc.request<{ sent: Array<{ daysBefore: number; validUntil: string }> }>(SendExpiryNotices, {}, { userId: 'system:test', role: 'system' });
    expect(run1.sent.filter((n) => n.validUntil === plusDays(30)).map((n) => n.daysBefore)).toEqual([30, 30]);
  } finally {
    await rpc.close();
  }
  run.mark('seeded and notified');

  // Baotou's officer: the notice, then its products narrowed to the valid ones.
  const officer = await run.newPage();
  await run.signIn(officer, 'baotou.officer');
  await officer.getByRole('menuitem', { name: '认定产品' }).click();
  const notices = officer.locator('.ant-card').filter({ hasText: '认定到期提醒' });
  const products = officer.locator('.ant-card').filter({ hasText: '本盟市已认定产品' });
  await expect(notices.getByRole('row', { name: new RegExp(VALID) })).toContainText(`${plusDays(30)}30 天提醒`);
  await expect(notices.getByRole('row', { name: new RegExp(ORDOS) })).toHaveCount(0);
  await officer.getByLabel('按申请单位、信用代码、产品、型号或编号查找').fill(TAG);
  await officer.getByLabel('按申请单位、信用代码、产品、型号或编号查找').press('Enter');
  await expect(products.getByRole('row', { name: new RegExp(EXPIRED) })).toContainText('已过有效期');
  await expect(products.getByRole('row', { name: new RegExp(ORDOS) })).toHaveCount(0);
  await chooseOption(officer, '状态', '有效');
  await expect(officer).toHaveURL(/status=valid/);
  await expect(products.getByRole('row', { name: new RegExp(EXPIRED) })).toHaveCount(0);
  await expect(products.getByRole('row', { name: new RegExp(VALID) })).toContainText(`${CERT}${YEAR - 3}-01-15 ~ ${plusDays(30)}有效`);
  await run.expectNoEnglish(officer);
  await run.shot(officer, 'prefecture-recognitions');

  const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('button', { name: '导出电子表格' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^认定产品清单-150200-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await download.path())!) as never);
  const rows = book.getWorksheet('认定产品')!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
  expect(rows[0]!.slice(1, 4)).toEqual(['申请单位', '统一社会信用代码', '产品名称']);
  expect(rows.slice(1).map((r) => [r[1], r[3], r[9], r[11], r[12], r[13]])).toEqual([[VALID, PRODUCT, CERT, plusDays(30), '有效', '30天']]);
  // Over HTTP: the prefecture is the token's; asking for another one is refused, and Ordos sees only its own.
  const baotou = await platform.login('baotou.officer');
  expect((await http(platform.api, 'GET', '/prefecture/recognitions?prefectureId=150600', { token: baotou })).status).toBe(400);
  const ordos = await http(platform.api, 'GET', `/prefecture/recognitions?search=${TAG}`, { token: await platform.login('ordos.officer') });
  expect((ordos.body as { items: Array<{ enterpriseName: string }> }).items.map((r) => r.enterpriseName)).toEqual([ORDOS]);
  run.mark('the prefecture');

  // The enterprise holding the recognition: the notice in its inbox.
  const token = await platform.login('northsteel');
  await expect
    .poll(async () => JSON.stringify((await http(platform.api, 'GET', '/notifications?pageSize=100', { token })).body), { timeout: 20_000 })
    .toContain(PRODUCT);
  const ent = await run.newPage();
  await run.signIn(ent, 'northsteel');
  await ent.getByRole('menuitem', { name: /消息通知/ }).click();
  const item = ent.getByTestId('notice').filter({ hasText: PRODUCT }).first();
  await expect(item.getByText('认定有效期即将届满')).toBeVisible();
  await expect(item).toContainText(`有效期至 ${plusDays(30)}（含当日），将在 30 天内届满`);
  await run.expectNoEnglish(ent);
  run.mark('the enterprise');
});
