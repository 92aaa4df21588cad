import { ActorContext } from '@firstset/messaging';
import { LocalDate } from '@firstset/domain';
import { notFound } from '@firstset/service-kit';
import { institutionBannedOn, workSuspendedOn } from '../commissions/sanctions';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Db, Tx } from '../prisma';

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
 * The caller's institution, for review work (reading cases, seating experts, reports, site
 * visits): refused with the case number while its work is suspended as an interim measure of a
 * compliance case being heard (ADR 0026, M10.3). Its own pool and records stay its to keep.
 */
export async function workingInstitutionOf(db: Tx | Db, actor: ActorContext, today: LocalDate): Promise<string> {
  const id = institutionOf(actor);
  const found = await db.institution.findUnique({ where: { id }, select: { workSuspendedFrom: true, workSuspensionCase: true } });
  if (found && workSuspendedOn(found, today)) throw ExpertManagementErrors.institutionWorkSuspended(found.workSuspendedFrom!, found.workSuspensionCase ?? '');
  return id;
}

/**
 * The caller's expert, for reading review work: refused with the case number while suspended as
 * an interim measure (ADR 0026, M11.2). A disqualified expert's assignments are excluded instead,
 * so there is nothing left to read; acting is refused by `assertExpertQualified`.
 */
export async function workingExpertOf(db: Tx | Db, actor: ActorContext, today: LocalDate): Promise<string> {
  const id = expertOf(actor);
  const found = await db.expert.findUnique({ where: { id }, select: { workSuspendedFrom: true, workSuspensionCase: true } });
  if (found && workSuspendedOn(found, today)) throw ExpertManagementErrors.expertWorkSuspended(found.workSuspendedFrom!, found.workSuspensionCase ?? '');
  return id;
}

/**
 * A case held by a commission of the caller's institution that has not ended, with that
 * institution. Another institution's case, one whose commission ended, or any case while the
 * institution is banned (M10.3) is "not found", like a missing one; while its work is suspended
 * (ADR 0026) the refusal says so.
 */
export async function caseOfInstitution(tx: Tx, applicationId: string, institutionId: string, today: LocalDate) {
  const reviewCase = await tx.reviewCase.findUnique({ where: { id: applicationId }, include: { commission: { include: { institution: true } } } });
  const commission = reviewCase?.commission;
  if (!reviewCase || !commission || commission.endedAt || commission.institutionId !== institutionId) throw notFound('application');
  if (institutionBannedOn(commission.institution, today)) throw notFound('application');
  const i = commission.institution;
  if (workSuspendedOn(i, today)) throw ExpertManagementErrors.institutionWorkSuspended(i.workSuspendedFrom!, i.workSuspensionCase ?? '');
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
