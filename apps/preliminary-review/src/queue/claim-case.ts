import { Injectable } from '@nestjs/common';
import { ApplicationRefDto, AssignReviewCaseV1 } from '@firstset/contracts';
import { ActorContext, MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Tx } from '../prisma';
import { caseInJurisdiction, rememberOfficer } from '../cases/jurisdiction';
import { ReviewCaseView, toReviewCaseView } from '../cases/review-case-view';

const OPEN_STATES = ['SUBMITTED', 'RESUBMITTED', 'RETURNED_FOR_CORRECTION'];

/** Who holds a case: an officer claims it, or hands it to another officer of the same prefecture. */
@Injectable()
export class ClaimCase {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  claim(input: ApplicationRefDto, meta: MessageMeta): Promise<ReviewCaseView> {
    const actor = requireActor(meta, ['prefecture_officer']);
    return this.hand(meta, actor, 'review.claim', input.applicationId, actor.userId);
  }

  assign(input: AssignReviewCaseV1, meta: MessageMeta): Promise<ReviewCaseView> {
    const actor = requireActor(meta, ['prefecture_officer']);
    return this.hand(meta, actor, 'review.assign', input.applicationId, input.assigneeId);
  }

  private hand(meta: MessageMeta, actor: ActorContext, action: string, applicationId: string, assigneeId: string) {
    const spec = { action, objectType: 'application', objectId: applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await rememberOfficer(tx, actor, now);
      const found = await caseInJurisdiction(tx, actor, applicationId);
      if (!OPEN_STATES.includes(found.state)) throw PreliminaryReviewErrors.caseClosed(found.state);
      const officer = await tx.knownOfficer.findUnique({ where: { userId: assigneeId } });
      if (!officer || officer.prefectureId !== actor.prefectureId) throw PreliminaryReviewErrors.assigneeUnknown();
      const data = { assigneeId, assignedBy: actor.userId, assignedAt: now };
      const { count } = await tx.reviewCase.updateMany({ where: { id: found.id, version: found.version }, data: { ...data, version: { increment: 1 } } });
      if (count !== 1) throw PreliminaryReviewErrors.concurrentChange();
      const updated = { ...found, ...data, version: found.version + 1 };
      return { result: toReviewCaseView(updated, now), detail: { from: found.assigneeId, to: assigneeId } };
    });
  }
}
