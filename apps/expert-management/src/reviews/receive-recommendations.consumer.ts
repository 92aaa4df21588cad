import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApplicationState } from '@firstset/domain';
import { ApplicationRecommended } from '@firstset/contracts';
import { EventConsumers } from '@firstset/messaging';
import { consumeEvent } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { lockBatch } from './locks';
import { ReviewStarter } from './review-starter';

/**
 * A prefecture's recommendation becomes a case awaiting comprehensive review. When the batch
 * already has its commissioned institution, the review starts at once (M8.1). Redelivered or
 * republished events find the case and change nothing.
 */
@Injectable()
export class ReceiveRecommendationsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<Tx>,
    private readonly starter: ReviewStarter,
  ) {}

  onModuleInit(): void {
    consumeEvent(this.consumers, ApplicationRecommended, {
      durable: 'expert-management-recommendations',
      handler: async (e, tx, meta) => {
        await lockBatch(tx, e.batchId);
        if (await tx.reviewCase.findUnique({ where: { id: e.applicationId } })) return;
        const created = await tx.reviewCase.create({
          data: {
            id: e.applicationId,
            batchId: e.batchId,
            applicationNo: e.applicationNo,
            prefectureId: e.prefectureId,
            enterpriseUscc: e.enterprise.uscc,
            enterpriseName: e.enterprise.name,
            enterpriseAddress: e.enterprise.registeredAddress,
            productKind: e.product.kind,
            productName: e.product.name,
            series: e.product.series,
            model: e.product.model,
            rdCompletedOn: e.product.rdCompletedOn,
            recommendationOpinion: e.opinion,
            recommendedAt: new Date(e.recommendedAt),
            state: ApplicationState.RECOMMENDED,
          },
        });
        const commission = await tx.commission.findUnique({ where: { batchId: e.batchId }, include: { institution: true } });
        if (!commission) return;
        // Acting on the standing of the Department's commission, not as the recommending officer.
        const actor = { userId: commission.commissionedBy, role: 'department_officer' };
        await this.starter.start(tx, [created], commission, { meta: { requestId: meta.requestId, actor }, audit: true });
      },
    });
  }
}
