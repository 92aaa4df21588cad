import type { MaterialViewV1 } from '@firstset/contracts';
import { ActorContext, isUuid } from '@firstset/messaging';
import { notFound } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';
import { Db } from '../prisma';

/**
 * Who may see an application's files: the enterprise itself, the prefecture of the application,
 * the Department, auditors (read-only, every read audited; ADR 0028), and the reviewers given access (the commissioned institution, experts who
 * accepted) while their work is not suspended (ADR 0026). Anyone else is answered as if the
 * application did not exist. A draft never submitted
 * is the enterprise's alone (M11.1 confidentiality; issue 14): nobody else learns it exists.
 */
export async function readableApplication(db: Tx | Db, actor: ActorContext, applicationId: string) {
  const where: Prisma.ApplicationWhereInput = { id: applicationId };
  if (actor.role === 'enterprise') where.enterpriseUscc = actor.enterpriseUscc ?? '\u0000';
  else if (actor.role === 'prefecture_officer') where.prefectureId = actor.prefectureId ?? '\u0000';
  else if (actor.role === 'institution_staff' || actor.role === 'expert') {
    // Reviewers read what they were given (ReviewerAccessConsumer), nothing else.
    const granteeId = actor.role === 'expert' ? actor.expertId : actor.institutionId;
    const kind = actor.role === 'expert' ? 'expert' : 'institution';
    const access = granteeId && isUuid(granteeId)
      ? await db.reviewerAccess.findFirst({ where: { applicationId, granteeKind: kind, granteeId, revokedAt: null } })
      : null;
    if (!access) throw notFound('application');
    const suspended = await db.suspendedReviewer.findUnique({ where: { granteeKind_granteeId: { granteeKind: kind, granteeId: granteeId! } } });
    if (suspended) throw IntakeErrors.reviewerWorkSuspended(suspended.from, suspended.caseNo);
  } else if (actor.role !== 'department_officer' && actor.role !== 'auditor') throw notFound('application');
  if (actor.role !== 'enterprise') where.submittedAt = { not: null };
  const app = await db.application.findFirst({ where });
  if (!app) throw notFound('application');
  return app;
}

/**
 * Where an application is visible to the actor in reads of applications (intake's own readers:
 * the enterprise, its prefecture, the Department and auditors); never-submitted drafts only to
 * the enterprise (M11.1).
 */
export function readableApplicationWhere(actor: ActorContext, applicationId: string): Prisma.ApplicationWhereInput {
  if (actor.role === 'enterprise') return { id: applicationId, enterpriseUscc: actor.enterpriseUscc ?? '\u0000' };
  const where: Prisma.ApplicationWhereInput = { id: applicationId, submittedAt: { not: null } };
  if (actor.role === 'prefecture_officer') where.prefectureId = actor.prefectureId ?? '\u0000';
  return where;
}

export type MaterialView = MaterialViewV1;

export const toMaterialView = (m: {
  id: string; slotId: string; fileName: string; mediaType: string; size: number; sha256: string; sm3: string | null; uploadedAt: Date;
}): MaterialView => ({
  id: m.id,
  slotId: m.slotId,
  fileName: m.fileName,
  mediaType: m.mediaType,
  size: m.size,
  sha256: m.sha256,
  sm3: m.sm3,
  uploadedAt: m.uploadedAt.toISOString(),
});
