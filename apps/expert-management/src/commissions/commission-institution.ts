import type { CommissionViewV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicationState, toShanghaiDate } from '@firstset/domain';
import { CommissionInstitutionV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { lockBatch } from '../reviews/locks';
import { ReviewStarter } from '../reviews/review-starter';
import { assertInstitutionNotBanned } from './sanctions';

export type CommissionView = CommissionViewV1;

/**
 * The Department commissions one third-party institution for a batch's comprehensive review
 * (M8.1); never one under a participation ban (M10.3). Every recommended application of the batch
 * enters review at once; later ones as they are recommended.
 */
@Injectable()
export class CommissionInstitution {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly starter: ReviewStarter,
  ) {}

  execute(input: CommissionInstitutionV1, meta: MessageMeta): Promise<CommissionView> {
    const actor = requireActor(meta, ['department_officer']);
    const id = randomUUID();
    return this.commands.run(meta, { action: 'commission.create', objectType: 'commission', objectId: id }, async (tx) => {
      const now = this.clock.now();
      const institution = await tx.institution.findUnique({ where: { id: input.institutionId } });
      if (!institution) throw notFound('institution');
      assertInstitutionNotBanned(institution, toShanghaiDate(now));
      await lockBatch(tx, input.batchId);
      if (await tx.commission.findFirst({ where: { batchId: input.batchId, endedAt: null } })) throw ExpertManagementErrors.commissionExists();
      const commission = await tx.commission.create({
        data: { id, batchId: input.batchId, institutionId: institution.id, commissionedBy: actor.userId, commissionedAt: now },
      });
      const waiting = await tx.reviewCase.findMany({
        where: { batchId: input.batchId, state: ApplicationState.RECOMMENDED },
        orderBy: { applicationNo: 'asc' },
      });
      const started = await this.starter.start(tx, waiting, { ...commission, institution }, { meta, audit: false });
      return {
        result: {
          id,
          batchId: commission.batchId,
          institutionId: institution.id,
          institutionName: institution.name,
          commissionedAt: now.toISOString(),
          startedApplicationIds: started,
        },
        detail: { batchId: input.batchId, institutionId: institution.id, started: started.length },
      };
    });
  }
}
