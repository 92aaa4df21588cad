import type { ExpertDetailV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { UpdateExpertV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { expertOfPool } from './expert-access';
import { expertColumns } from './expert-records';
import { toExpertDetail } from './expert-view';
import { IDENTITY_KEY, keyedIdentity } from './identity-key';

/**
 * The institution edits an expert of its pool at the version it read (a stale form is refused, 409).
 * A disqualified expert (M11.2) can be corrected but never made available again.
 */
@Injectable()
export class UpdateExpert {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    @Inject(IDENTITY_KEY) private readonly identityKey: string,
  ) {}

  execute(input: UpdateExpertV1, meta: MessageMeta): Promise<ExpertDetailV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    return this.commands.run(meta, { action: 'expert.update', objectType: 'expert', objectId: input.expertId }, async (tx) => {
      const today = toShanghaiDate(this.clock.now());
      const current = await expertOfPool(tx, input.expertId, institutionId);
      const columns = expertColumns(input, today, current);
      if (!input.identityType !== !input.identityNumber)
        throw ExpertManagementErrors.identityInvalid('证件类型与证件号码须一并提供', 'give the identity type with the number');
      const identity = input.identityType && input.identityNumber ? keyedIdentity(this.identityKey, input.identityType, input.identityNumber) : undefined;
      if (identity) {
        const same = await tx.expert.findUnique({ where: { institutionId_identityHash: { institutionId, identityHash: identity.identityHash } } });
        if (same && same.id !== current.id) throw ExpertManagementErrors.duplicateIdentity(same.name);
      }
      const { count } = await tx.expert.updateMany({
        where: { id: current.id, version: input.version },
        data: { ...columns, ...(identity ?? {}), version: { increment: 1 } },
      });
      if (count !== 1) throw ExpertManagementErrors.expertChanged();
      const expert = await expertOfPool(tx, current.id, institutionId);
      const changed = Object.keys(columns).filter((k) => JSON.stringify(columns[k as keyof typeof columns]) !== JSON.stringify(current[k as keyof typeof current]));
      return { result: toExpertDetail(expert, today), detail: { changed: identity ? [...changed, 'identity'] : changed } };
    });
  }
}
