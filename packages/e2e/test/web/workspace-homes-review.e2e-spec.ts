import { http } from '@firstset/testing';
import { DEMO, expect, test } from './fixtures';
import { UPLOADED_FILE_NAMES } from '../complete-application';
import { reviewKit } from './comprehensive-review-kit';
import { countOn, openHome } from './workspace-homes-kit';

/**
 * Issue 20 item 4, the workspace homes of the expert and the institution (ADR 0030), on a platform
 * of its own (the review kit opens the year's batch itself, one a year, M7.1): two applications
 * reach comprehensive review with expert Wang assigned; Wang's home counts the assignments to
 * accept and opens them, the institution's counts its cases in review and opens them.
 */
test.use({ platformGroup: 'workspace-homes-review', allowed: ['English', 'NTE220', 'NTE221', 'NTE', '91150200MA0N4KXX4C', /EF\d{2}/g, UPLOADED_FILE_NAMES] });

test.describe('the expert and the institution', () => {
  const WANG = DEMO.experts[0]!.id;
  let wangToken: string;

  test.beforeAll(async ({ platform }) => {
    const kit = await reviewKit(platform);
    await kit.applicationsUnderReview(['NTE220', 'NTE221'], { experts: [WANG] });
    wangToken = await platform.login('expert.wang');
  });

  test('M8.1, M11.1 the expert\'s home counts the assignments to accept and opens them; the institution\'s counts its cases in review', async ({ web: run, platform }) => {
    const wang = await openHome(run, 'expert.wang');
    await expect(wang.getByTestId('work-expert.toAccept')).toBeVisible();
    const assigned = (await http(platform.api, 'GET', '/reviews/search?stage=ASSIGNED', { token: wangToken })).body.total as number;
    expect(assigned).toBe(2);
    expect(await countOn(wang, 'expert.toAccept')).toBe(assigned);
    await expect(wang.getByTestId('work-expert.toScore')).toHaveCount(0);
    await run.expectNoEnglish(wang);
    await run.shot(wang, 'home-expert');
    await wang.getByTestId('work-expert.toAccept').click();
    await expect(wang).toHaveURL(/\/expert\/assignments\?stage=ASSIGNED$/);
    await expect(wang.getByRole('tabpanel', { name: '待接受' }).getByRole('button', { name: '接受任务' })).toHaveCount(2);
    await run.expectNoEnglish(wang);

    const staff = await openHome(run, 'institution.staff');
    await expect(staff.getByTestId('work-institution.inReview')).toBeVisible();
    expect(await countOn(staff, 'institution.inReview')).toBe(2);
    await run.expectNoEnglish(staff);
    await staff.getByTestId('work-institution.inReview').click();
    await expect(staff).toHaveURL(/\/institution\/reviews\?state=UNDER_COMPREHENSIVE_REVIEW$/);
    await expect(staff.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(2);
    await run.expectNoEnglish(staff);
  });
});
