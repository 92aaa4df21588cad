import { Controller } from '@nestjs/common';
import { ApplicationState } from '@firstset/domain';
import { ApplicationReviewed, ApplicationReviewedV1 } from '@firstset/contracts';
import { Consumes } from '@firstset/messaging';
import { Tx } from '../prisma';

/**
 * Every application the experts reviewed becomes a candidate the Department can put on a list
 * (M9.1), with the score and opinion it decides on. A redelivered event is skipped by the inbox; a
 * second review of the same application refreshes the opinion only while it is still a candidate.
 */
@Controller()
export class ReviewedCandidatesConsumer {
  @Consumes(ApplicationReviewed, { durable: 'publicity-reviewed-candidates' })
  async keep(e: ApplicationReviewedV1, tx: Tx): Promise<void> {
    const review = { score: e.score, opinion: e.opinion, reviewedAt: new Date(e.reviewedAt) };
    const existing = await tx.candidate.findUnique({ where: { applicationId: e.applicationId } });
    if (existing) {
      await tx.candidate.updateMany({
        where: { applicationId: e.applicationId, state: ApplicationState.REVIEWED },
        data: review,
      });
      return;
    }
    await tx.candidate.create({
      data: {
        applicationId: e.applicationId,
        batchId: e.batchId,
        applicationNo: e.applicationNo,
        prefectureId: e.prefectureId,
        uscc: e.enterprise.uscc,
        enterpriseName: e.enterprise.name,
        registeredAddress: e.enterprise.registeredAddress,
        productKind: e.product.kind,
        productName: e.product.name,
        series: e.product.series,
        model: e.product.model,
        rdCompletedOn: e.product.rdCompletedOn,
        ...(e.policyProfile ? { policyProfileId: e.policyProfile.id, policyProfileVersion: e.policyProfile.version } : {}),
        ...review,
        state: ApplicationState.REVIEWED,
      },
    });
  }
}
