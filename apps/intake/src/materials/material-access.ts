import { ActorContext } from '@firstset/messaging';
import { notFound } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Tx } from '../prisma';
import { Db } from '../prisma';

/**
 * Who may see an application's files: the enterprise itself, the prefecture of the application and
 * the Department. Anyone else is answered as if the application did not exist.
 */
export async function readableApplication(db: Tx | Db, actor: ActorContext, applicationId: string) {
  const where: Prisma.ApplicationWhereInput = { id: applicationId };
  if (actor.role === 'enterprise') where.enterpriseUscc = actor.enterpriseUscc ?? '\u0000';
  else if (actor.role === 'prefecture_officer') where.prefectureId = actor.prefectureId ?? '\u0000';
  else if (actor.role !== 'department_officer') throw notFound('application');
  const app = await db.application.findFirst({ where });
  if (!app) throw notFound('application');
  return app;
}

export interface MaterialView {
  id: string;
  slotId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  sm3: string | null;
  uploadedAt: string;
}

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
