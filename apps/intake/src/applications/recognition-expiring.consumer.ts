import { Controller } from '@nestjs/common';
import { RecognitionExpiring, RecognitionExpiringV1 } from '@firstset/contracts';
import { Consumes, MessageMeta } from '@firstset/messaging';
import { notify } from '../notifications/notify';
import { Tx } from '../prisma';

/**
 * A recognition's validity ends in 90 or 30 days (M13.2; publicity sends each once): the enterprise
 * holding it is told in its inbox, by SMS and e-mail. The registry entry names the enterprise by its
 * credit code, so the notice reaches it even for a recognition issued before this intake held the
 * application (earlier recognitions carried over).
 */
@Controller()
export class RecognitionExpiringConsumer {
  @Consumes(RecognitionExpiring, { durable: 'intake-recognition-expiring' })
  async expiring(e: RecognitionExpiringV1, tx: Tx, meta: MessageMeta): Promise<void> {
    const cert = e.certificateNo ? `（证书编号 ${e.certificateNo}）` : '';
    const certEn = e.certificateNo ? ` (certificate ${e.certificateNo})` : '';
    await notify(tx, {
      enterpriseUscc: e.uscc,
      applicationId: e.applicationId,
      kind: 'expiring',
      body: `${e.productName}${cert}的首台（套）认定有效期至 ${e.validUntil}（含当日），将在 ${e.daysBefore} 天内届满，届满后认定失效。 / The recognition of ${e.productName}${certEn} is valid until ${e.validUntil} (included): it ends within ${e.daysBefore} days.`,
      occurredAt: new Date(e.sentAt),
      sourceEventId: meta.eventId!,
    });
  }
}
