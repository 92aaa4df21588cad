import { ActorContext } from '@firstset/messaging';
import { notFound } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';

/** The institution an institution_staff account is bound to. */
export function institutionOf(actor: ActorContext): string {
  if (!actor.institutionId) throw ExpertManagementErrors.noJurisdiction('institution');
  return actor.institutionId;
}

/** The expert an expert account is bound to. */
export function expertOf(actor: ActorContext): string {
  if (!actor.expertId) throw ExpertManagementErrors.noJurisdiction('expert');
  return actor.expertId;
}

/**
 * A case held by a commission of the caller's institution that has not ended, with that
 * institution. Another institution's case, or one whose commission ended, is "not found", like a
 * missing one.
 */
export async function caseOfInstitution(tx: Tx, applicationId: string, institutionId: string) {
  const reviewCase = await tx.reviewCase.findUnique({ where: { id: applicationId }, include: { commission: { include: { institution: true } } } });
  const commission = reviewCase?.commission;
  if (!reviewCase || !commission || commission.endedAt || commission.institutionId !== institutionId) throw notFound('application');
  const { commission: _, ...plain } = reviewCase;
  return { reviewCase: plain, commission, institution: commission.institution };
}

/** The caller's own assignment to a case, with the case and the expert; anyone else's is "not found". */
export async function ownAssignment(tx: Tx, applicationId: string, expertId: string) {
  const assignment = await tx.assignment.findUnique({
    where: { applicationId_expertId: { applicationId, expertId } },
    include: { reviewCase: true, expert: true },
  });
  if (!assignment) throw notFound('assignment');
  return assignment;
}
