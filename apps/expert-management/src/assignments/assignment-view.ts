import type { AssignmentViewV1 } from '@firstset/contracts';
import { Assignment, Expert } from '../generated/prisma/client';

export type AssignmentView = AssignmentViewV1;

export function toAssignmentView(a: Assignment, expert: Pick<Expert, 'name'>): AssignmentView {
  return {
    applicationId: a.applicationId,
    expertId: a.expertId,
    expertName: expert.name,
    assignedAt: a.assignedAt.toISOString(),
    acceptedAt: a.acceptedAt?.toISOString() ?? null,
    score: a.score,
    opinion: a.opinion,
    scoredAt: a.scoredAt?.toISOString() ?? null,
    status: a.status,
    endReason: a.endReason,
  };
}
