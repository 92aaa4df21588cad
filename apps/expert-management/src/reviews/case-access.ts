import { ActorContext } from '@firstset/messaging';
import { LocalDate } from '@firstset/domain';
import { notFound } from '@firstset/service-kit';
import { institutionBannedOn } from '../commissions/sanctions';
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
 * institution. Another institution's case, one whose commission ended, or any case while the
 * institution is banned (M10.3, `today` given) is "not found", like a missing one.
 */
export async function caseOfInstitution(tx: Tx, applicationId: string, institutionId: string, today?: LocalDate) {
  const reviewCase = await tx.reviewCase.findUnique({ where: { id: applicationId }, include: { commission: { include: { institution: true } } } });
  const commission = reviewCase?.commission;
  if (!reviewCase || !commission || commission.endedAt || commission.institutionId !== institutionId) throw notFound('application');
  if (today && institutionBannedOn(commission.institution, today)) throw notFound('application');
  const { commission: _, ...plain } = reviewCase;
  return { reviewCase: plain, commission, institution: commission.institution };
}

/** The caller's own assignment to a case, with the case and the expert; anyone else's is "not found". */
export async function ownAssignment(tx: Tx, applicationId: string, expertId: string) {
  const assignment = await tx.assignment.findUnique({
    where: { applicationId_expertId: { applicationId, expertId } },
    include: { reviewCase: true, expert: true },
  });
  // An excluded or recused assignment is history: the expert can no longer act on it (M11.2).
  if (!assignment || assignment.status !== 'active') throw notFound('assignment');
  return assignment;
}
