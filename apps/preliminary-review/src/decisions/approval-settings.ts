import type { ApprovalSettingV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { EmptyDto, SetApprovalSettingV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, PRISMA, requireActor } from '@firstset/service-kit';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Db, Tx } from '../prisma';
import { prefectureFor, rememberOfficer } from '../cases/jurisdiction';

export type ApprovalSetting = ApprovalSettingV1;

/** The per-prefecture two-step approval setting (default off: decisions take effect at once). */
@Injectable()
export class ApprovalSettings {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  set(input: SetApprovalSettingV1, meta: MessageMeta): Promise<ApprovalSetting> {
    const actor = requireActor(meta, ['prefecture_officer', 'department_officer']);
    return this.commands.run(meta, { action: 'settings.approval', objectType: 'prefecture', objectId: input.prefectureId ?? actor.prefectureId }, async (tx) => {
      const prefectureId = prefectureFor(actor, input.prefectureId);
      if (!prefectureId) throw PreliminaryReviewErrors.prefectureRequired();
      await rememberOfficer(tx, actor, this.clock.now());
      await tx.prefectureSetting.upsert({
        where: { prefectureId },
        create: { prefectureId, twoStepApproval: input.twoStepApproval, updatedBy: actor.userId },
        update: { twoStepApproval: input.twoStepApproval, updatedBy: actor.userId },
      });
      return { result: { prefectureId, twoStepApproval: input.twoStepApproval }, objectId: prefectureId, detail: { twoStepApproval: input.twoStepApproval } };
    });
  }

  async get(_input: EmptyDto, meta: MessageMeta): Promise<ApprovalSetting> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const found = await this.db.prefectureSetting.findUnique({ where: { prefectureId: actor.prefectureId! } });
    return { prefectureId: actor.prefectureId!, twoStepApproval: found?.twoStepApproval ?? false };
  }
}
