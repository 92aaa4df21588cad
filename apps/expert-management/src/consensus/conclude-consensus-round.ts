import { Injectable } from '@nestjs/common';
import { ConcludeConsensusRoundV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { toShanghaiDate } from '@firstset/domain';
import { caseOfInstitution, institutionOf } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';
import { spreadOf } from '../reviews/review-rules';
import { ConsensusRoundView, toConsensusRoundView } from './consensus-view';

/**
 * The institution concludes the open consensus round with its recorded outcome (M8.1); the scores
 * as they stand then (revised or not) are what the review completes on. The spread at the close is
 * audited next to the one that called the round.
 */
@Injectable()
export class ConcludeConsensusRound {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: ConcludeConsensusRoundV1, meta: MessageMeta): Promise<ConsensusRoundView> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'consensus.conclude', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await lockCase(tx, input.applicationId);
      const { reviewCase } = await caseOfInstitution(tx, input.applicationId, institutionId, toShanghaiDate(now));
      const open = await tx.consensusRound.findFirst({ where: { applicationId: reviewCase.id, concludedAt: null } });
      if (!open) throw ExpertManagementErrors.noOpenConsensusRound();
      const data = { outcome: input.outcome.trim(), concludedBy: actor.userId, concludedAt: now };
      const { count } = await tx.consensusRound.updateMany({ where: { id: open.id, concludedAt: null }, data });
      if (count !== 1) throw ExpertManagementErrors.concurrentChange();
      const spreadAtClose = spreadOf(await tx.assignment.findMany({ where: { applicationId: reviewCase.id } }));
      return { result: toConsensusRoundView({ ...open, ...data }), detail: { roundId: open.id, spreadAtCall: open.spread, spreadAtClose } };
    });
  }
}
