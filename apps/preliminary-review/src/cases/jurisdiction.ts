import { ActorContext } from '@firstset/messaging';
import { Prisma } from '../generated/prisma/client';

/** The roles that read preliminary review, and how far each one sees. */
export const READER_ROLES = ['prefecture_officer', 'department_officer', 'auditor'] as const;

/**
 * A prefecture officer sees only the cases of their own prefecture (M7.2, M7.3); the Department
 * and auditors see every prefecture's.
 */
export function withinJurisdiction(actor: ActorContext, where: Prisma.ReviewCaseWhereInput = {}): Prisma.ReviewCaseWhereInput {
  return actor.role === 'prefecture_officer' ? { ...where, prefectureId: actor.prefectureId } : where;
}
