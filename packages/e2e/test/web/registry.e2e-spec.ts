import { randomUUID } from 'node:crypto';
import { schemaOf, sql } from '@firstset/testing';
import { expect, test } from './fixtures';

/**
 * The registry kept up to date, in Debian's Chromium against the whole platform (M13.1, M13.2,
 * M10.2). Three recognitions are in publicity's tables as issuing leaves them (a valid one, a
 * revoked one with its notice, an expired one; seeded, since issuing is its own journey). A member
 * of the public, signed out, searches the registry and narrows it by status (in the URL), opens a
 * product's verification, checks an unknown number and reads the page on a phone; the Department
 * renames the enterprise with a reason; the public verification then shows the new name and the
 * amendment in the record; the auditor reads the record but cannot amend.
 */
const TAG = String(Date.now() % 100000);
const YEAR = new Date().getFullYear();
const CERT = `NMSTT-${YEAR}-E${TAG}`;
const DOC = `内工信装备认字〔${YEAR}〕9${TAG}号`;
const OLD_DOC = `内工信装备认字〔${YEAR - 4}〕9${TAG}号`;
test.use({ platformGroup: 'accounts-and-reference-data', allowed: ['English', 'NMSTT', CERT, `E${TAG}`, 'NTE', /EF\d{2}/g, /\bNM\b/g] });

const ENTERPRISE = `包头北方重型装备有限公司${TAG}`;

/** One issued document and its recognitions, with their first history event. */
async function seedRegistry(env: Parameters<typeof sql>[0]): Promise<void> {
  const s = `"${schemaOf(env, 'publicity')}"`;
  const doc = async (no: string, date: string, rows: Array<{ cert: string | null; name: string; model: string; until: string; revokedOn?: string }>) => {
    const list = randomUUID();
    const id = randomUUID();
    await sql(env, `INSERT INTO ${s}.decision_lists (id, batch_id, status, decided_on, decided_by) VALUES ($1, $2, 'CLOSED', $3, 'seed')`, [list, randomUUID(), date]);
    await sql(env, `INSERT INTO ${s}.recognition_documents (id, decision_list_id, kind, status, document_no, year, seq, document_date, issued_at) VALUES ($1, $2, 'main', 'issued', $3, $4, $5, $6, now())`, [id, list, no, Number(date.slice(0, 4)), Number(`9${TAG}`), date]);
    for (const r of rows) {
      const rid = randomUUID();
      await sql(
        env,
        `INSERT INTO ${s}.recognitions (id, application_id, document_id, document_no, document_date, certificate_no, prefecture_id, field_code, year, valid_from, valid_until,
          uscc, enterprise_name, product_kind, product_name, series, model, issued_at, revoked_on, revocation_notice)
         VALUES ($1, $2, $3, $4, $5, $6, '150200', 'EF04', $7, $5, $8, '91150200MA0N4KXX4C', $9, 'FIRST_SET_EQUIPMENT', '矿用自卸车', 'NTE', $10, now(), $11, $12)`,
        [rid, randomUUID(), id, no, date, r.cert, Number(date.slice(0, 4)), r.until, r.name, r.model, r.revokedOn ?? null, r.revokedOn ? '经查实提供虚假检测报告，撤销认定并三年内不得申报。' : null],
      );
      await sql(env, `INSERT INTO ${s}.recognition_events (id, recognition_id, kind, occurred_on, occurred_at, actor_id) VALUES ($1, $2, 'issued', $3, now(), 'seed')`, [randomUUID(), rid, date]);
    }
  };
  await doc(DOC, `${YEAR}-01-15`, [
    { cert: CERT, name: ENTERPRISE, model: 'NTE-220', until: `${YEAR + 3}-01-15` },
    { cert: null, name: `包头造假装备有限公司${TAG}`, model: 'NTE-330', until: `${YEAR + 3}-01-15`, revokedOn: `${YEAR}-01-20` },
  ]);
  await doc(OLD_DOC, `${YEAR - 4}-03-01`, [{ cert: null, name: `包头老牌装备有限公司${TAG}`, model: 'NTE-100', until: `${YEAR - 1}-03-01` }]);
}

test('M13.1 M13.2 the public searches the registry and verifies a product; the Department amends an entry; the auditor reads its record', async ({ web: run, platform }) => {
  run.t0 = Date.now();
  await seedRegistry(platform.env);

  // The public, signed out: the registry keeps the revoked and expired products with their status.
  const pub = await run.newPage();
  await pub.goto(`${run.origin}/public`);
  await pub.getByLabel('按申请单位、信用代码、产品、型号或编号查找').fill(TAG);
  await pub.getByLabel('按申请单位、信用代码、产品、型号或编号查找').press('Enter');
  await expect(pub.getByRole('row', { name: new RegExp(ENTERPRISE) })).toContainText('有效');
  await expect(pub.getByRole('row', { name: /包头造假装备有限公司/ })).toContainText(`已撤销${YEAR}-01-20 起撤销`);
  await expect(pub.getByRole('row', { name: /包头老牌装备有限公司/ })).toContainText('已过有效期');
  await run.expectNoEnglish(pub);
  await run.shot(pub, 'public-registry');
  // Narrowed to the revoked ones: the filter is in the URL, and a reload keeps it.
  await pub.getByLabel('状态', { exact: true }).selectOption({ label: '已撤销' });
  await expect(pub).toHaveURL(/status=revoked/);
  await pub.reload();
  await expect(pub.getByRole('row', { name: /包头造假装备有限公司/ })).toBeVisible();
  await expect(pub.getByRole('row', { name: new RegExp(ENTERPRISE) })).toHaveCount(0);

  // The valid product's verification, as its certificate's QR code opens it.
  await pub.goto(`${run.origin}/public/verify?no=${encodeURIComponent(CERT)}`);
  await expect(pub.getByText(`证书编号 ${CERT}`)).toBeVisible();
  await expect(pub.getByText('内蒙古自治区工业和信息化厅')).toBeVisible();
  // The product's card (a region named by its enterprise and product) says it is valid.
  await expect(pub.getByRole('region', { name: / · / }).getByText('有效', { exact: true })).toBeVisible();
  await expect(pub.getByText(`${YEAR}-01-15 认定`)).toBeVisible();
  await run.expectNoEnglish(pub);
  await run.shot(pub, 'public-verify');
  // The revoked one, by its document: the notice of revocation is public.
  await pub.getByLabel('认定文件号或证书编号').fill(DOC);
  await pub.getByRole('button', { name: /^查\s?验$/ }).click();
  await expect(pub.getByText(`认定文件 ${DOC}，共 2 项产品`)).toBeVisible();
  await expect(pub.getByText('经查实提供虚假检测报告，撤销认定并三年内不得申报。')).toBeVisible();
  // An unknown number says so, and nothing else.
  await pub.getByLabel('认定文件号或证书编号').fill(`NMSTT-${YEAR}-000000`);
  await pub.getByRole('button', { name: /^查\s?验$/ }).click();
  await expect(pub.getByText('未查到该编号的认定记录，请核对编号是否完整准确。')).toBeVisible();
  // On a phone the verification still reads in one column.
  await pub.setViewportSize({ width: 390, height: 844 });
  await pub.goto(`${run.origin}/public/verify?no=${encodeURIComponent(CERT)}`);
  await expect(pub.getByText(`证书编号 ${CERT}`)).toBeVisible();
  expect(await pub.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await run.checkAccessibility(pub);
  run.mark('the public');

  // The Department renames the enterprise, with the reason.
  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '认定名录' }).click();
  await dept.getByLabel('按申请单位、信用代码、产品、型号或编号查找').fill(CERT);
  await dept.getByLabel('按申请单位、信用代码、产品、型号或编号查找').press('Enter');
  const row = dept.getByRole('row', { name: new RegExp(ENTERPRISE) });
  await row.getByRole('button', { name: /^更\s?正$/ }).click();
  const dialog = dept.getByRole('dialog', { name: '更正名录条目' });
  await dialog.getByLabel('申请单位').fill(`包头北方重型装备集团有限公司${TAG}`);
  await dialog.getByLabel('更正理由').fill('企业更名，依据市场监管部门变更登记通知书');
  await run.expectNoEnglish(dept);
  await dialog.getByRole('button', { name: '确认更正' }).click();
  await expect(dept.getByText('已更正名录条目')).toBeVisible();
  const renamed = dept.getByRole('row', { name: /包头北方重型装备集团有限公司/ });
  await renamed.getByRole('button', { name: '变更记录' }).click();
  const drawer = dept.getByRole('dialog', { name: /的变更记录$/ });
  await expect(drawer.getByText(`申请单位：${ENTERPRISE} → 包头北方重型装备集团有限公司${TAG}`)).toBeVisible();
  await expect(drawer.getByText('理由：企业更名，依据市场监管部门变更登记通知书')).toBeVisible();
  await run.shot(dept, 'department-registry-record');

  // The public verification shows the new name and the amendment.
  await pub.reload();
  await expect(pub.getByText(`包头北方重型装备集团有限公司${TAG} · 矿用自卸车`)).toBeVisible();
  await expect(pub.getByText(/ 更正$/)).toBeVisible();

  // The auditor reads the record and cannot amend.
  const auditor = await run.newPage();
  await run.signIn(auditor, 'auditor');
  await auditor.getByRole('menuitem', { name: '认定名录' }).click();
  await auditor.getByLabel('按申请单位、信用代码、产品、型号或编号查找').fill(CERT);
  await auditor.getByLabel('按申请单位、信用代码、产品、型号或编号查找').press('Enter');
  const audited = auditor.getByRole('row', { name: /包头北方重型装备集团有限公司/ });
  await expect(audited.getByRole('button', { name: '变更记录' })).toBeVisible();
  await expect(audited.getByRole('button', { name: /^更\s?正$/ })).toHaveCount(0);
  await run.expectNoEnglish(auditor);
});
