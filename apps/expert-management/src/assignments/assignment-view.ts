import type { AssignmentViewV1, PeerScoreViewV1 } from '@firstset/contracts';
import { Assignment, Expert } from '../generated/prisma/client';
import { criterionScoresOf } from '../reviews/review-rules';

export type AssignmentView = AssignmentViewV1;

export function toAssignmentView(a: Assignment, expert: Pick<Expert, 'name'>): AssignmentView {
  return {
    applicationId: a.applicationId,
    expertId: a.expertId,
    expertName: expert.name,
    status: a.status,
    assignedAt: a.assignedAt.toISOString(),
    acceptedAt: a.acceptedAt?.toISOString() ?? null,
    undertakingVersion: a.undertakingVersion,
    noConflictConfirmedAt: a.noConflictConfirmedAt?.toISOString() ?? null,
    criterionScores: criterionScoresOf(a.criterionScores),
    score: a.score,
    recommendation: a.recommendation,
    opinion: a.opinion,
    scoredAt: a.scoredAt?.toISOString() ?? null,
    endedAt: a.endedAt?.toISOString() ?? null,
    endReason: a.endReason,
  };
}

/**
 * The other panel members' scores as one expert may see them (M11.1): nothing until that expert's
 * own scores are in; then the active members' submitted scores, without names, in the order they came.
 */
export function peerScoresFor(own: Assignment, all: readonly Assignment[]): PeerScoreViewV1[] {
  if (!own.scoredAt) return [];
  return all
    .filter((a) => a.id !== own.id && a.status === 'active' && a.scoredAt !== null)
    .sort((x, y) => x.scoredAt!.getTime() - y.scoredAt!.getTime() || x.id.localeCompare(y.id))
    .map((a, i) => ({
      ordinal: i + 1,
      criterionScores: criterionScoresOf(a.criterionScores),
      score: a.score,
      recommendation: a.recommendation,
      opinion: a.opinion,
      scoredAt: a.scoredAt!.toISOString(),
    }));
}
