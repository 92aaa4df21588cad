import { Injectable } from '@nestjs/common';
import { toShanghaiDate } from '@firstset/domain';
import { CancelSiteVisitV1, SiteVisitCancelled } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { assertScheduled, expertNames, visitOfInstitution } from './site-visit-access';
import { SiteVisitView, toSiteVisitView } from './site-visit-view';

/** The institution cancels a scheduled visit with its reason (M8.2); the enterprise is told. Kept as history. */
@Injectable()
export class CancelSiteVisit {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  execute(input: CancelSiteVisitV1, meta: MessageMeta): Promise<SiteVisitView> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'site-visit.cancel', objectType: 'site_visit', objectId: input.visitId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const { visit } = await visitOfInstitution(tx, input.visitId, institutionId, toShanghaiDate(now));
      assertScheduled(visit);
      const reason = input.reason.trim();
      const updated = await tx.siteVisit.update({
        where: { id: visit.id },
        data: { status: 'cancelled', cancelReason: reason, cancelledAt: now, version: { increment: 1 } },
        include: { findings: true },
      });
      await this.outbox.append(
        tx,
        SiteVisitCancelled,
        { visitId: visit.id, applicationId: visit.applicationId, visitOn: visit.visitOn, reason, cancelledAt: now.toISOString() },
        meta,
      );
      return { result: toSiteVisitView(updated, await expertNames(tx, visit.memberExpertIds)), detail: { reason } };
    });
  }
}
