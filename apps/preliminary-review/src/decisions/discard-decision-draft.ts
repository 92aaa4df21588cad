import { Injectable } from '@nestjs/common';
import { DiscardDecisionDraftV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Tx } from '../prisma';
import { caseInJurisdiction, rememberOfficer } from '../cases/jurisdiction';
import { ReviewCaseView, toReviewCaseView } from '../cases/review-case-view';

/**
 * Two-step approval, the other way out: the drafter withdraws the drafted decision, or another
 * officer of the prefecture (the approver) sends it back; either way with a reason, kept on the
 * case for the drafter and in the audit trail. Nothing leaves the prefecture: no event.
 */
@Injectable()
export class DiscardDecisionDraft {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: DiscardDecisionDraftV1, meta: MessageMeta): Promise<ReviewCaseView> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const spec = { action: 'review.draft.discard', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await rememberOfficer(tx, actor, now);
      const found = await caseInJurisdiction(tx, actor, input.applicationId);
      if (!found.draftKind || !found.draftedBy) throw PreliminaryReviewErrors.noDraft();
      const discarded = {
        kind: found.draftKind,
        draftedBy: found.draftedBy,
        draftedAt: found.draftedAt?.toISOString() ?? null,
        by: actor.userId,
        byName: actor.displayName ?? null,
        at: now.toISOString(),
        how: found.draftedBy === actor.userId ? 'WITHDRAWN_BY_DRAFTER' : 'SENT_BACK_BY_APPROVER',
        reason: input.reason,
      };
      const cleared = { draftKind: null, draft: Prisma.DbNull, draftedBy: null, draftedAt: null, draftDiscarded: discarded };
      const { count } = await tx.reviewCase.updateMany({
        where: { id: found.id, version: found.version, draftKind: found.draftKind },
        data: { ...cleared, version: { increment: 1 } },
      });
      if (count !== 1) throw PreliminaryReviewErrors.concurrentChange();
      const updated = { ...found, ...cleared, draft: null, version: found.version + 1 };
      return { result: toReviewCaseView(updated, now), detail: { ...discarded, draft: found.draft } };
    });
  }
}
