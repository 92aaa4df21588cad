import { LocalDate } from '@firstset/domain';
import { notFound } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { caseOfInstitution } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';

/** The names of the experts, by id, for the members of visits. */
export async function expertNames(tx: Pick<Tx, 'expert'>, ids: string[]): Promise<Map<string, string>> {
  const rows = await tx.expert.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A visit the caller's institution runs, read under the case's lock, with its findings: the case
 * must be held by the institution's open commission, the one the visit was scheduled under, and
 * the institution must not be banned (M10.3) or suspended (ADR 0026), as `caseOfInstitution` checks.
 * Anything else is "not found", like a missing one.
 */
export async function visitOfInstitution(tx: Tx, visitId: string, institutionId: string, today: LocalDate) {
  const found = await tx.siteVisit.findUnique({ where: { id: visitId }, select: { applicationId: true } });
  if (!found) throw notFound('site visit');
  await lockCase(tx, found.applicationId);
  const { reviewCase, commission } = await caseOfInstitution(tx, found.applicationId, institutionId, today);
  const visit = await tx.siteVisit.findUnique({ where: { id: visitId }, include: { findings: true } });
  if (!visit || visit.commissionId !== commission.id) throw notFound('site visit');
  return { visit, reviewCase };
}

/** The visit is still to take place: findings, evidence, edits, cancellation and the conclusion need it. */
export function assertScheduled(visit: { status: string }): void {
  if (visit.status !== 'scheduled') throw ExpertManagementErrors.siteVisitNotScheduled(visit.status);
}

/** A visit of the applicant's own application, read under the case's lock; another's is "not found". */
export async function visitOfApplicant(tx: Tx, visitId: string, enterpriseUscc: string) {
  const found = await tx.siteVisit.findUnique({ where: { id: visitId }, select: { applicationId: true } });
  if (!found) throw notFound('site visit');
  await lockCase(tx, found.applicationId);
  const reviewCase = await tx.reviewCase.findUnique({ where: { id: found.applicationId } });
  if (!reviewCase || reviewCase.enterpriseUscc !== enterpriseUscc) throw notFound('site visit');
  const visit = (await tx.siteVisit.findUnique({ where: { id: visitId }, include: { findings: true } }))!;
  return { visit, reviewCase };
}
