import { randomUUID } from 'node:crypto';
import { schemaOf, sql } from '@firstset/testing';
import { expect, test } from './fixtures';

/**
 * The decision and its public notice, in Debian's Chromium against the whole platform (M9.1,
 * M9.2). Two applications of a fresh batch are REVIEWED candidates in publicity's table (seeded in
 * one function, since the review's completion is its own journey). The Department decides both at
 * a recorded meeting (one on the list, one not, with the reason), withdraws the list with a reason
 * and decides again, sees the frozen list with its hash and publishes it today; the public, signed out, finds the notice under 公示公告, reads the
 * list, the period, the rule and how to object, sees the hash recomputed in the browser agree, and
 * reads it on a phone. The auditor sees the page without its actions.
 */
const TAG = String(Date.now() % 100000);
const ENTERPRISE = `包头北方重型装备有限公司${TAG}`;
const OTHER = `呼和浩特新材料有限公司${TAG}`;
// A string second: Playwright would read `[value, { … }]` as a fixture's value and options.
test.use({ platformGroup: 'expert-review', allowed: ['SHA-256', 'English', 'zbc@gxt.nmg.gov.cn', /[0-9a-f]{64}/g, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'NTE', /NTE-\d+/g, '91150200MA0N4KXX4C', /2026-\d{6}-\d{5}/g] });

/** Two REVIEWED candidates of a fresh batch, as the comprehensive review leaves them. */
async function reviewedCandidates(env: Parameters<typeof sql>[0]): Promise<string> {
  const s = `"${schemaOf(env, 'publicity')}"`;
  const batchId = randomUUID();
  const rows = [
    { no: `2026-150200-${TAG.padStart(5, '0')}`, prefecture: '150200', name: ENTERPRISE, product: '220吨电动轮矿用自卸车', model: 'NTE-220', score: 88 },
    { no: `2026-150100-${TAG.padStart(5, '0')}`, prefecture: '150100', name: OTHER, product: '高纯稀土金属靶材', model: 'NTE-330', score: 61 },
  ];
  for (const r of rows) {
    await sql(
      env,
      `INSERT INTO ${s}.candidates (application_id, batch_id, application_no, prefecture_id, uscc, enterprise_name, registered_address, product_kind, product_name,
         series, model, rd_completed_on, score, opinion, reviewed_at, state, updated_at)
       VALUES ($1, $2, $3, $4, '91150200MA0N4KXX4C', $5, '包头市青山区', 'FIRST_SET_EQUIPMENT', $6, 'NTE', $7, '2026-03-01', $8, '专家组意见', now(), 'REVIEWED', now())`,
      [randomUUID(), batchId, r.no, r.prefecture, r.name, r.product, r.model, r.score],
    );
  }
  return batchId;
}

test('M9.1 M9.2 the Department decides a batch, withdraws the list and decides again, and publishes it; the public reads the notice and checks its hash', async ({ web: run, platform }) => {
  run.t0 = Date.now();
  const batchId = await reviewedCandidates(platform.env);

  // The Department decides every candidate: a reason is required for the one not selected.
  const dept = await run.newPage();
  await run.signIn(dept, 'dept.admin');
  await dept.getByRole('menuitem', { name: '认定决定' }).click();
  await dept.goto(`${run.origin}/department/decision?batch=${batchId}`);
  const mine = dept.getByRole('row', { name: new RegExp(ENTERPRISE) });
  const other = dept.getByRole('row', { name: new RegExp(OTHER) });
  await mine.getByRole('radio', { name: '列入', exact: true }).check();
  await other.getByRole('radio', { name: '不列入' }).check();
  await expect(dept.getByText('不列入认定名单须说明理由')).toBeVisible();
  await expect(dept.getByRole('button', { name: '作出决定' })).toBeDisabled();
  await other.getByRole('textbox').fill('现场核查发现样机未实现首台（套）关键指标');
  await dept.getByLabel('会议纪要编号').fill(`厅务会纪要〔2026〕${TAG}号`);
  await dept.getByLabel('审议情况').fill('逐项审议专家评审意见和现场核查结果');
  await run.expectNoEnglish(dept);
  await dept.getByRole('button', { name: '作出决定' }).click();
  const confirm = dept.getByRole('dialog', { name: '确认认定决定' });
  await expect(confirm).toContainText('列入 1 项，不列入 1 项');
  await confirm.getByRole('button', { name: '作出决定' }).click();
  await expect(dept.getByText('已作出认定决定')).toBeVisible();
  await expect(dept.getByText('本批次没有待决定的申请')).toBeVisible();
  // A mistake found before publication: the list is withdrawn with a reason (kept on record), then decided again.
  await dept.getByRole('button', { name: '撤回名单' }).click();
  const withdraw = dept.getByRole('dialog', { name: '撤回尚未公示的认定名单' });
  await withdraw.getByLabel('撤回理由').fill('会议纪要编号有误，重新审议');
  await withdraw.getByRole('button', { name: '确认撤回' }).click();
  await expect(dept.getByText('名单已撤回，请重新作出认定决定')).toBeVisible();
  await expect(dept.getByText(/撤回：会议纪要编号有误，重新审议/)).toBeVisible();
  await expect(other).toHaveCount(0); // the one not selected keeps its decision
  await mine.getByRole('radio', { name: '列入', exact: true }).check();
  await dept.getByLabel('会议纪要编号').fill(`厅务会纪要〔2026〕${TAG}-1号`);
  await dept.getByRole('button', { name: '作出决定' }).click();
  await expect(confirm).toContainText('列入 1 项，不列入 0 项');
  await confirm.getByRole('button', { name: '作出决定' }).click();
  await expect(dept.getByText('本批次没有待决定的申请')).toBeVisible();
  await expect(dept.locator('.ant-card code')).toHaveCount(2);
  const hash = (await dept.locator('.ant-card code').first().textContent())!.trim();
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await run.shot(dept, 'department-decision');
  // Published today: the period is counted on the working-day calendar.
  await dept.getByRole('button', { name: /^公\s?示$/ }).click();
  const publish = dept.getByRole('dialog', { name: '发布公示' });
  await publish.getByRole('button', { name: /^公\s?示$/ }).click();
  await expect(dept.getByText(/已发布公示，公示期 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/)).toBeVisible();
  run.mark('the Department decides and publishes');

  // The public, signed out: the notice under 公示公告, its list as decided, the hash checked in the browser.
  const pub = await run.newPage();
  await pub.goto(`${run.origin}/public`);
  await pub.getByRole('tab', { name: '公示公告' }).click();
  await pub.getByRole('link', { name: /首台（套）产品认定名单公示/ }).first().click();
  await expect(pub.getByRole('row', { name: new RegExp(ENTERPRISE) })).toBeVisible();
  await expect(pub.getByRole('row', { name: new RegExp(OTHER) })).toHaveCount(0);
  await expect(pub.getByText('校验一致：本页名单与决定时冻结的名单相同')).toBeVisible();
  await expect(pub.getByText(hash)).toBeVisible();
  await expect(pub.getByText(/公示期为5个工作日/)).toBeVisible();
  await expect(pub.getByText(/国务院办公厅关于2026年部分节假日安排的通知/)).toBeVisible();
  await expect(pub.getByText(/如对名单有异议/)).toBeVisible();
  await expect(pub.getByRole('row', { name: new RegExp(ENTERPRISE) }).getByRole('link', { name: '提出异议' })).toHaveAttribute('href', /\/public\/objections\/new\?entry=/);
  // No score and no opinion on the public page.
  await expect(pub.getByText('专家组意见')).toHaveCount(0);
  await expect(pub.getByText('评审得分')).toHaveCount(0);
  await run.expectNoEnglish(pub);
  await run.shot(pub, 'public-notice');
  // On a phone the page reads in one column; the table scrolls inside its own box.
  await pub.setViewportSize({ width: 390, height: 844 });
  await pub.reload();
  await expect(pub.getByText('校验一致：本页名单与决定时冻结的名单相同')).toBeVisible();
  expect(await pub.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await run.checkAccessibility(pub);
  run.mark('the public');

  // The auditor reads the decision page without its actions.
  const auditor = await run.newPage();
  await run.signIn(auditor, 'auditor');
  await auditor.goto(`${run.origin}/department/decision?batch=${batchId}`);
  await expect(auditor.getByText(hash).first()).toBeVisible();
  await expect(auditor.getByRole('button', { name: '作出决定' })).toHaveCount(0);
  await expect(auditor.getByRole('button', { name: /^公\s?示$/ })).toHaveCount(0);
});
