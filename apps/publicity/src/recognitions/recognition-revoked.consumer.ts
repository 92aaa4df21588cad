import { Controller } from '@nestjs/common';
import { ApplicationState } from '@firstset/domain';
import { RecognitionRevoked, RecognitionRevokedV1 } from '@firstset/contracts';
import { Consumes } from '@firstset/messaging';
import { Tx } from '../prisma';

/**
 * Compliance revoked a recognition (M10.2): the public registry drops it from the decision date
 * (M13.1, the list kept up to date). Compliance owns the decision; publicity records it.
 */
@Controller()
export class RecognitionRevokedConsumer {
  @Consumes(RecognitionRevoked, { durable: 'publicity-recognition-revoked' })
  async revoke(e: RecognitionRevokedV1, tx: Tx): Promise<void> {
    await tx.recognition.updateMany({
      where: { id: e.recognitionId },
      data: { revokedOn: e.decisionDate, revocationId: e.revocationId },
    });
    await tx.candidate.updateMany({
      where: { applicationId: e.applicationId, state: { in: [ApplicationState.RECOGNIZED, ApplicationState.EXPIRED] } },
      data: { state: ApplicationState.REVOKED },
    });
  }
}
