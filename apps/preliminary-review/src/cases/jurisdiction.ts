import { ActorContext } from '@firstset/messaging';
import { notFound } from '@firstset/service-kit';
import { Prisma, ReviewCase } from '../generated/prisma/client';
import { Tx } from '../prisma';

/** The roles that read preliminary review, and how far each one sees. */
export const READER_ROLES = ['prefecture_officer', 'department_officer', 'auditor'] as const;

/**
 * A prefecture officer sees only the cases of their own prefecture (M7.2, M7.3); the Department
 * and auditors see every prefecture's.
 */
export function withinJurisdiction(actor: ActorContext, where: Prisma.ReviewCaseWhereInput = {}): Prisma.ReviewCaseWhereInput {
  return actor.role === 'prefecture_officer' ? { ...where, prefectureId: actor.prefectureId } : where;
}

/** The case if the actor may see it; another prefecture's case is "not found", like a missing one. */
export async function caseInJurisdiction(db: Pick<Tx, 'reviewCase'>, actor: ActorContext, applicationId: string): Promise<ReviewCase> {
  const found = await db.reviewCase.findFirst({ where: withinJurisdiction(actor, { id: applicationId }) });
  if (!found) throw notFound('application');
  return found;
}

/**
 * The prefecture a reader asks about: an officer's own (naming another one is "not found"), the
 * Department's or auditor's choice.
 */
export function prefectureFor(actor: ActorContext, requested: string | undefined): string | undefined {
  if (actor.role !== 'prefecture_officer') return requested;
  if (requested && requested !== actor.prefectureId) throw notFound('prefecture');
  return actor.prefectureId;
}

/** Remembers the prefecture officer who acts, so that cases can be assigned to them later. */
export async function rememberOfficer(tx: Tx, actor: ActorContext, now: Date): Promise<void> {
  if (actor.role !== 'prefecture_officer' || !actor.prefectureId) return;
  await tx.knownOfficer.upsert({
    where: { userId: actor.userId },
    create: { userId: actor.userId, prefectureId: actor.prefectureId, displayName: actor.displayName ?? null, lastSeenAt: now },
    update: { prefectureId: actor.prefectureId, displayName: actor.displayName ?? null, lastSeenAt: now },
  });
}
