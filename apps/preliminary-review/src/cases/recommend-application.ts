import { Injectable } from '@nestjs/common';
import { ApplicationAction, ApplicationState, transition } from '@firstset/domain';
import { ApplicationRecommended, RecommendApplicationV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, notFound, requireActor } from '@firstset/service-kit';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Tx } from '../prisma';
import { withinJurisdiction } from './jurisdiction';
import { ReviewCaseView, toReviewCaseView } from './review-case-view';

/**
 * The prefecture recommends an application of its own area to the Department, with its opinion
 * (M3.2, M7.3). Recommending is the officer's statement that the preliminary checks passed: the
 * applicant's eligibility and the truth and completeness of its materials (M12.1). The hand-over
 * to comprehensive review is the `application.recommended` event, committed with the state change.
 */
@Injectable()
export class RecommendApplication {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: RecommendApplicationV1, meta: MessageMeta): Promise<ReviewCaseView> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const spec = { action: 'review.recommend', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const found = await tx.reviewCase.findFirst({ where: withinJurisdiction(actor, { id: input.applicationId }) });
      if (!found) throw notFound('application');
      const { to } = domainRule(() =>
        transition(found.state as ApplicationState, ApplicationAction.recommend, 'prefecture_officer', {
          reason: input.opinion,
          // The officer's recommendation, with its recorded opinion, is the affirmation that the
          // checks passed; the checklist itself arrives with the full preliminary-review capability.
          facts: { preliminaryChecksPassed: true },
        }),
      );
      // Compare-and-set: of two concurrent decisions on the case, the second changes nothing.
      const { count } = await tx.reviewCase.updateMany({
        where: { id: found.id, state: found.state, version: found.version },
        data: { state: to, version: { increment: 1 }, opinion: input.opinion, decidedBy: actor.userId, decidedAt: now },
      });
      if (count !== 1) throw PreliminaryReviewErrors.concurrentChange();
      const updated = { ...found, state: to, version: found.version + 1, opinion: input.opinion, decidedBy: actor.userId, decidedAt: now };
      await this.outbox.append(
        tx,
        ApplicationRecommended,
        {
          applicationId: found.id,
          batchId: found.batchId,
          applicationNo: found.applicationNo,
          prefectureId: found.prefectureId,
          enterprise: { uscc: found.enterpriseUscc, name: found.enterpriseName, registeredAddress: found.enterpriseAddress },
          product: {
            kind: found.productKind as never,
            name: found.productName,
            series: found.series,
            model: found.model,
            rdCompletedOn: found.rdCompletedOn,
          },
          opinion: input.opinion,
          recommendedBy: actor.userId,
          recommendedAt: now.toISOString(),
        },
        meta,
      );
      return { result: toReviewCaseView(updated, now), detail: { from: found.state, to } };
    });
  }
}
