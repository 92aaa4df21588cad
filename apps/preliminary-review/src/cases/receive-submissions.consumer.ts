import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApplicationState } from '@firstset/domain';
import { ApplicationSubmitted } from '@firstset/contracts';
import { EventConsumers } from '@firstset/messaging';
import { consumeEvent } from '@firstset/service-kit';
import { Tx } from '../prisma';

/**
 * An application submitted in intake becomes a case in its prefecture's queue (M7.2). The inbox
 * drops a redelivered event; a second event for the same application (republished under another
 * id) finds the case and changes nothing, so the queue never holds an application twice.
 */
@Injectable()
export class ReceiveSubmissionsConsumer implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers<Tx>) {}

  onModuleInit(): void {
    consumeEvent(this.consumers, ApplicationSubmitted, {
      durable: 'preliminary-review-submissions',
      handler: async (e, tx, meta) => {
        await tx.reviewCase.upsert({
          where: { id: e.applicationId },
          create: {
            id: e.applicationId,
            batchId: e.batchId,
            applicationNo: e.applicationNo,
            applicationVersion: e.version,
            prefectureId: e.prefectureId,
            enterpriseUscc: e.enterprise.uscc,
            enterpriseName: e.enterprise.name,
            enterpriseAddress: e.enterprise.registeredAddress,
            productKind: e.product.kind,
            productName: e.product.name,
            series: e.product.series,
            model: e.product.model,
            rdCompletedOn: e.product.rdCompletedOn,
            state: ApplicationState.SUBMITTED,
            receivedAt: new Date(e.submittedAt),
            sourceEventId: meta.eventId!,
          },
          update: {},
        });
      },
    });
  }
}
