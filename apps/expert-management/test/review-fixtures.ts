import { randomUUID } from 'node:crypto';
import { ApplicationRecommendedV1, GetReviewReport, ReviewReportViewV1, SaveReviewReport, SignOffReviewReport, SummarySubmitted } from '@firstset/contracts';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { ActorContext } from '@firstset/messaging';
import { publishEvent, RpcCaller, TestEnv, waitUntilConsumed } from '@firstset/testing';

let seq = 0;

/** A recommendation of the batch with a unique application number and model. */
export function recommended(batchId: string): ApplicationRecommendedV1 {
  seq += 1;
  const n = `${process.pid % 1000}${String(seq).padStart(4, '0')}`;
  return {
    applicationId: randomUUID(),
    batchId,
    applicationNo: `2026-150200-${n}`,
    prefectureId: '150200',
    enterprise: { uscc: '91150200MA0N4KXX4C', name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${n}`, rdCompletedOn: '2026-03-01' },
    opinion: '同意推荐',
    recommendedBy: randomUUID(),
    recommendedAt: new Date().toISOString(),
  };
}

/** The prefecture's summary (M7.3) carries the recommendations: one summary per recommendation here. */
export async function recommend(env: TestEnv, ...events: ApplicationRecommendedV1[]): Promise<void> {
  for (const e of events) {
    const { recommendedBy, recommendedAt, ...entry } = e;
    await publishEvent(env, SummarySubmitted, {
      summaryId: randomUUID(),
      batchId: e.batchId,
      prefectureId: e.prefectureId,
      entries: [{ ...entry, order: 1 }],
      submittedBy: recommendedBy,
      submittedAt: recommendedAt,
    });
  }
  await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'expert-management-summaries');
}

const REVIEW = INNER_MONGOLIA_DRAFT_PROFILE.comprehensiveReview;

/** The profile's undertaking, signed with no conflict declared (M11.1). */
export const accepting = (applicationId: string) => ({ applicationId, undertakingVersion: REVIEW.undertaking.version, conflict: 'none' as const });

/** Every rubric criterion `n` of 10 (weighted total 10 × n), or the given scores per criterion, each with a comment (M8.1). */
export const scoring = (applicationId: string, n: number | Record<string, number>, opinion = '同意') => ({
  applicationId,
  criteria: REVIEW.rubric.map((c) => ({ criterionId: c.id, score: typeof n === 'number' ? n : n[c.id]!, comment: `${c.nameZh}：评语` })),
  recommendation: 'recommend' as const,
  opinion,
});

/**
 * The institution concludes the review the way it does (M8.1, M9.1): it saves its report's
 * recommendation with reasons at the version it read, then signs the report off.
 */
export async function signOff(
  rpc: RpcCaller,
  applicationId: string,
  staff: ActorContext,
  recommendation: 'recommend' | 'not_recommend' = 'recommend',
): Promise<ReviewReportViewV1> {
  const draft = await rpc.request<ReviewReportViewV1>(GetReviewReport, { applicationId }, staff);
  const saved = await rpc.request<ReviewReportViewV1>(SaveReviewReport, { applicationId, recommendation, reasons: '综合评审意见一致', expectedVersion: draft.version }, staff);
  return rpc.request<ReviewReportViewV1>(SignOffReviewReport, { applicationId, expectedVersion: saved.version }, staff);
}
