import { Controller } from '@nestjs/common';
import { AssignmentRecused, AssignmentRecusedV1 } from '@firstset/contracts';
import { Consumes, isUuid } from '@firstset/messaging';
import { Tx } from '../prisma';

/**
 * Issue 17 (helper 4): closes an application to an expert who withdrew from its assignment
 * (M11.1) — the expert's grant for that one application is revoked at the recusal's time; their
 * other assignments stay open. Kept apart from ReviewerAccessConsumer so that a general
 * `assignment.ended` event (exclusions too) can take it over when the branches meet.
 */
@Controller()
export class RecusalAccessConsumer {
  @Consumes(AssignmentRecused, { durable: 'intake-access-recusals' })
  async revoke(e: AssignmentRecusedV1, tx: Tx): Promise<void> {
    if (!isUuid(e.expertId) || !isUuid(e.applicationId)) return;
    await tx.reviewerAccess.updateMany({
      where: { applicationId: e.applicationId, granteeKind: 'expert', granteeId: e.expertId, revokedAt: null },
      data: { revokedAt: new Date(e.endedAt) },
    });
  }
}
