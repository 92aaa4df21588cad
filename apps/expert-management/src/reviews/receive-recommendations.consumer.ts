import { Controller } from '@nestjs/common';
import { ApplicationState } from '@firstset/domain';
import { SummarySubmitted, SummarySubmittedV1 } from '@firstset/contracts';
import { Consumes, MessageMeta } from '@firstset/messaging';
import { AuditRecorder } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { commissionFor } from '../commissions/scope';
import { lockBatch } from './locks';
import { ReviewStarter } from './review-starter';

/**
 * Each entry of a prefecture's summary (汇总报送, M7.3) becomes a case awaiting comprehensive
 * review: the Department reviews what the prefecture sent as a whole, never a single
 * recommendation on its own. When an open commission of the batch holds the case's scope (product
 * kind, M4.2 field), the review starts at once under it (M8.1); otherwise the case waits for one.
 * An entry whose withdrawal arrived first (M7.1, M10.2; another stream) is kept WITHDRAWN and not
 * reviewed. Redelivered or republished events find the cases and change nothing.
 */
@Controller()
export class ReceiveRecommendationsConsumer {
  constructor(
    private readonly starter: ReviewStarter,
    private readonly audit: AuditRecorder,
  ) {}

  @Consumes(SummarySubmitted, { durable: 'expert-management-summaries' })
  async receive(summary: SummarySubmittedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    // Each start's audit record is written last: the chain lock is held only for the commit (ADR 0027).
    await this.audit.holdUntilEnd(tx, () => this.receiveEntries(summary, tx, meta));
  }

  private async receiveEntries(summary: SummarySubmittedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    await lockBatch(tx, summary.batchId);
    const open = await tx.commission.findMany({ where: { batchId: summary.batchId, endedAt: null }, include: { institution: true } });
    for (const e of summary.entries) {
      if (e.batchId !== summary.batchId || e.prefectureId !== summary.prefectureId) continue;
      if (await tx.reviewCase.findUnique({ where: { id: e.applicationId } })) continue;
      const withdrawal = await tx.withdrawnApplication.findUnique({ where: { applicationId: e.applicationId } });
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
          // M4.2 field and the partners and licensors, for panels and conflicts (M11.1); absent from older producers.
          fieldCode: e.fieldCode ?? (e.catalogueEntryCode && /^EF(0[1-9]|1[0-8])$/.test(e.catalogueEntryCode) ? e.catalogueEntryCode : null),
          partners: (e.partners ?? []).map((p) => ({ name: p.name, ...(p.uscc ? { uscc: p.uscc } : {}) })),
          ...(e.policyProfile ? { policyProfileId: e.policyProfile.id, policyProfileVersion: e.policyProfile.version } : {}),
          recommendationOpinion: e.opinion,
          recommendedAt: new Date(summary.submittedAt),
          state: withdrawal ? ApplicationState.WITHDRAWN : ApplicationState.RECOMMENDED,
          ...(withdrawal ? { withdrawnAt: withdrawal.withdrawnAt, withdrawalReason: withdrawal.reason } : {}),
        },
      });
      if (withdrawal) continue;
      const commission = commissionFor(open, created);
      if (!commission) continue;
      // Acting on the standing of the Department's commission, not as the recommending officer.
      const actor = { userId: commission.commissionedBy, role: 'department_officer' };
      await this.starter.start(tx, [created], commission, { meta: { requestId: meta.requestId, actor }, audit: true });
    }
  }
}
