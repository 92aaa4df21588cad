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
 * A case of a batch commissioned to the caller's institution, with that institution. Another
 * institution's case is "not found", like a missing one.
 */
export async function caseOfInstitution(tx: Tx, applicationId: string, institutionId: string) {
  const reviewCase = await tx.reviewCase.findUnique({ where: { id: applicationId } });
  const commission = reviewCase
    ? await tx.commission.findUnique({ where: { batchId: reviewCase.batchId }, include: { institution: true } })
    : null;
  if (!reviewCase || !commission || commission.institutionId !== institutionId) throw notFound('application');
  return { reviewCase, institution: commission.institution };
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
