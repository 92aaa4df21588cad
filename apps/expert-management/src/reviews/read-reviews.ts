import { Inject, Injectable } from '@nestjs/common';
import { OptionalBatchDto } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { Db } from '../prisma';
import { workingExpertOf, workingInstitutionOf } from './case-access';
import { RedactedReviewView, ReviewView, toExpertView, toOversightView } from './review-view';
import { rulesView } from './review-rules';

const LIMIT = 500;
const withExperts = { assignments: { include: { expert: { select: { name: true } } }, orderBy: { assignedAt: 'asc' as const } } };

/**
 * Applications in comprehensive review, as far as the caller may see them: the Department and
 * auditors all; an institution the batches commissioned to it; an expert the applications assigned
 * to them, and their content only after the confidentiality undertaking (M11.1).
 */
@Injectable()
export class ReadReviews {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly profiles: PolicyProfileRegistry,
    private readonly clock: Clock,
  ) {}

  async list(input: OptionalBatchDto, meta: MessageMeta): Promise<Array<ReviewView | RedactedReviewView>> {
    const actor = requireActor(meta, ['department_officer', 'auditor', 'institution_staff', 'expert']);
    const today = toShanghaiDate(this.clock.now());
    const batch = input.batchId ? { batchId: input.batchId } : {};
    if (actor.role === 'expert') {
      const assignments = await this.db.assignment.findMany({
        where: { expertId: await workingExpertOf(this.db, actor, today), status: 'active', reviewCase: batch },
        include: { reviewCase: { include: { assignments: true } }, expert: { select: { name: true } } },
        orderBy: { assignedAt: 'asc' },
        take: LIMIT,
      });
      // The other experts' scores only once the caller's own are in (M11.1: toExpertView).
      return assignments.map((a) => toExpertView(a));
    }
    // An institution sees the cases its open commissions hold, and no other institution's.
    const held = actor.role === 'institution_staff' ? { commission: { institutionId: await workingInstitutionOf(this.db, actor, today), endedAt: null } } : {};
    const cases = await this.db.reviewCase.findMany({
      where: { ...batch, ...held },
      include: withExperts,
      orderBy: { applicationNo: 'asc' },
      take: LIMIT,
    });
    return cases.map((c) => toOversightView(c, { rules: rulesView(this.profiles, c) }));
  }
}
