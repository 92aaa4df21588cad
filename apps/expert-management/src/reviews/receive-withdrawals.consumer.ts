import { Controller, Logger } from '@nestjs/common';
import { ApplicationAction, ApplicationState, isDomainError, transition } from '@firstset/domain';
import { ApplicationWithdrawn, ApplicationWithdrawnV1, SiteVisitCancelled } from '@firstset/contracts';
import { Consumes, MessageMeta, Outbox } from '@firstset/messaging';
import { AuditRecorder } from '@firstset/service-kit';
import { CaseHandover } from '../commissions/case-handover';
import { Tx } from '../prisma';
import { lockBatch, lockCase } from './locks';

/** The lifecycle's answer for a withdrawal intake already decided, or null when the case is past it (or already withdrawn). */
function withdrawnState(from: string): ApplicationState | null {
  try {
    return transition(from as ApplicationState, ApplicationAction.withdraw, 'system').to;
  } catch (err) {
    if (isDomainError(err)) return null;
    throw err;
  }
}

/** Keeps intake's withdrawal, whether or not the case is known here yet (the first one counts). */
async function recordWithdrawal(tx: Tx, e: ApplicationWithdrawnV1): Promise<void> {
  await tx.withdrawnApplication.createMany({
    data: [{ applicationId: e.applicationId, withdrawnAt: new Date(e.withdrawnAt), reason: e.reason?.trim() || null }],
    skipDuplicates: true,
  });
}

/** What the expert's assignment and a cancelled visit record as their reason (bilingual, M7.1 / M10.2). */
export function withdrawalReasonText(reason: string | undefined): string {
  const given = reason?.trim();
  return given ? `申报已撤回：${given} / application withdrawn: ${given}` : '申报已撤回 / application withdrawn';
}

/**
 * An application withdrawn by the enterprise (M7.1) or by the system on an applicant ban (M10.2)
 * ends its comprehensive review: the case becomes WITHDRAWN with intake's reason (the institution
 * still sees it, ended), its active assignments are excluded (the experts lose the task, the
 * materials and the right to score), its scheduled site visits are cancelled (the enterprise is
 * told). Nothing else changes: scores and reports already recorded stay as history. Every
 * withdrawal is recorded first: a case not known here yet (its summary on another stream, still
 * to come) is created WITHDRAWN when it arrives (`ReceiveRecommendationsConsumer`). A case
 * already ended is left alone; a redelivered event finds it withdrawn and changes nothing.
 */
@Controller()
export class ReceiveWithdrawalsConsumer {
  private readonly logger = new Logger('ReceiveWithdrawalsConsumer');

  constructor(
    private readonly handover: CaseHandover,
    private readonly outbox: Outbox,
    private readonly audit: AuditRecorder,
  ) {}

  @Consumes(ApplicationWithdrawn, { durable: 'expert-management-withdrawals' })
  async withdrawn(e: ApplicationWithdrawnV1, tx: Tx, meta: MessageMeta): Promise<void> {
    // The exclusions' audit records are written last: the chain lock is held only for the commit (ADR 0027).
    await this.audit.holdUntilEnd(tx, () => this.end(e, tx, meta));
  }

  private async end(e: ApplicationWithdrawnV1, tx: Tx, meta: MessageMeta): Promise<void> {
    await recordWithdrawal(tx, e);
    const seen = await tx.reviewCase.findUnique({ where: { id: e.applicationId }, select: { batchId: true } });
    if (!seen) return;
    // Same order as a commission's end (batch, then case): a handover and the withdrawal see each other.
    await lockBatch(tx, seen.batchId);
    await lockCase(tx, e.applicationId);
    const found = await tx.reviewCase.findUniqueOrThrow({ where: { id: e.applicationId } });
    const to = withdrawnState(found.state);
    if (!to) {
      if (found.state !== ApplicationState.WITHDRAWN) this.logger.warn(`withdrawal of ${found.id} ignored: case is ${found.state}`);
      return;
    }
    const at = new Date(e.withdrawnAt);
    const { count } = await tx.reviewCase.updateMany({
      where: { id: found.id, version: found.version },
      data: { state: to, version: { increment: 1 }, withdrawnAt: at, withdrawalReason: e.reason?.trim() || null },
    });
    if (count !== 1) throw new Error(`case ${found.id} changed meanwhile`); // redelivered, judged again
    const reason = withdrawalReasonText(e.reason);
    await this.handover.excludeAssignments(tx, { applicationId: found.id }, 'withdrawn', reason, at, meta);
    const visits = await tx.siteVisit.findMany({ where: { applicationId: found.id, status: 'scheduled' }, orderBy: { scheduledAt: 'asc' } });
    for (const v of visits) {
      await tx.siteVisit.update({ where: { id: v.id }, data: { status: 'cancelled', cancelReason: reason, cancelledAt: at, version: { increment: 1 } } });
      await this.outbox.append(tx, SiteVisitCancelled, { visitId: v.id, applicationId: v.applicationId, visitOn: v.visitOn, reason, cancelledAt: at.toISOString() }, meta);
    }
  }
}
