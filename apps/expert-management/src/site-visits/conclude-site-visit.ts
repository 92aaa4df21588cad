import { Injectable } from '@nestjs/common';
import { toShanghaiDate } from '@firstset/domain';
import { ConcludeSiteVisitV1, SiteVisitConcluded } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { assertScheduled, expertNames, visitOfInstitution } from './site-visit-access';
import { SiteVisitView, toSiteVisitView } from './site-visit-view';

/**
 * The institution concludes a visit with at least one finding recorded (M8.2): the conclusion and
 * its note are final; the enterprise is notified and may answer the findings, and the
 * institution's report reads the conclusion.
 */
@Injectable()
export class ConcludeSiteVisit {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  execute(input: ConcludeSiteVisitV1, meta: MessageMeta): Promise<SiteVisitView> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'site-visit.conclude', objectType: 'site_visit', objectId: input.visitId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const { visit } = await visitOfInstitution(tx, input.visitId, institutionId, toShanghaiDate(now));
      assertScheduled(visit);
      if (visit.findings.length === 0) throw ExpertManagementErrors.siteVisitNoFindings();
      const updated = await tx.siteVisit.update({
        where: { id: visit.id },
        data: { status: 'concluded', conclusion: input.conclusion, conclusionNote: input.note.trim(), concludedBy: actor.userId, concludedAt: now, version: { increment: 1 } },
        include: { findings: true },
      });
      await this.outbox.append(
        tx,
        SiteVisitConcluded,
        { visitId: visit.id, applicationId: visit.applicationId, visitOn: visit.visitOn, conclusion: input.conclusion, findingCount: visit.findings.length, concludedAt: now.toISOString() },
        meta,
      );
      return { result: toSiteVisitView(updated, await expertNames(tx, visit.memberExpertIds)), detail: { conclusion: input.conclusion, findings: visit.findings.length } };
    });
  }
}
