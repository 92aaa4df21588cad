import { Inject, Injectable } from '@nestjs/common';
import { ApplicationRefDto } from '@firstset/contracts';
import { PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { workingExpertOf, workingInstitutionOf } from './case-access';
import { rulesView } from './review-rules';
import { RedactedReviewView, ReviewView, toExpertView, toOversightView } from './review-view';

/**
 * One application in comprehensive review, as the caller may see it (the case pages): the
 * Department and auditors any; the institution a case its open commission holds, with every
 * expert's scores by criterion, the divergence and the consensus rounds; an expert only a case
 * they are assigned to — the undertaking to sign before acceptance, the application after, and
 * the others' scores only once their own are in (M11.1). Anything else is "not found".
 */
@Injectable()
export class ReadReview {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly profiles: PolicyProfileRegistry,
    private readonly clock: Clock,
  ) {}

  async get(input: ApplicationRefDto, meta: MessageMeta): Promise<ReviewView | RedactedReviewView> {
    const actor = requireActor(meta, ['department_officer', 'auditor', 'institution_staff', 'expert']);
    const today = toShanghaiDate(this.clock.now());
    if (actor.role === 'expert') {
      const a = await this.db.assignment.findUnique({
        where: { applicationId_expertId: { applicationId: input.applicationId, expertId: await workingExpertOf(this.db, actor, today) } },
        include: { reviewCase: { include: { assignments: true } }, expert: { select: { name: true } } },
      });
      if (!a) throw notFound('application');
      const roundOpen = (await this.db.consensusRound.count({ where: { applicationId: a.applicationId, concludedAt: null } })) > 0;
      return toExpertView(a, { rules: rulesView(this.profiles, a.reviewCase), roundOpen });
    }
    const held = actor.role === 'institution_staff' ? { commission: { institutionId: await workingInstitutionOf(this.db, actor, today), endedAt: null } } : {};
    const c = await this.db.reviewCase.findFirst({
      where: { id: input.applicationId, ...held },
      include: { assignments: { include: { expert: { select: { name: true } } }, orderBy: { assignedAt: 'asc' } } },
    });
    if (!c) throw notFound('application');
    const rounds = await this.db.consensusRound.findMany({ where: { applicationId: c.id }, orderBy: { calledAt: 'desc' } });
    return toOversightView(c, { rules: rulesView(this.profiles, c), rounds });
  }
}
