import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApplicationState } from '@firstset/domain';
import { RecognitionRevoked } from '@firstset/contracts';
import { EventConsumers } from '@firstset/messaging';
import { consumeEvent } from '@firstset/service-kit';
import { Tx } from '../prisma';

/**
 * Compliance revoked a recognition (M10.2): the public registry drops it from the decision date
 * (M13.1, the list kept up to date). Compliance owns the decision; publicity records it.
 */
@Injectable()
export class RecognitionRevokedConsumer implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers<Tx>) {}

  onModuleInit(): void {
    consumeEvent(this.consumers, RecognitionRevoked, {
      durable: 'publicity-recognition-revoked',
      handler: async (e, tx) => {
        await tx.recognition.updateMany({
          where: { id: e.recognitionId },
          data: { revokedOn: e.decisionDate, revocationId: e.revocationId },
        });
        await tx.candidate.updateMany({
          where: { applicationId: e.applicationId, state: { in: [ApplicationState.RECOGNIZED, ApplicationState.EXPIRED] } },
          data: { state: ApplicationState.REVOKED },
        });
      },
    });
  }
}
