import { Injectable } from '@nestjs/common';
import { PolicyProfileRegistry } from '@firstset/domain';
import { RecommendApplicationV1, RejectApplicationV1, ReturnForCorrectionV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Tx } from '../prisma';
import { caseInJurisdiction, rememberOfficer } from '../cases/jurisdiction';
import { ReviewCaseView, toReviewCaseView } from '../cases/review-case-view';
import { applyDecision, checkDecision, Decision } from './apply-decision';

const ACTIONS: Record<Decision['kind'], string> = { RETURN: 'review.return', REJECT: 'review.reject', RECOMMEND: 'review.recommend' };

/**
 * The prefecture's decisions on an application of its own area, each with reasons citing the
 * Measures (M3.2, M7.3, M12.1): return for correction with items and a deadline, reject (final for
 * the batch), recommend with an opinion. Under two-step approval the officer's decision is a draft
 * until another officer of the prefecture approves it; otherwise it takes effect at once.
 */
@Injectable()
export class DecideApplication {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  returnForCorrection(input: ReturnForCorrectionV1, meta: MessageMeta): Promise<ReviewCaseView> {
    return this.decide(input.applicationId, { kind: 'RETURN', items: input.items.map((i) => ({ item: i.item, reason: i.reason })), deadline: input.deadline, measuresIds: input.measuresIds }, meta);
  }

  reject(input: RejectApplicationV1, meta: MessageMeta): Promise<ReviewCaseView> {
    return this.decide(input.applicationId, { kind: 'REJECT', reason: input.reason, measuresIds: input.measuresIds }, meta);
  }

  recommend(input: RecommendApplicationV1, meta: MessageMeta): Promise<ReviewCaseView> {
    return this.decide(input.applicationId, { kind: 'RECOMMEND', opinion: input.opinion }, meta);
  }

  private decide(applicationId: string, decision: Decision, meta: MessageMeta): Promise<ReviewCaseView> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const spec = { action: ACTIONS[decision.kind], objectType: 'application', objectId: applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await rememberOfficer(tx, actor, now);
      const found = await caseInJurisdiction(tx, actor, applicationId);
      if (found.draftKind) throw PreliminaryReviewErrors.draftPending();
      const to = await checkDecision(tx, found, decision, now, this.profiles);
      const setting = await tx.prefectureSetting.findUnique({ where: { prefectureId: found.prefectureId } });
      if (setting?.twoStepApproval) {
        const draft = { draftKind: decision.kind, draft: decision, draftedBy: actor.userId, draftedAt: now };
        const { count } = await tx.reviewCase.updateMany({
          where: { id: found.id, version: found.version, draftKind: null },
          data: { ...draft, version: { increment: 1 } },
        });
        if (count !== 1) throw PreliminaryReviewErrors.concurrentChange();
        const updated = { ...found, ...draft, version: found.version + 1 };
        return { result: toReviewCaseView(updated, now), detail: { from: found.state, to, drafted: true } };
      }
      const updated = await applyDecision(tx, this.outbox, meta, found, decision, to, actor.userId, null, now);
      return { result: toReviewCaseView(updated, now), detail: { from: found.state, to } };
    });
  }
}
