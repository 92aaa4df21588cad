import { Injectable, Logger } from '@nestjs/common';
import { ApplicationAction, ApplicationState, toShanghaiDate, transition } from '@firstset/domain';
import { ReviewStarted } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { AuditRecorder, Clock, domainRule } from '@firstset/service-kit';
import { Commission, Institution, ReviewCase } from '../generated/prisma/client';
import { institutionBannedOn } from '../commissions/sanctions';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';

export interface StartOptions {
  meta: MessageMeta;
  /** Write an audit record per case: when no command's own record covers the start. */
  audit: boolean;
}

/**
 * Starts the comprehensive review of recommended cases under the commission whose scope holds
 * them (M8.1; the caller chose it and sets ReviewCase.commissionId through here): the commission
 * exists and its institution is not banned today (M10.3),
 * checked here. Each start is a compare-and-set plus a `review.started` event, in the caller's
 * transaction. The Department's commission is what starts it, so the role is the Department's.
 */
@Injectable()
export class ReviewStarter {
  private readonly logger = new Logger('ReviewStarter');

  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly auditRecorder: AuditRecorder,
  ) {}

  async start(tx: Tx, cases: ReviewCase[], commission: Commission & { institution: Institution }, opts: StartOptions): Promise<string[]> {
    const now = this.clock.now();
    if (institutionBannedOn(commission.institution, toShanghaiDate(now))) {
      this.logger.warn(`institution ${commission.institutionId} is banned: review of batch ${commission.batchId} not started`);
      return [];
    }
    const started: string[] = [];
    for (const c of cases) {
      const { to } = domainRule(() =>
        transition(c.state as ApplicationState, ApplicationAction.startComprehensiveReview, 'department_officer', {
          facts: { institutionCommissioned: true, institutionNotBanned: true },
        }),
      );
      const { count } = await tx.reviewCase.updateMany({
        where: { id: c.id, state: c.state, version: c.version },
        data: { state: to, version: { increment: 1 }, reviewStartedAt: now, commissionId: commission.id },
      });
      if (count !== 1) throw ExpertManagementErrors.concurrentChange();
      await this.outbox.append(
        tx,
        ReviewStarted,
        { applicationId: c.id, institutionId: commission.institutionId, startedAt: now.toISOString() },
        opts.meta,
      );
      if (opts.audit) {
        await this.auditRecorder.record(tx, opts.meta, {
          action: 'review.start',
          objectType: 'application',
          objectId: c.id,
          outcome: 'succeeded',
          detail: { commissionId: commission.id, institutionId: commission.institutionId },
        });
      }
      started.push(c.id);
    }
    return started;
  }
}
