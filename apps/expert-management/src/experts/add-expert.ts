import type { ExpertDetailV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AddExpertV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { expertColumns, tieColumns } from './expert-records';
import { toExpertDetail } from './expert-view';
import { IDENTITY_KEY, keyedIdentity } from './identity-key';

/**
 * The institution adds an expert to its own pool (M8.1) with the ties the expert declared (M11.1).
 * The identity document is checked (a resident ID's check character), kept as a keyed hash and its
 * last 4 characters only, and found again if the same person is already in the pool (409).
 */
@Injectable()
export class AddExpert {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    @Inject(IDENTITY_KEY) private readonly identityKey: string,
  ) {}

  execute(input: AddExpertV1, meta: MessageMeta): Promise<ExpertDetailV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const id = randomUUID();
    return this.commands.run(meta, { action: 'expert.add', objectType: 'expert', objectId: id }, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const identity = keyedIdentity(this.identityKey, input.identityType, input.identityNumber);
      const columns = expertColumns(input, today);
      const ties = (input.ties ?? []).map((t, i) => tieColumns(t, today, i));
      const same = await tx.expert.findUnique({ where: { institutionId_identityHash: { institutionId, identityHash: identity.identityHash } } });
      if (same) throw ExpertManagementErrors.duplicateIdentity(same.name);
      const expert = await tx.expert.create({
        data: {
          id,
          institutionId,
          ...columns,
          ...identity,
          ties: { create: ties.map((t) => ({ ...t, id: randomUUID(), declaredBy: actor.userId, declaredAt: now })) },
        },
        include: { ties: true },
      });
      return { result: toExpertDetail(expert, today), detail: { name: expert.name, ties: ties.length } };
    });
  }
}
