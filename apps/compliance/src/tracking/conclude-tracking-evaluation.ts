import { Injectable } from '@nestjs/common';
import type { TrackingEvaluationViewV1 } from '@firstset/contracts';
import { ConcludeTrackingEvaluationV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { Tx } from '../prisma';
import { toTrackingView, TRACKING_INCLUDE } from './tracking-view';

/**
 * The prefecture of the area concludes the evaluation once (M12.2): on the enterprise's report, or
 * without one after the due date, which the record says. Before the due date an unanswered request
 * waits for the enterprise.
 */
@Injectable()
export class ConcludeTrackingEvaluation {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: ConcludeTrackingEvaluationV1, meta: MessageMeta): Promise<TrackingEvaluationViewV1> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const spec = { action: 'tracking-evaluation.conclude', objectType: 'tracking_evaluation', objectId: input.evaluationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const e = await tx.trackingEvaluation.findUnique({ where: { id: input.evaluationId } });
      if (!e || !actor.prefectureId || e.prefectureId !== actor.prefectureId) throw ComplianceErrors.trackingNotFound();
      if (e.status === 'concluded') throw ComplianceErrors.trackingStatus(e.status, 'requested | reported');
      const withoutReport = e.status === 'requested';
      if (withoutReport && today <= e.dueOn) throw ComplianceErrors.trackingAwaitingReport(e.dueOn);
      const { count } = await tx.trackingEvaluation.updateMany({
        where: { id: e.id, version: e.version, status: e.status },
        data: {
          status: 'concluded',
          conclusion: input.conclusion,
          findings: input.findings,
          withoutReport,
          concludedOn: today,
          concludedBy: actor.userId,
          concludedAt: now,
          version: { increment: 1 },
        },
      });
      if (count !== 1) throw ComplianceErrors.concurrentChange();
      const row = await tx.trackingEvaluation.findUniqueOrThrow({ where: { id: e.id }, include: TRACKING_INCLUDE });
      return { result: toTrackingView(row, actor), detail: { conclusion: input.conclusion, withoutReport } };
    });
  }
}
