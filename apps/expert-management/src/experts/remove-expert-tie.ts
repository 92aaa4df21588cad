import type { ExpertDetailV1 } from '@firstset/contracts';
import { Injectable } from '@nestjs/common';
import { RemoveExpertTieV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { expertForActor } from './expert-access';
import { toExpertDetail } from './expert-view';

/** A declared tie removed by the expert or their institution; what it was stays in the audit record. */
@Injectable()
export class RemoveExpertTie {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: RemoveExpertTieV1, meta: MessageMeta): Promise<ExpertDetailV1> {
    const actor = requireActor(meta, ['institution_staff', 'expert']);
    return this.commands.run(meta, { action: 'expert-tie.remove', objectType: 'expert', objectId: input.expertId ?? actor.expertId }, async (tx) => {
      const today = toShanghaiDate(this.clock.now());
      const expert = await expertForActor(tx, actor, input.expertId);
      const tie = expert.ties.find((t) => t.id === input.tieId);
      if (!tie) throw notFound('tie');
      await tx.expertTie.delete({ where: { id: tie.id } });
      await tx.expert.update({ where: { id: expert.id }, data: { version: { increment: 1 } } });
      const after = await expertForActor(tx, actor, expert.id);
      const { declaredAt, ...removed } = tie;
      return { result: toExpertDetail(after, today), objectId: expert.id, detail: { removed: { ...removed, declaredAt: declaredAt.toISOString() } } };
    });
  }
}
