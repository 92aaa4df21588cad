import { Injectable } from '@nestjs/common';
import { allowedActions, ApplicationAction, ApplicationState, toShanghaiDate, transition } from '@firstset/domain';
import { ApplicationRefDto, ApplicationReviewed, ReviewRecommendation } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { caseOfInstitution, institutionOf } from './case-access';
import { lockCase } from './locks';
import { counted } from './review-rules';
import { summaryOf } from './review-view';

const ACTION = ApplicationAction.completeComprehensiveReview;

/** How an expert's recommendation reads in the case's opinion. */
const RECOMMENDATION_LABEL: Record<ReviewRecommendation, string> = {
  recommend: '建议认定',
  not_recommend: '不建议认定',
  on_site_needed: '建议现场核查',
};

/**
 * The commissioned institution concludes the comprehensive review (M8.1). Only active assignments
 * count: recused and excluded experts' scores never do (M11.1, M11.2). Every active assignment must
 * have scored, and at least one must exist (the panel size is the solver's target, not a
 * precondition: a case whose panel shrank by a recusal waits for the replacement to be assigned,
 * since that assignment is active and unscored). Refused while a consensus round is open. The case
 * score is the mean of the counted weighted totals, one decimal; the opinion lists each expert's
 * recommendation and opinion in the order the scores came in. The `application.reviewed` event
 * (score rounded for its older consumers, plus the exact mean and each expert's recommendation) is
 * what the Department decides the list on (M9.1).
 */
@Injectable()
export class CompleteReview {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: ApplicationRefDto, meta: MessageMeta): Promise<{ applicationId: string; state: string; score: number; opinion: string }> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'review.complete', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await lockCase(tx, input.applicationId);
      const { reviewCase: c } = await caseOfInstitution(tx, input.applicationId, institutionId, toShanghaiDate(now));
      const state = c.state as ApplicationState;
      // A case not under review is refused by the lifecycle itself, before its facts are gathered.
      if (!allowedActions(state, 'institution_staff').includes(ACTION)) domainRule(() => transition(state, ACTION, 'institution_staff'));
      if (await tx.consensusRound.findFirst({ where: { applicationId: c.id, concludedAt: null } })) throw ExpertManagementErrors.consensusRoundOpen();
      const active = await tx.assignment.findMany({ where: { applicationId: c.id, status: 'active' }, orderBy: [{ scoredAt: 'asc' }, { id: 'asc' }] });
      const scored = counted(active).filter((a) => a.opinion !== null);
      if (active.length === 0 || scored.length !== active.length) {
        throw ExpertManagementErrors.opinionsMissing(scored.length, active.length);
      }
      const { to } = domainRule(() => transition(state, ACTION, 'institution_staff', { facts: { allExpertOpinionsRecorded: true } }));
      const score = Math.round((scored.reduce((sum, a) => sum + a.score!, 0) / scored.length) * 10) / 10;
      const opinion = scored
        .map((a) => (a.recommendation ? `【${RECOMMENDATION_LABEL[a.recommendation as ReviewRecommendation] ?? a.recommendation}】${a.opinion!}` : a.opinion!))
        .join('\n');
      const experts = scored.map((a) => ({
        expertId: a.expertId,
        weightedTotal: a.score!,
        recommendation: (a.recommendation ?? 'recommend') as ReviewRecommendation,
      }));
      const { count } = await tx.reviewCase.updateMany({
        where: { id: c.id, state: c.state, version: c.version },
        data: { state: to, version: { increment: 1 }, score, opinion, reviewedAt: now },
      });
      if (count !== 1) throw ExpertManagementErrors.concurrentChange();
      await this.outbox.append(
        tx,
        ApplicationReviewed,
        {
          ...summaryOf(c),
          score: Math.round(score),
          opinion,
          reviewedAt: now.toISOString(),
          weightedScore: score,
          // Legacy single scores (before the rubric) carry no recommendation: they are left out here.
          experts: experts.filter((_, i) => scored[i]!.recommendation !== null),
        },
        meta,
      );
      return { result: { applicationId: c.id, state: to, score, opinion }, detail: { score, experts: scored.length } };
    });
  }
}
