import type { ExpertDetailV1 } from '@firstset/contracts';
import { Injectable } from '@nestjs/common';
import { BindExpertAccountV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { expertOfPool } from './expert-access';
import { toExpertDetail } from './expert-view';

/**
 * The gateway issued a sign-in account for an expert of the caller's institution: the expert
 * record names it. Asked twice with the same name it changes nothing; another name is refused (409).
 */
@Injectable()
export class BindExpertAccount {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: BindExpertAccountV1, meta: MessageMeta): Promise<ExpertDetailV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    return this.commands.run(meta, { action: 'expert.account', objectType: 'expert', objectId: input.expertId }, async (tx) => {
      const today = toShanghaiDate(this.clock.now());
      const expert = await expertOfPool(tx, input.expertId, institutionId);
      if (expert.accountUsername && expert.accountUsername !== input.username) throw ExpertManagementErrors.accountAlreadyIssued(expert.accountUsername);
      const after = await tx.expert.update({
        where: { id: expert.id },
        data: { accountUsername: input.username, version: { increment: 1 } },
        include: { ties: true },
      });
      return { result: toExpertDetail(after, today), detail: { username: input.username } };
    });
  }
}
