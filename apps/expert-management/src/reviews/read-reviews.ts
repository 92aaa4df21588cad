import { Inject, Injectable } from '@nestjs/common';
import { OptionalBatchDto } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA, requireActor } from '@firstset/service-kit';
import { PolicyProfileRegistry } from '@firstset/domain';
import { Db } from '../prisma';
import { expertOf, institutionOf } from './case-access';
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
  ) {}

  async list(input: OptionalBatchDto, meta: MessageMeta): Promise<Array<ReviewView | RedactedReviewView>> {
    const actor = requireActor(meta, ['department_officer', 'auditor', 'institution_staff', 'expert']);
    const batch = input.batchId ? { batchId: input.batchId } : {};
    if (actor.role === 'expert') {
      const assignments = await this.db.assignment.findMany({
        where: { expertId: expertOf(actor), status: 'active', reviewCase: batch },
        include: { reviewCase: { include: { assignments: true } }, expert: { select: { name: true } } },
        orderBy: { assignedAt: 'asc' },
        take: LIMIT,
      });
      // The other experts' scores only once the caller's own are in (M11.1: toExpertView).
      return assignments.map((a) => toExpertView(a));
    }
    // An institution sees the cases its open commissions hold, and no other institution's.
    const held = actor.role === 'institution_staff' ? { commission: { institutionId: institutionOf(actor), endedAt: null } } : {};
    const cases = await this.db.reviewCase.findMany({
      where: { ...batch, ...held },
      include: withExperts,
      orderBy: { applicationNo: 'asc' },
      take: LIMIT,
    });
    return cases.map((c) => toOversightView(c, { rules: rulesView(this.profiles, c) }));
  }
}
