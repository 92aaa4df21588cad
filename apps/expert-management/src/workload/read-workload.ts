import type { WorkloadV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { ApplicationState } from '@firstset/domain';
import { workingExpertOf, workingInstitutionOf } from '../reviews/case-access';
import { STAGE } from '../reviews/search-reviews';

/**
 * What expert management has waiting (workspace home, ADR 0030): for an expert, assignments to
 * accept with the undertaking (M11.1) and accepted ones to score (M8.1), counted with the
 * conditions of the assignments list's stages (`?stage=ASSIGNED`, `?stage=ACCEPTED`); for an
 * institution, the cases of its standing commissions in comprehensive review (to assign experts,
 * follow the scores and conclude), as its reviews list shows them (`?state=UNDER_COMPREHENSIVE_REVIEW`).
 */
@Injectable()
export class ReadWorkload {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async execute(meta: MessageMeta): Promise<WorkloadV1> {
    const actor = requireActor(meta, ['expert', 'institution_staff']);
    const today = toShanghaiDate(this.clock.now());
    if (actor.role === 'institution_staff') {
      const institutionId = await workingInstitutionOf(this.db, actor, today);
      const inReview = await this.db.reviewCase.count({ where: { state: ApplicationState.UNDER_COMPREHENSIVE_REVIEW, commission: { institutionId, endedAt: null } } });
      return { items: [{ key: 'institution.inReview', count: inReview, nextDeadline: null }] };
    }
    const expertId = await workingExpertOf(this.db, actor, today);
    const count = (stage: 'ASSIGNED' | 'ACCEPTED') => this.db.assignment.count({ where: { expertId, status: 'active', ...STAGE[stage] } });
    const [toAccept, toScore] = await Promise.all([count('ASSIGNED'), count('ACCEPTED')]);
    return {
      items: [
        { key: 'expert.toAccept', count: toAccept, nextDeadline: null },
        { key: 'expert.toScore', count: toScore, nextDeadline: null },
      ],
    };
  }
}
