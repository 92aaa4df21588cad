import { eventually, http } from '@firstset/testing';
import { day, expect, inDays, test } from './fixtures';
import { countOn, openHome } from './workspace-homes-kit';
import { completeViaApi, submitViaApi, UPLOADED_FILE_NAMES } from '../complete-application';

/**
 * Issue 20 item 4, a workspace home for every role (ADR 0030), in the browser against the whole
 * platform. Through the API: this year's batch, two drafts and two submitted applications of the
 * enterprise, one of them returned by Baotou. The enterprise, Baotou's officer and the Department
 * each open their home, read the counts (equal to what the gateway's lists answer) and follow one
 * count to the list showing exactly those items; Hohhot's officer has nothing to do. The expert's
 * and the institution's homes: workspace-homes-review.e2e-spec.ts.
 */
test.use({ platformGroup: 'workspace-homes', allowed: ['English', 'HM', 'HX', '91150200MA0N4KXX4C', UPLOADED_FILE_NAMES] });

test.describe('the enterprise, the prefecture and the Department', () => {
  let api: string;
  const tokens: Record<string, string> = {};
  let returnDeadline: string;

  test.beforeAll(async ({ platform }) => {
    api = platform.api;
    for (const u of ['dept.admin', 'northsteel', 'baotou.officer']) tokens[u] = await platform.login(u);
    const year = new Date().getFullYear();
    const batch = await http(api, 'POST', '/batches', {
      token: tokens['dept.admin'],
      body: { year, name: `${year}年度首台（套）认定`, windowOpensAt: inDays(-3).toISOString(), windowClosesAt: inDays(30).toISOString(), prefectureDeadline: day(inDays(45)) },
    });
    expect(batch.status).toBe(201);
    const profile = await http(api, 'PUT', '/enterprise/profile', {
      token: tokens.northsteel,
      body: { name: '包头北方重型装备有限公司', registeredAddress: '内蒙古自治区包头市青山区装备制造产业园区', addressDivisionCode: '150204' },
    });
    expect(profile.status).toBeLessThan(300);
    const create = async (productName: string, model: string) => {
      const created = await http(api, 'POST', '/applications', {
        token: tokens.northsteel,
        body: { batchId: batch.body.id, productKind: 'FIRST_SET_EQUIPMENT', productName, series: model.split('-')[0], model, rdCompletedOn: `${year - 1}-03-15` },
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    await create('智能化矿用液压支架', 'HM-1');
    await create('大功率矿用电动轮', 'HM-2');
    const submitted: string[] = [];
    for (const [name, model] of [['高压变频调速装置', 'HX-1'], ['重载齿轮箱', 'HX-2']]) {
      const id = await create(name, model);
      await completeViaApi(api, tokens.northsteel, id, { catalogueEntryCode: 'EF04' });
      expect((await submitViaApi(api, tokens.northsteel, id)).status).toBe(200);
      submitted.push(id);
    }
    // Baotou returns the first for correction once it has arrived (by event) in its queue.
    const queued = () => http(api, 'GET', `/preliminary-review/applications/${submitted[0]}`, { token: tokens['baotou.officer'] });
    await eventually(queued, (r) => r.status === 200, { what: 'the case in Baotou\'s queue', timeoutMs: 60_000 });
    returnDeadline = day(inDays(10));
    const returned = await http(api, 'POST', `/preliminary-review/applications/${submitted[0]}/return`, {
      token: tokens['baotou.officer'],
      body: { items: [{ item: 'testReport', reason: '检测报告缺少资质证书页' }], deadline: returnDeadline, measuresIds: ['M7.4'] },
    });
    expect(returned.status).toBe(200);
    await eventually(
      () => http(api, 'GET', '/applications?state=RETURNED_FOR_CORRECTION', { token: tokens.northsteel }),
      (r) => r.body.total === 1,
      { what: 'the return reaching the enterprise', timeoutMs: 60_000 },
    );
  });

  test('the enterprise\'s home counts its drafts, returned applications with their deadline and unread notices; the drafts count opens the drafts', async ({ web: run }) => {
    const page = await openHome(run, 'northsteel');
    await expect(page.getByTestId('work-enterprise.drafts')).toBeVisible();
    const list = async (query: string) => (await http(api, 'GET', `/${query}`, { token: tokens.northsteel })).body.total as number;
    expect(await countOn(page, 'enterprise.drafts')).toBe(2);
    expect(await countOn(page, 'enterprise.drafts')).toBe(await list('applications?state=DRAFT'));
    expect(await countOn(page, 'enterprise.returned')).toBe(1);
    expect(await countOn(page, 'enterprise.unreadNotices')).toBe(await list('notifications?unreadOnly=true'));
    await expect(page.getByText(`最近期限：${returnDeadline}`)).toBeVisible();
    await expect(page.getByText('盟市退回补正的申报，请在补正期限前修改后重新提交。')).toBeVisible();
    await run.expectNoEnglish(page);
    await run.shot(page, 'home-enterprise');

    await page.getByTestId('work-enterprise.drafts').click();
    await expect(page).toHaveURL(/\/enterprise\/applications\?state=DRAFT$/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: '草稿' })).toHaveCount(2);
    await run.expectNoEnglish(page);
  });

  test('Baotou\'s home counts its unclaimed applications and its summary deadline, and the count opens the queue filtered to them; Hohhot has nothing to do', async ({ web: run }) => {
    const page = await openHome(run, 'baotou.officer');
    const unclaimed = (await http(api, 'GET', '/preliminary-review/queue/search?attention=unclaimed', { token: tokens['baotou.officer'] })).body.total as number;
    expect(unclaimed).toBe(1);
    await expect(page.getByTestId('work-prefecture.unclaimed')).toBeVisible();
    expect(await countOn(page, 'prefecture.unclaimed')).toBe(unclaimed);
    expect(await countOn(page, 'prefecture.summaryDue')).toBe(1);
    await expect(page.getByText(`最近期限：${day(inDays(45))}`)).toBeVisible();
    // Nothing is overdue: no card for it.
    await expect(page.getByTestId('work-prefecture.overdue')).toHaveCount(0);
    await run.expectNoEnglish(page);
    await run.shot(page, 'home-prefecture');

    await page.getByTestId('work-prefecture.unclaimed').click();
    await expect(page).toHaveURL(/\/prefecture\/queue\?attention=unclaimed$/);
    await expect(page.getByText('仅显示：待领取')).toBeVisible();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
    await expect(page.getByText('重载齿轮箱')).toBeVisible();
    await run.expectNoEnglish(page);

    const hohhot = await openHome(run, 'hohhot.officer');
    // No case of Hohhot's: nothing to claim, no summary to send.
    await expect(hohhot.getByText('当前没有需要您处理的事项。')).toBeVisible();
    await run.expectNoEnglish(hohhot);
  });

  test('the Department\'s home counts the batches open for applications and opens them; the auditor reads the same home', async ({ web: run }) => {
    const page = await openHome(run, 'dept.admin');
    await expect(page.getByTestId('work-department.openBatches')).toBeVisible();
    expect(await countOn(page, 'department.openBatches')).toBe(1);
    await expect(page.getByTestId('work-department.objectionsReceived')).toHaveCount(0);
    await run.expectNoEnglish(page);
    await run.shot(page, 'home-department');
    await page.getByTestId('work-department.openBatches').click();
    await expect(page).toHaveURL(/\/department\/batches\?window=open$/);
    await expect(page.getByText('仅显示：申报期内')).toBeVisible();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
    await run.expectNoEnglish(page);

    const auditor = await openHome(run, 'auditor');
    await expect(auditor.getByText('审计人员只读查看工信厅的待办情况。')).toBeVisible();
    expect(await countOn(auditor, 'department.openBatches')).toBe(1);
    await run.expectNoEnglish(auditor);
  });
});
