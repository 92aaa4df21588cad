import { Inject, Injectable } from '@nestjs/common';
import { ApplicationRefDto } from '@firstset/contracts';
import { LocalDate, toShanghaiDate } from '@firstset/domain';
import { ActorContext, MessageMeta } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Db, Tx } from '../prisma';
import { expertOf, workingExpertOf, workingInstitutionOf } from '../reviews/case-access';
import { expertNames } from './site-visit-access';
import { SiteVisitView, toSiteVisitView } from './site-visit-view';

const READERS = ['department_officer', 'auditor', 'institution_staff', 'expert', 'enterprise'] as const;

/**
 * Which visits of a case the caller may read (M8.2, M11.1): the Department and auditors all; the
 * institution those of a case its open commission holds; an expert those of a case they are on
 * the panel of, and any visit they are a member of; the applicant those of its own application.
 * `null` when the case is not the caller's to read. A reviewer whose work is suspended (ADR 0026)
 * is refused with the case that suspends it.
 */
async function readableWhere(db: Db | Tx, actor: ActorContext, applicationId: string, today: LocalDate) {
  switch (actor.role) {
    case 'institution_staff': {
      const held = await db.reviewCase.count({ where: { id: applicationId, commission: { institutionId: await workingInstitutionOf(db, actor, today), endedAt: null } } });
      return held ? { applicationId } : null;
    }
    case 'expert': {
      const expertId = await workingExpertOf(db, actor, today);
      const onPanel = await db.assignment.count({ where: { applicationId, expertId, status: 'active' } });
      return onPanel ? { applicationId } : { applicationId, memberExpertIds: { has: expertId } };
    }
    case 'enterprise': {
      const own = await db.reviewCase.count({ where: { id: applicationId, enterpriseUscc: actor.enterpriseUscc ?? '' } });
      return own ? { applicationId } : null;
    }
    default:
      return { applicationId };
  }
}

/** One visit the caller may read, with its findings; anything else is "not found". */
export async function readableVisit(tx: Tx, actor: ActorContext, visitId: string, today: LocalDate) {
  const visit = await tx.siteVisit.findUnique({ where: { id: visitId }, include: { findings: true } });
  const where = visit && (await readableWhere(tx, actor, visit.applicationId, today));
  const readable = where && (!('memberExpertIds' in where) || visit.memberExpertIds.includes(expertOf(actor)));
  if (!visit || !readable) throw notFound('site visit');
  // The applicant sees its findings (and their evidence) only once the visit is concluded.
  if (actor.role === 'enterprise' && visit.status !== 'concluded') throw notFound('site visit');
  return visit;
}

/** An application's on-site verifications, newest first, as the caller may see them. */
@Injectable()
export class ReadSiteVisits {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(input: ApplicationRefDto, meta: MessageMeta): Promise<SiteVisitView[]> {
    const actor = requireActor(meta, [...READERS]);
    const where = await readableWhere(this.db, actor, input.applicationId, toShanghaiDate(this.clock.now()));
    if (!where) throw notFound('application');
    const visits = await this.db.siteVisit.findMany({ where, include: { findings: true }, orderBy: { scheduledAt: 'desc' } });
    if (actor.role === 'enterprise') return visits.map((v) => toSiteVisitView(v));
    const names = await expertNames(this.db, visits.flatMap((v) => v.memberExpertIds));
    return visits.map((v) => toSiteVisitView(v, names));
  }
}
