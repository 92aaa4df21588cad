import { Controller } from '@nestjs/common';
import { ApplicationState, panelFieldCode } from '@firstset/domain';
import { Prisma } from '../generated/prisma/client';
import { ApplicationReviewed, ApplicationReviewedV1 } from '@firstset/contracts';
import { Consumes } from '@firstset/messaging';
import { Tx } from '../prisma';

/**
 * Every application the experts reviewed becomes a candidate the Department can put on a list
 * (M9.1), with the score, opinion and the institution's signed report it decides on. A redelivered event is skipped by the inbox; a
 * second review of the same application refreshes the opinion only while it is still a candidate.
 * A review whose application's withdrawal arrived first (M7.1, M10.2; another stream) is kept as a
 * WITHDRAWN candidate, on record and never decided.
 */
@Controller()
export class ReviewedCandidatesConsumer {
  @Consumes(ApplicationReviewed, { durable: 'publicity-reviewed-candidates' })
  async keep(e: ApplicationReviewedV1, tx: Tx): Promise<void> {
    // The institution's signed report, when the event carries one (issue 17; older events have none).
    const report = e.report ? (e.report as unknown as Prisma.InputJsonValue) : Prisma.DbNull;
    const review = { score: e.score, opinion: e.opinion, reviewedAt: new Date(e.reviewedAt), report };
    const existing = await tx.candidate.findUnique({ where: { applicationId: e.applicationId } });
    if (existing) {
      await tx.candidate.updateMany({
        where: { applicationId: e.applicationId, state: ApplicationState.REVIEWED },
        data: review,
      });
      return;
    }
    const withdrawn = await tx.withdrawnApplication.findUnique({ where: { applicationId: e.applicationId } });
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
        fieldCode: panelFieldCode(e.product.kind, e.fieldCode),
        ...(e.policyProfile ? { policyProfileId: e.policyProfile.id, policyProfileVersion: e.policyProfile.version } : {}),
        ...review,
        state: withdrawn ? ApplicationState.WITHDRAWN : ApplicationState.REVIEWED,
      },
    });
  }
}
