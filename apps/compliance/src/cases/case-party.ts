import type { ActorContext } from '@firstset/messaging';
import type { ComplianceCase } from '../generated/prisma/client';

/**
 * Whether the actor is the party a case is against: the enterprise of a recognition (by USCC),
 * the institution's staff, the expert. Parties see their case only once notified (ADR 0026).
 */
export function isCaseParty(actor: ActorContext, c: Pick<ComplianceCase, 'subjectKind' | 'subjectId' | 'subjectUscc'>): boolean {
  switch (c.subjectKind) {
    case 'recognition':
      return actor.role === 'enterprise' && !!actor.enterpriseUscc && actor.enterpriseUscc === c.subjectUscc;
    case 'institution':
      return actor.role === 'institution_staff' && actor.institutionId === c.subjectId;
    case 'expert':
      return actor.role === 'expert' && actor.expertId === c.subjectId;
    default:
      return false;
  }
}

/** The filter of a party's own cases, or null for a role that is never a party. */
export function partyFilter(actor: ActorContext): { subjectKind: string; subjectId?: string; subjectUscc?: string } | null {
  if (actor.role === 'enterprise' && actor.enterpriseUscc) return { subjectKind: 'recognition', subjectUscc: actor.enterpriseUscc };
  if (actor.role === 'institution_staff' && actor.institutionId) return { subjectKind: 'institution', subjectId: actor.institutionId };
  if (actor.role === 'expert' && actor.expertId) return { subjectKind: 'expert', subjectId: actor.expertId };
  return null;
}
