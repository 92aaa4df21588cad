import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicationState, toShanghaiDate } from '@firstset/domain';
import { ScheduleSiteVisitV1, SiteVisitScheduled, UpdateSiteVisitV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { caseOfInstitution, institutionOf } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';
import { assertScheduled, expertNames, visitOfInstitution } from './site-visit-access';
import { checkedPlan } from './site-visit-plan';
import { SiteVisitView, toSiteVisitView } from './site-visit-view';

/**
 * The commissioned institution schedules an on-site verification (现场核查, M8.2) of a case under
 * comprehensive review: the date, the place, what the enterprise prepares, and members from the
 * panel. The case stays under comprehensive review (the visit is part of it); the enterprise is
 * notified through intake.
 */
@Injectable()
export class ScheduleSiteVisit {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  execute(input: ScheduleSiteVisitV1, meta: MessageMeta): Promise<SiteVisitView> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'site-visit.schedule', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      await lockCase(tx, input.applicationId);
      const { reviewCase, commission } = await caseOfInstitution(tx, input.applicationId, institutionId, today);
      if (reviewCase.state !== ApplicationState.UNDER_COMPREHENSIVE_REVIEW) throw ExpertManagementErrors.reviewNotInProgress(reviewCase.state);
      const plan = await checkedPlan(tx, reviewCase.id, input, today);
      const visit = await tx.siteVisit.create({
        data: { id: randomUUID(), applicationId: reviewCase.id, commissionId: commission.id, ...plan, scheduledBy: actor.userId, scheduledAt: now },
        include: { findings: true },
      });
      await this.outbox.append(
        tx,
        SiteVisitScheduled,
        { visitId: visit.id, applicationId: reviewCase.id, visitOn: plan.visitOn, address: plan.address, notice: plan.notice, memberCount: plan.memberExpertIds.length, scheduledAt: now.toISOString() },
        meta,
      );
      return {
        result: toSiteVisitView(visit, await expertNames(tx, plan.memberExpertIds)),
        detail: { visitId: visit.id, visitOn: plan.visitOn, memberExpertIds: plan.memberExpertIds },
      };
    });
  }
}

/**
 * The institution revises a scheduled visit from the version it read (a stale edit is refused,
 * 409); the same rules as scheduling, and the enterprise is told of the new plan.
 */
@Injectable()
export class UpdateSiteVisit {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  execute(input: UpdateSiteVisitV1, meta: MessageMeta): Promise<SiteVisitView> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'site-visit.update', objectType: 'site_visit', objectId: input.visitId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const { visit, reviewCase } = await visitOfInstitution(tx, input.visitId, institutionId, today);
      assertScheduled(visit);
      if (visit.version !== input.expectedVersion) throw ExpertManagementErrors.staleVersion(visit.version);
      if (reviewCase.state !== ApplicationState.UNDER_COMPREHENSIVE_REVIEW) throw ExpertManagementErrors.reviewNotInProgress(reviewCase.state);
      const plan = await checkedPlan(tx, reviewCase.id, input, today);
      const updated = await tx.siteVisit.update({ where: { id: visit.id }, data: { ...plan, version: { increment: 1 } }, include: { findings: true } });
      await this.outbox.append(
        tx,
        SiteVisitScheduled,
        { visitId: visit.id, applicationId: reviewCase.id, visitOn: plan.visitOn, address: plan.address, notice: plan.notice, memberCount: plan.memberExpertIds.length, revised: true, scheduledAt: now.toISOString() },
        meta,
      );
      return {
        result: toSiteVisitView(updated, await expertNames(tx, plan.memberExpertIds)),
        detail: { from: { visitOn: visit.visitOn, address: visit.address, memberExpertIds: visit.memberExpertIds }, to: { visitOn: plan.visitOn, address: plan.address, memberExpertIds: plan.memberExpertIds } },
      };
    });
  }
}
