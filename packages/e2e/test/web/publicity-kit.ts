import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { schemaOf, sql, type TestEnv } from '@firstset/testing';
import { beijingToday, DEMO, expect } from './fixtures';
import { signOffReportByApi, type ReviewCaseRef, type ReviewKit } from './comprehensive-review-kit';

const REVIEW = INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview;

export interface PublicizedEntry extends ReviewCaseRef {
  decisionListId: string;
  /** The entry of the published list the public objects to (the `?entry=` of the objection form). */
  entryId: string;
}

/**
 * The review's completion, as the institution closes it today: expert Wang signs the undertaking
 * and scores, the institution recommends in its report and signs it off (M8.1, M9.1).
 */
async function completeReview(kit: ReviewKit, id: string): Promise<void> {
  expect((await kit.call('POST', `/reviews/${id}/accept`, 'expert.wang', { undertakingVersion: REVIEW.undertaking.version, conflict: 'none' })).status).toBe(200);
  const scored = await kit.call('POST', `/reviews/${id}/score`, 'expert.wang', {
    criteria: REVIEW.rubric.map((c) => ({ criterionId: c.id, score: 9, comment: `${c.nameZh}符合要求。` })),
    recommendation: 'recommend',
    opinion: '技术路线创新，性能指标国内领先，同意认定。',
  });
  expect(scored.status).toBe(200);
  await signOffReportByApi(kit, id);
}

/**
 * Through the API: an application reviewed (comprehensive-review-kit, then `completeReview`),
 * decided onto the Department's list and published today (M9.1, M9.2), with its entry's id.
 */
export async function applicationInPublicity(kit: ReviewKit, env: TestEnv): Promise<PublicizedEntry> {
  return (await applicationsInPublicity(kit, env, ['NTE220']))[0]!;
}

/** Several applications (one per model) of one batch, reviewed, decided onto one list and published today. */
export async function applicationsInPublicity(kit: ReviewKit, env: TestEnv, models: string[]): Promise<PublicizedEntry[]> {
  const refs = await kit.applicationsUnderReview(models, { experts: [DEMO.experts[0]!.id] });
  const batchId = refs[0]!.batchId;
  for (const ref of refs) await completeReview(kit, ref.id);
  await kit.until(
    () => kit.call('GET', `/decision-lists/candidates?batchId=${batchId}`, 'dept.admin'),
    (r) => refs.every((ref) => (r.body as Array<{ applicationId: string; state: string }>).some?.((c) => c.applicationId === ref.id && c.state === 'REVIEWED')),
    'the reviewed candidates in publicity',
  );
  const decided = await kit.call('POST', '/decisions', 'dept.admin', {
    batchId,
    meetingRef: '厅务会纪要〔2026〕12号',
    meetingOn: beijingToday(),
    deliberation: '综合评审报告建议认定，同意列入认定名单。',
    decisions: refs.map((ref) => ({ applicationId: ref.id, outcome: 'selected' })),
  });
  expect(decided.status).toBe(201);
  const decisionListId = (decided.body as { list: { id: string } }).list.id;
  expect((await kit.call('POST', `/decision-lists/${decisionListId}/publish`, 'dept.admin', { publicationDate: beijingToday() })).status).toBe(200);
  // The public notice page (another slice) links to the form with the entry; here it is read from publicity's table.
  const entries = await sql<{ id: string; application_id: string }>(env, `SELECT id, application_id FROM "${schemaOf(env, 'publicity')}".decision_list_entries WHERE decision_list_id = $1`, [decisionListId]);
  return refs.map((ref) => ({ ...ref, decisionListId, entryId: entries.find((e) => e.application_id === ref.id)!.id }));
}
