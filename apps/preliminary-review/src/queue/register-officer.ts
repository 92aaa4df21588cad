import { Injectable } from '@nestjs/common';
import { RegisterPrefectureOfficerV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Tx } from '../prisma';
import type { OfficerView } from './list-officers';

/**
 * Makes a colleague of the own prefecture known before they have acted (the gateway, which owns
 * the accounts, vouches for them), so that a case can be assigned to them. An officer known for
 * another prefecture stays theirs.
 */
@Injectable()
export class RegisterOfficer {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: RegisterPrefectureOfficerV1, meta: MessageMeta): Promise<OfficerView> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const spec = { action: 'review.officer.register', objectType: 'officer', objectId: input.userId };
    return this.commands.run(meta, spec, async (tx) => {
      const known = await tx.knownOfficer.findUnique({ where: { userId: input.userId } });
      if (known && known.prefectureId !== actor.prefectureId) throw PreliminaryReviewErrors.assigneeUnknown();
      const row = known ?? (await tx.knownOfficer.create({
        data: { userId: input.userId, prefectureId: actor.prefectureId!, displayName: input.displayName ?? null, lastSeenAt: this.clock.now() },
      }));
      return { result: { userId: row.userId, displayName: row.displayName, lastSeenAt: row.lastSeenAt.toISOString() } };
    });
  }
}
