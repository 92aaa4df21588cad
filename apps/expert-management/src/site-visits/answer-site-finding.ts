import { Injectable } from '@nestjs/common';
import { AnswerSiteFindingV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { visitOfApplicant } from './site-visit-access';
import { SiteVisitView, toSiteVisitView } from './site-visit-view';

/**
 * The applicant answers a finding of a concluded visit (M8.2), once; the evidence it uploaded for
 * the answer beforehand goes with it. Another enterprise's visit is "not found".
 */
@Injectable()
export class AnswerSiteFinding {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: AnswerSiteFindingV1, meta: MessageMeta): Promise<SiteVisitView> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'site-visit.answer-finding', objectType: 'site_finding', objectId: input.findingId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const { visit } = await visitOfApplicant(tx, input.visitId, actor.enterpriseUscc ?? '');
      const finding = visit.findings.find((f) => f.id === input.findingId);
      if (!finding) throw notFound('site finding');
      if (visit.status !== 'concluded') throw ExpertManagementErrors.siteVisitNotConcluded();
      if (finding.answeredAt) throw ExpertManagementErrors.siteFindingAnswered();
      const answer = input.answer.trim();
      const updated = await tx.siteFinding.update({ where: { id: finding.id }, data: { answer, answeredBy: actor.userId, answeredAt: now } });
      const findings = visit.findings.map((f) => (f.id === finding.id ? updated : f));
      return { result: toSiteVisitView({ ...visit, findings }), detail: { visitId: visit.id, itemNo: finding.itemNo } };
    });
  }
}
