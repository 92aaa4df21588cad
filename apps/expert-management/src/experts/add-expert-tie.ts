import type { ExpertDetailV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AddExpertTieV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { expertForActor } from './expert-access';
import { tieColumns } from './expert-records';
import { toExpertDetail } from './expert-view';

/** A tie declared (M11.1) by the expert themself or by their institution for them; the conflict check sees it at once. */
@Injectable()
export class AddExpertTie {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: AddExpertTieV1, meta: MessageMeta): Promise<ExpertDetailV1> {
    const actor = requireActor(meta, ['institution_staff', 'expert']);
    const { expertId, ...tie } = input;
    return this.commands.run(meta, { action: 'expert-tie.add', objectType: 'expert', objectId: expertId ?? actor.expertId }, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const expert = await expertForActor(tx, actor, expertId);
      const columns = tieColumns(tie, today, 0);
      const created = await tx.expertTie.create({ data: { ...columns, id: randomUUID(), expertId: expert.id, declaredBy: actor.userId, declaredAt: now } });
      await tx.expert.update({ where: { id: expert.id }, data: { version: { increment: 1 } } });
      const after = await expertForActor(tx, actor, expert.id);
      return { result: toExpertDetail(after, today), objectId: expert.id, detail: { tieId: created.id, kind: created.kind, counterparty: created.counterpartyName } };
    });
  }
}
