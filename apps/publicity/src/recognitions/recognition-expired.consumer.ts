import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { addDays, ApplicationState, parseLocalDate } from '@firstset/domain';
import { RecognitionExpired, RecognitionExpiredV1 } from '@firstset/contracts';
import { Consumes } from '@firstset/messaging';
import { Tx } from '../prisma';

/**
 * Compliance found a recognition past its last valid day (M13.2): the registry keeps the entry and
 * records the expiry in its history (M13.1); its status is already computed from the dates.
 */
@Controller()
export class RecognitionExpiredConsumer {
  @Consumes(RecognitionExpired, { durable: 'publicity-recognition-expired' })
  async expire(e: RecognitionExpiredV1, tx: Tx): Promise<void> {
    const r = await tx.recognition.findUnique({ where: { id: e.recognitionId } });
    if (!r) return;
    await tx.recognitionEvent.create({
      data: { id: randomUUID(), recognitionId: r.id, kind: 'expired', occurredOn: addDays(parseLocalDate(e.validUntil), 1), occurredAt: new Date(e.expiredAt), actorId: 'system', detail: { validUntil: e.validUntil } },
    });
    await tx.candidate.updateMany({ where: { applicationId: e.applicationId, state: ApplicationState.RECOGNIZED }, data: { state: ApplicationState.EXPIRED } });
  }
}
