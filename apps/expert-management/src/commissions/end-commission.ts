import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommissionEndedV1, EndCommissionV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { lockBatch } from '../reviews/locks';
import { CaseHandover } from './case-handover';
import { CommissionInstitution } from './commission-institution';
import { commissionViews } from './commission-view';

/**
 * The Department ends a commission with a reason (M8.1) and, in the same step or later,
 * commissions another institution for the same scope: the cases under review move to it, the old
 * institution's assignments are excluded (the new one uses its own experts), and both commissions
 * stay on record (ended, replaced by). Without a replacement the cases wait under review.
 */
@Injectable()
export class EndCommission {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly handover: CaseHandover,
    private readonly commissioning: CommissionInstitution,
  ) {}

  execute(input: EndCommissionV1, meta: MessageMeta): Promise<CommissionEndedV1> {
    const actor = requireActor(meta, ['department_officer']);
    const spec = { action: 'commission.end', objectType: 'commission', objectId: input.commissionId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const found = await tx.commission.findUnique({ where: { id: input.commissionId } });
      if (!found) throw notFound('commission');
      await lockBatch(tx, found.batchId);
      const commission = await tx.commission.findUniqueOrThrow({ where: { id: found.id } });
      if (commission.endedAt) throw ExpertManagementErrors.commissionEnded();
      if (input.replacementInstitutionId === commission.institutionId) throw ExpertManagementErrors.sameInstitution();
      const reason = input.reason.trim();
      const { waiting, excluded } = await this.handover.end(tx, commission, { reason, endedBy: actor.userId, now, meta });
      let replacementId: string | null = null;
      let moved: string[] = [];
      if (input.replacementInstitutionId) {
        replacementId = randomUUID();
        const created = await this.commissioning.create(
          tx,
          {
            id: replacementId,
            batchId: commission.batchId,
            institutionId: input.replacementInstitutionId,
            scope: { productKinds: commission.productKinds, fieldCodes: commission.fieldCodes },
            by: actor.userId,
          },
          meta,
        );
        moved = created.takenUpApplicationIds;
        await tx.commission.update({ where: { id: commission.id }, data: { replacedById: replacementId } });
      }
      const rows = await tx.commission.findMany({
        where: { id: { in: replacementId ? [commission.id, replacementId] : [commission.id] } },
        include: { institution: { select: { name: true } } },
      });
      const views = await commissionViews(tx, rows);
      const ended = views.find((v) => v.id === commission.id)!;
      const replacement = views.find((v) => v.id === replacementId) ?? null;
      return {
        result: { ended, replacement, movedApplicationIds: moved, waitingApplicationIds: waiting.filter((w) => !moved.includes(w)), excludedAssignments: excluded },
        detail: { reason, replacementId, replacementInstitutionId: input.replacementInstitutionId ?? null, moved: moved.length, excluded },
      };
    });
  }
}
