import { Inject, Injectable } from '@nestjs/common';
import { SearchReviewsV1, Page, pageOf } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { workingExpertOf, workingInstitutionOf } from './case-access';
import { RedactedReviewView, ReviewView, toExpertView, toOversightView } from './review-view';
import { rulesView } from './review-rules';

const withExperts = { assignments: { include: { expert: { select: { name: true } } }, orderBy: { assignedAt: 'asc' as const } } };

/** An expert's assignments at a stage: signed the undertaking (M11.1) or not, scored or not, recused or excluded before scoring. */
export const STAGE: Record<NonNullable<SearchReviewsV1['stage']>, Prisma.AssignmentWhereInput> = {
  ASSIGNED: { status: 'active', acceptedAt: null },
  ACCEPTED: { status: 'active', acceptedAt: { not: null }, scoredAt: null },
  SCORED: { scoredAt: { not: null } },
  ENDED: { status: { not: 'active' }, scoredAt: null },
};

/**
 * Applications in comprehensive review as far as the caller may see them (as ReadReviews), paged
 * on the server: the Department and auditors all; an institution the batches commissioned to it;
 * an expert their own assignments, the content only after the undertaking (M11.1).
 */
@Injectable()
export class SearchReviews {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly profiles: PolicyProfileRegistry,
    private readonly clock: Clock,
  ) {}

  async execute(input: SearchReviewsV1, meta: MessageMeta): Promise<Page<ReviewView | RedactedReviewView>> {
    const actor = requireActor(meta, ['department_officer', 'auditor', 'institution_staff', 'expert']);
    const today = toShanghaiDate(this.clock.now());
    const { page, pageSize, skip, take } = pageOf(input);
    const caseWhere: Prisma.ReviewCaseWhereInput = {
      ...(input.batchId ? { batchId: input.batchId } : {}),
      ...(input.state ? { state: input.state } : {}),
    };
    if (actor.role === 'expert') {
      // An excluded or recused assignment no longer opens the application to its expert (M11.2).
      const where: Prisma.AssignmentWhereInput = {
        expertId: await workingExpertOf(this.db, actor, today),
        status: 'active',
        reviewCase: caseWhere,
        ...(input.stage ? STAGE[input.stage] : {}),
      };
      const [total, rows] = await Promise.all([
        this.db.assignment.count({ where }),
        this.db.assignment.findMany({
          where,
          include: { reviewCase: { include: { assignments: true } }, expert: { select: { name: true } } },
          orderBy: [{ assignedAt: 'desc' }, { id: 'asc' }],
          skip,
          take,
        }),
      ]);
      // The other experts' scores only once the caller's own are in (M11.1: toExpertView).
      return { items: rows.map((a) => toExpertView(a)), total, page, pageSize };
    }
    const where: Prisma.ReviewCaseWhereInput =
      actor.role === 'institution_staff'
        ? { ...caseWhere, commission: { institutionId: await workingInstitutionOf(this.db, actor, today), endedAt: null } }
        : caseWhere;
    const [total, cases] = await Promise.all([
      this.db.reviewCase.count({ where }),
      this.db.reviewCase.findMany({ where, include: withExperts, orderBy: [{ applicationNo: 'asc' }], skip, take }),
    ]);
    return { items: cases.map((c) => toOversightView(c, { rules: rulesView(this.profiles, c) })), total, page, pageSize };
  }
}
