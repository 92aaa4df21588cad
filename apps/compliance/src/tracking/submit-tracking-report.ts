import { Injectable } from '@nestjs/common';
import type { TrackingEvaluationViewV1 } from '@firstset/contracts';
import { SubmitTrackingReportV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { Tx } from '../prisma';
import { toTrackingView, TRACKING_INCLUDE } from './tracking-view';

/**
 * The enterprise the request is addressed to reports once, until the due date included (M12.2).
 * Another enterprise gets 404: the request is not theirs to see.
 */
@Injectable()
export class SubmitTrackingReport {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: SubmitTrackingReportV1, meta: MessageMeta): Promise<TrackingEvaluationViewV1> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'tracking-evaluation.report', objectType: 'tracking_evaluation', objectId: input.evaluationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const e = await tx.trackingEvaluation.findUnique({ where: { id: input.evaluationId } });
      if (!e || !actor.enterpriseUscc || e.uscc !== actor.enterpriseUscc) throw ComplianceErrors.trackingNotFound();
      if (e.status !== 'requested') throw ComplianceErrors.trackingStatus(e.status, 'requested');
      if (toShanghaiDate(now) > e.dueOn) throw ComplianceErrors.trackingReportTooLate(e.dueOn);
      const { count } = await tx.trackingEvaluation.updateMany({
        where: { id: e.id, version: e.version, status: 'requested' },
        data: {
          status: 'reported',
          unitsSold: input.unitsSold,
          salesRevenueYuan: input.salesRevenueYuan,
          customers: input.customers,
          performance: input.performance,
          problems: input.problems,
          reportedBy: actor.userId,
          reportedAt: now,
          version: { increment: 1 },
        },
      });
      if (count !== 1) throw ComplianceErrors.concurrentChange();
      const row = await tx.trackingEvaluation.findUniqueOrThrow({ where: { id: e.id }, include: TRACKING_INCLUDE });
      return { result: toTrackingView(row, actor), detail: { unitsSold: input.unitsSold, customers: input.customers.length } };
    });
  }
}
