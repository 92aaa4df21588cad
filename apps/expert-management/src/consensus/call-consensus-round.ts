import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicationState, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { CallConsensusRoundV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { caseOfInstitution, institutionOf } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';
import { divergenceOf, reviewProfileOf } from '../reviews/review-rules';
import { ConsensusRoundView, toConsensusRoundView } from './consensus-view';

/**
 * The commissioned institution calls a consensus round on an application whose experts diverge:
 * the spread of the counted weighted totals is above the profile's threshold (M8.1). One round
 * open at a time; while open, experts who scored may revise and the review cannot be completed.
 */
@Injectable()
export class CallConsensusRound {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: CallConsensusRoundV1, meta: MessageMeta): Promise<ConsensusRoundView> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'consensus.call', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await lockCase(tx, input.applicationId);
      const { reviewCase } = await caseOfInstitution(tx, input.applicationId, institutionId, toShanghaiDate(now));
      if (reviewCase.state !== ApplicationState.UNDER_COMPREHENSIVE_REVIEW) throw ExpertManagementErrors.reviewNotInProgress(reviewCase.state);
      if (await tx.consensusRound.findFirst({ where: { applicationId: reviewCase.id, concludedAt: null } })) throw ExpertManagementErrors.consensusRoundOpen();
      const assignments = await tx.assignment.findMany({ where: { applicationId: reviewCase.id } });
      const d = divergenceOf(assignments, reviewProfileOf(this.profiles, reviewCase).divergenceThreshold);
      if (!d.divergent) throw ExpertManagementErrors.notDivergent(d.spread, d.threshold);
      const round = await tx.consensusRound.create({
        data: { id: randomUUID(), applicationId: reviewCase.id, calledBy: actor.userId, calledAt: now, reason: input.reason.trim(), spread: d.spread! },
      });
      return { result: toConsensusRoundView(round), detail: { roundId: round.id, spread: d.spread, threshold: d.threshold } };
    });
  }
}
