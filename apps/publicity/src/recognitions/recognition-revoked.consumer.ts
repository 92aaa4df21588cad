import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { ApplicationState } from '@firstset/domain';
import { RecognitionRevoked, RecognitionRevokedV1 } from '@firstset/contracts';
import { Consumes } from '@firstset/messaging';
import { Tx } from '../prisma';

/**
 * Compliance revoked a recognition (M10.2): the registry shows it revoked from the decision date,
 * with the notice, and keeps it with its history (M13.1). Compliance owns the decision; publicity
 * records it.
 */
@Controller()
export class RecognitionRevokedConsumer {
  @Consumes(RecognitionRevoked, { durable: 'publicity-recognition-revoked' })
  async revoke(e: RecognitionRevokedV1, tx: Tx): Promise<void> {
    const { count } = await tx.recognition.updateMany({
      where: { id: e.recognitionId },
      data: { revokedOn: e.decisionDate, revocationId: e.revocationId, revocationNotice: e.reason },
    });
    if (count === 1) {
      await tx.recognitionEvent.create({
        data: { id: randomUUID(), recognitionId: e.recognitionId, kind: 'revoked', occurredOn: e.decisionDate, occurredAt: new Date(e.revokedAt), actorId: 'compliance', detail: { grounds: e.grounds, notice: e.reason } },
      });
    }
    await tx.candidate.updateMany({
      where: { applicationId: e.applicationId, state: { in: [ApplicationState.RECOGNIZED, ApplicationState.EXPIRED] } },
      data: { state: ApplicationState.REVOKED },
    });
  }
}
