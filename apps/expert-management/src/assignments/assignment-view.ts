import { Assignment, Expert } from '../generated/prisma/client';

export interface AssignmentView {
  applicationId: string;
  expertId: string;
  expertName: string;
  assignedAt: string;
  /** When the expert accepted and signed the confidentiality undertaking (M11.1). */
  acceptedAt: string | null;
  score: number | null;
  opinion: string | null;
  scoredAt: string | null;
}

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
  };
}
