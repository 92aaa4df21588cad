import { Controller } from '@nestjs/common';
import { ApplicationState } from '@firstset/domain';
import { RecognitionIssued, RecognitionIssuedV1 } from '@firstset/contracts';
import { Consumes } from '@firstset/messaging';
import { Tx } from '../prisma';

/**
 * Keeps compliance's copy of every recognition publicity issued (M9.3), the object a revocation
 * acts on (M10.2). The inbox skips a redelivery; the same recognition under another event id is
 * kept once (keyed by its id).
 */
@Controller()
export class RecognitionIssuedConsumer {
  @Consumes(RecognitionIssued, { durable: 'compliance-recognitions' })
  async keep(e: RecognitionIssuedV1, tx: Tx): Promise<void> {
    await tx.recognition.upsert({
      where: { id: e.recognitionId },
      create: {
        id: e.recognitionId,
        applicationId: e.applicationId,
        prefectureId: e.prefectureId,
        uscc: e.enterprise.uscc,
        enterpriseName: e.enterprise.name,
        productKind: e.product.kind,
        productName: e.product.name,
        series: e.product.series,
        model: e.product.model,
        documentNo: e.documentNo,
        documentDate: e.documentDate,
        validFrom: e.validFrom,
        validUntil: e.validUntil,
        state: ApplicationState.RECOGNIZED,
        issuedAt: new Date(e.issuedAt),
        ...(e.policyProfile ? { policyProfileId: e.policyProfile.id, policyProfileVersion: e.policyProfile.version } : {}),
      },
      // A recognition kept before the prefecture was projected learns it from a redelivery.
      update: { prefectureId: e.prefectureId },
    });
  }
}
