import { Injectable } from '@nestjs/common';
import { ApplicationState } from '@firstset/domain';
import { ASSIGNMENT_END_CAUSES, AssignmentEnded, ReviewMoved } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { AuditRecorder } from '@firstset/service-kit';
import { Commission, Institution, Prisma } from '../generated/prisma/client';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { lockCase } from '../reviews/locks';
import { inScope } from './scope';

type EndCause = (typeof ASSIGNMENT_END_CAUSES)[number];

export interface Ending {
  reason: string;
  endedBy: string;
  now: Date;
  meta: MessageMeta;
}

/**
 * Moves cases under comprehensive review between commissions (M8.1, M10.3): ending a commission
 * leaves its cases waiting (commission null, still under review) and excludes the assignments of
 * its institution's experts (the next institution uses its own); a new commission takes up the
 * waiting cases its scope holds. Every move is an event (intake moves the material access with
 * it) and an audit record. The caller holds the batch lock.
 */
@Injectable()
export class CaseHandover {
  constructor(
    private readonly outbox: Outbox,
    private readonly audit: AuditRecorder,
  ) {}

  /** Ends an open commission; refused when it ended meanwhile. Returns the cases now waiting and the assignments excluded. */
  async end(tx: Tx, commission: Commission, e: Ending): Promise<{ waiting: string[]; excluded: number }> {
    const { count } = await tx.commission.updateMany({
      where: { id: commission.id, endedAt: null },
      data: { endedAt: e.now, endedBy: e.endedBy, endReason: e.reason },
    });
    if (count !== 1) throw ExpertManagementErrors.commissionEnded();
    const held = await tx.reviewCase.findMany({
      where: { commissionId: commission.id, state: ApplicationState.UNDER_COMPREHENSIVE_REVIEW },
      orderBy: { applicationNo: 'asc' },
    });
    let excluded = 0;
    for (const c of held) {
      await lockCase(tx, c.id);
      await tx.reviewCase.update({ where: { id: c.id }, data: { commissionId: null, version: { increment: 1 } } });
      excluded += await this.excludeAssignments(tx, { applicationId: c.id }, 'commission_ended', e.reason, e.now, e.meta);
      await this.outbox.append(
        tx,
        ReviewMoved,
        { applicationId: c.id, fromInstitutionId: commission.institutionId, fromCommissionId: commission.id, reason: e.reason, movedAt: e.now.toISOString() },
        e.meta,
      );
      await this.audit.record(tx, e.meta, {
        action: 'review.move',
        objectType: 'application',
        objectId: c.id,
        outcome: 'succeeded',
        detail: { fromCommissionId: commission.id, fromInstitutionId: commission.institutionId, toCommissionId: null, reason: e.reason },
      });
    }
    return { waiting: held.map((c) => c.id), excluded };
  }

  /** The waiting cases of the batch that the new open commission's scope holds move to it. */
  async takeUp(tx: Tx, commission: Commission & { institution: Institution }, meta: MessageMeta, now: Date): Promise<string[]> {
    const waiting = await tx.reviewCase.findMany({
      where: { batchId: commission.batchId, commissionId: null, state: ApplicationState.UNDER_COMPREHENSIVE_REVIEW },
      orderBy: { applicationNo: 'asc' },
    });
    const taken = waiting.filter((c) => inScope(commission, c));
    for (const c of taken) {
      await lockCase(tx, c.id);
      const { count } = await tx.reviewCase.updateMany({
        where: { id: c.id, commissionId: null, version: c.version },
        data: { commissionId: commission.id, version: { increment: 1 } },
      });
      if (count !== 1) throw ExpertManagementErrors.concurrentChange();
      const reason = `委托 ${commission.institution.name} 接续评审 / taken up by ${commission.institution.name}`;
      await this.outbox.append(
        tx,
        ReviewMoved,
        { applicationId: c.id, toInstitutionId: commission.institutionId, toCommissionId: commission.id, reason, movedAt: now.toISOString() },
        meta,
      );
      await this.audit.record(tx, meta, {
        action: 'review.move',
        objectType: 'application',
        objectId: c.id,
        outcome: 'succeeded',
        detail: { fromCommissionId: null, toCommissionId: commission.id, toInstitutionId: commission.institutionId },
      });
    }
    if (taken.length > 0) {
      // The ended commissions of the batch whose cases this one took up are replaced by it (history).
      const ended = await tx.commission.findMany({ where: { batchId: commission.batchId, endedAt: { not: null }, replacedById: null } });
      const replaced = ended.filter((o) => o.id !== commission.id && o.productKinds.join() === commission.productKinds.join() && o.fieldCodes.join() === commission.fieldCodes.join());
      if (replaced.length > 0) await tx.commission.updateMany({ where: { id: { in: replaced.map((o) => o.id) } }, data: { replacedById: commission.id } });
    }
    return taken.map((c) => c.id);
  }

  /**
   * The matching active assignments stop counting (excluded, with the reason) and their experts
   * lose the materials at once (`assignment.ended`). Returns how many.
   */
  async excludeAssignments(tx: Tx, where: Prisma.AssignmentWhereInput, cause: EndCause, reason: string, now: Date, meta: MessageMeta): Promise<number> {
    const active = await tx.assignment.findMany({ where: { ...where, status: 'active' }, orderBy: { assignedAt: 'asc' } });
    for (const a of active) {
      await lockCase(tx, a.applicationId);
      await tx.assignment.update({ where: { id: a.id }, data: { status: 'excluded', endedAt: now, endReason: reason } });
      await this.outbox.append(
        tx,
        AssignmentEnded,
        { applicationId: a.applicationId, expertId: a.expertId, cause, reason, endedAt: now.toISOString() },
        meta,
      );
    }
    return active.length;
  }
}
