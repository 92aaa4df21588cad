import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { toShanghaiDate } from '@firstset/domain';
import { RecordSiteFindingV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { assertScheduled, expertNames, visitOfInstitution } from './site-visit-access';
import { SiteVisitView, toSiteVisitView } from './site-visit-view';

/** The institution records one item checked on site with its result, numbered in order, while the visit is scheduled (M8.2). */
@Injectable()
export class RecordSiteFinding {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: RecordSiteFindingV1, meta: MessageMeta): Promise<SiteVisitView> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'site-visit.record-finding', objectType: 'site_visit', objectId: input.visitId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const { visit } = await visitOfInstitution(tx, input.visitId, institutionId, toShanghaiDate(now));
      assertScheduled(visit);
      const itemNo = visit.findings.reduce((n, f) => Math.max(n, f.itemNo), 0) + 1;
      const finding = await tx.siteFinding.create({
        data: { id: randomUUID(), visitId: visit.id, itemNo, item: input.item.trim(), result: input.result, description: input.description.trim(), recordedBy: actor.userId, recordedAt: now },
      });
      return {
        result: toSiteVisitView({ ...visit, findings: [...visit.findings, finding] }, await expertNames(tx, visit.memberExpertIds)),
        detail: { findingId: finding.id, itemNo, result: input.result },
      };
    });
  }
}
