import { Injectable } from '@nestjs/common';
import { PolicyProfileRegistry } from '@firstset/domain';
import { ApplicationRefDto } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Tx } from '../prisma';
import { caseInJurisdiction, rememberOfficer } from '../cases/jurisdiction';
import { ReviewCaseView, toReviewCaseView } from '../cases/review-case-view';
import { applyDecision, checkDecision, Decision } from './apply-decision';

/**
 * Two-step approval: a second officer of the same prefecture (standing for the head of the
 * department, since accounts carry no sub-role yet) approves the drafted decision, which then
 * takes effect, checked again against the lifecycle as it is now.
 */
@Injectable()
export class ApproveDecision {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: ApplicationRefDto, meta: MessageMeta): Promise<ReviewCaseView> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const spec = { action: 'review.approve', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await rememberOfficer(tx, actor, now);
      const found = await caseInJurisdiction(tx, actor, input.applicationId);
      if (!found.draftKind || !found.draft || !found.draftedBy) throw PreliminaryReviewErrors.noDraft();
      if (found.draftedBy === actor.userId) throw PreliminaryReviewErrors.approverMustDiffer();
      const decision = found.draft as unknown as Decision;
      const to = await checkDecision(tx, found, decision, now, this.profiles);
      const updated = await applyDecision(tx, this.outbox, meta, found, decision, to, found.draftedBy, actor, now);
      return { result: toReviewCaseView(updated, now), detail: { from: found.state, to, draftedBy: found.draftedBy, approverName: actor.displayName ?? null } };
    });
  }
}
