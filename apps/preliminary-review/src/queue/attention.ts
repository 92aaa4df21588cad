import type { SearchReviewQueueV1 } from '@firstset/contracts';
import { ApplicationState } from '@firstset/domain';
import { Prisma } from '../generated/prisma/client';

/**
 * The cases waiting for the prefecture's hand, one condition shared by the queue's `attention`
 * filter and the workspace home's counts, so a count equals the list it links to. `today` is the
 * China date: a correction deadline is its last day, included (M7.3).
 */
export function attentionWhere(attention: NonNullable<SearchReviewQueueV1['attention']>, today: string): Prisma.ReviewCaseWhereInput {
  return attention === 'unclaimed'
    ? { state: { in: [ApplicationState.SUBMITTED, ApplicationState.RESUBMITTED] }, assigneeId: null }
    : { state: ApplicationState.RETURNED_FOR_CORRECTION, correctionDeadline: { lt: today } };
}
