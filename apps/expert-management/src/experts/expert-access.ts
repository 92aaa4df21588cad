import { ActorContext } from '@firstset/messaging';
import { notFound } from '@firstset/service-kit';
import { Db, Tx } from '../prisma';
import { expertOf, institutionOf } from '../reviews/case-access';

/** An expert of the institution's pool with their ties; another institution's expert, or none, is "not found". */
export async function expertOfPool(tx: Tx | Db, expertId: string, institutionId: string) {
  const expert = await tx.expert.findUnique({ where: { id: expertId }, include: { ties: true } });
  if (!expert || expert.institutionId !== institutionId) throw notFound('expert');
  return expert;
}

/**
 * The expert a caller may read and declare for: the institution its pool's experts, an expert only
 * themself (M11.1 declared ties). Naming someone else is answered as "not found", like a missing one.
 */
export async function expertForActor(tx: Tx | Db, actor: ActorContext, expertId: string | undefined) {
  if (actor.role === 'expert') {
    const own = expertOf(actor);
    if (expertId && expertId !== own) throw notFound('expert');
    const expert = await tx.expert.findUnique({ where: { id: own }, include: { ties: true } });
    if (!expert) throw notFound('expert');
    return expert;
  }
  if (!expertId) throw notFound('expert');
  return expertOfPool(tx, expertId, institutionOf(actor));
}
