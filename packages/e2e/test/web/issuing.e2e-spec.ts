import { execFileSync } from 'node:child_process';
import type { Download, Page } from '@playwright/test';
import { http, RpcCaller } from '@firstset/testing';
import { expect, test } from './fixtures';
import { UPLOADED_FILE_NAMES } from '../complete-application';
import { ENTERPRISE, PRODUCT, reviewKit, type ReviewKit } from './comprehensive-review-kit';
import { applicationsInPublicity, type PublicizedEntry } from './publicity-kit';

/**
 * Issue 18 item 4, closing and issuing (M9.3, M13.1, M13.2; ADR 0025), in the browser against the
 * whole platform. Through the API (the screens were journeyed in decision-notice and objections):
 * two applications are decided and published today; the public objects to each; the Department
 * dismisses one objection and upholds the other. The publicity's clock moves past its end. In the
 * console the Department closes the publicity, previews the drafted document (no number) and
 * issues it; the enterprise downloads its certificate, whose QR link opens the verification page;
 * the public registry and notice show the recognition. Its own platform: the policy allows one
 * batch a year (M7.1) and the objections journey opens this year's.
 */
test.use({
  platformGroup: 'issuing',
  allowed: ['English', 'NTE220', 'NTE240', 'NTE', 'NMSTT', /NMSTT-\d{4}-\d{4}/g, '91150200MA0N4KXX4C', /2026-\d{6}-\d{5}/g, UPLOADED_FILE_NAMES],
});

let kit: ReviewKit;
let rpc: RpcCaller;

test.beforeAll(async ({ platform }) => {
  kit = await reviewKit(platform);
  rpc = await RpcCaller.connect(platform.env);
});

test.afterAll(async () => {
  // The services' clocks back to now, for the next journey of the group.
  await rpc?.setClock(new Date());
  await rpc?.close();
});

/** Presses the confirmation's OK. */
async function confirmDialog(page: Page, title: string | RegExp, ok: RegExp): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toBeHidden();
}

/** The text of a downloaded PDF (poppler's pdftotext). */
async function pdfText(download: Download): Promise<string> {
  return execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' });
}

/** An objection lodged by the public through the API, admitted and decided by the Department. */
async function objectionDecided(platform: { api: string }, entry: PublicizedEntry, outcome: 'upheld' | 'dismissed'): Promise<void> {
  const lodged = await http(platform.api, 'POST', '/public/objections', {
    body: { entryId: entry.entryId, objectorName: '张三', objectorKind: 'individual', phone: '13800000002', grounds: '该产品的核心部件为引进技术，不符合认定条件。' },
  });
  expect(lodged.status).toBe(201);
  const receiptNo = (lodged.body as { receiptNo: string }).receiptNo;
  const find = async () => ((await kit.call('GET', '/objections', 'dept.admin')).body as Array<{ id: string; receiptNo: string; version: number }>).find((o) => o.receiptNo === receiptNo)!;
  const o = await find();
  expect((await kit.call('POST', `/objections/${o.id}/assessment`, 'dept.admin', { expectedVersion: o.version, outcome: 'under_investigation', reason: '予以受理调查。' })).status).toBe(200);
  const admitted = await find();
  const reason = outcome === 'upheld' ? '经核实，核心部件为引进技术，异议成立。' : '经盟市核实，核心部件为自主研制，异议不成立。';
  expect((await kit.call('POST', `/objections/${o.id}/decision`, 'dept.admin', { expectedVersion: admitted.version, outcome, reason })).status).toBe(200);
}

test('M9.3 M13.1 M13.2 the Department closes the publicity and issues the document; the enterprise downloads its certificate; its QR link verifies it', async ({ web: run, platform }) => {
  run.t0 = Date.now();
  const [cleared, removed] = await applicationsInPublicity(kit, platform.env, ['NTE220', 'NTE240']);
  await objectionDecided(platform, cleared, 'dismissed');
  await objectionDecided(platform, removed, 'upheld');
  const [publicity] = (await kit.call('GET', `/issuing?batchId=${cleared!.batchId}`, 'dept.admin')).body as Array<{ publicityId: string; endsAt: string }>;
  run.mark('set-up through the API');

  // The publicity's five working days pass.
  await rpc.setClock(new Date(new Date(publicity!.endsAt).getTime() + 3_600_000));

  // The Department closes it in the console: the main document is drafted, without number.
  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '认定发文' }).click();
  const card = dept.locator(`[data-publicity="${publicity!.publicityId}"]`);
  await card.getByRole('button', { name: '结束公示并起草认定文件' }).click();
  await confirmDialog(dept, '确定结束公示吗', /结束公示并起草认定文件/);
  const draft = card.getByTestId('issuing-documents').getByRole('row').filter({ hasText: '关于认定' });
  await expect(draft).toContainText('草稿');
  await expect(draft).toContainText('印发时编号');
  await expect(draft).toContainText(ENTERPRISE);
  await run.expectNoEnglish(dept);
  const [preview] = await Promise.all([dept.waitForEvent('download'), draft.getByRole('button', { name: /^预览/ }).click()]);
  const previewText = await pdfText(preview);
  expect(previewText).toContain('草稿');
  expect(previewText).toContain(PRODUCT);
  run.mark('closed and previewed in the console');

  // It issues the draft after the confirmation: the number and the date are taken now.
  await draft.getByRole('button', { name: /^印发/ }).click();
  await confirmDialog(dept, '确定印发', /印\s?发/);
  await expect(draft).toContainText('已印发');
  await expect(draft).toContainText(/内工信装备认字〔\d{4}〕\d+号/);
  await expect(draft).toContainText(/NMSTT-\d{4}-\d{4}/);
  const documentNo = (await draft.innerText()).match(/内工信装备认字〔\d{4}〕\d+号/)![0];
  const certificateNo = (await draft.innerText()).match(/NMSTT-\d{4}-\d{4}/)![0];
  await run.shot(dept, 'department-issuing');
  const [issued] = await Promise.all([dept.waitForEvent('download'), draft.getByRole('button', { name: /^下载/ }).click()]);
  const issuedText = await pdfText(issued);
  for (const s of ['内蒙古自治区工业和信息化厅文件', documentNo, '关于认定', ENTERPRISE, PRODUCT]) expect(issuedText).toContain(s);
  run.mark('issued in the console');

  // The enterprise downloads its certificate; the removed application has none.
  await kit.until(() => kit.call('GET', `/applications/${cleared.id}`, 'northsteel'), (r) => (r.body as { state: string }).state === 'RECOGNIZED', 'RECOGNIZED at intake');
  const ent = await run.newPage();
  await run.signIn(ent, 'northsteel');
  await ent.goto(`${run.origin}/enterprise/applications/${cleared.id}`);
  const [certificate] = await Promise.all([ent.waitForEvent('download'), ent.getByRole('button', { name: '下载认定证书' }).click()]);
  const certificateText = await pdfText(certificate);
  for (const s of ['认定证书', certificateNo, ENTERPRISE, PRODUCT, documentNo]) expect(certificateText).toContain(s);
  expect((await kit.call('GET', `/applications/${removed.id}/certificate.pdf`, 'northsteel')).status).toBe(404);
  run.mark('the enterprise downloaded its certificate');

  // The QR code's link (printed beside it) opens the public verification page.
  const link = certificateText.match(/https?:\/\/\S+\/public\/verify\?no=\S+/)![0];
  expect(link).toBe(`${run.origin}/public/verify?no=${certificateNo}`);
  const pub = await run.newPage();
  await pub.goto(link);
  await expect(pub.getByText(`证书编号 ${certificateNo}`)).toBeVisible();
  await expect(pub.getByRole('region', { name: / · / }).getByText('有效', { exact: true })).toBeVisible();
  await run.expectNoEnglish(pub);

  // The public registry lists it; the notice names the document.
  await pub.goto(`${run.origin}/public`);
  await pub.getByLabel('按申请单位、信用代码、产品、型号或编号查找').fill(certificateNo);
  await pub.getByLabel('按申请单位、信用代码、产品、型号或编号查找').press('Enter');
  await expect(pub.getByRole('row', { name: new RegExp(ENTERPRISE) })).toContainText('有效');
  await pub.goto(`${run.origin}/public/notices`);
  await expect(pub.getByTestId('notice-documents').filter({ hasText: documentNo })).toBeVisible();
  run.mark('verified and listed in public');
});
