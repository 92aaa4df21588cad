import { Injectable } from '@nestjs/common';
import { allowedActions, ApplicationAction, ApplicationState, toShanghaiDate, transition } from '@firstset/domain';
import { ApplicationRefDto, ApplicationReviewed } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { caseOfInstitution, institutionOf } from './case-access';
import { lockCase } from './locks';
import { summaryOf } from './review-view';

const ACTION = ApplicationAction.completeComprehensiveReview;

/**
 * The commissioned institution concludes the comprehensive review once every assigned expert has
 * scored (M8.1): the score is the rounded mean, the opinion the experts' opinions in the order
 * given. The `application.reviewed` event is what the Department decides the list on (M9.1).
 */
@Injectable()
export class CompleteReview {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: ApplicationRefDto, meta: MessageMeta): Promise<{ applicationId: string; state: string; score: number; opinion: string }> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'review.complete', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await lockCase(tx, input.applicationId);
      const { reviewCase: c } = await caseOfInstitution(tx, input.applicationId, institutionId, toShanghaiDate(now));
      const state = c.state as ApplicationState;
      // A case not under review is refused by the lifecycle itself, before its facts are gathered.
      if (!allowedActions(state, 'institution_staff').includes(ACTION)) domainRule(() => transition(state, ACTION, 'institution_staff'));
      // Only active assignments count: a disqualified expert's (M11.2) or an ended commission's are excluded.
      const assignments = await tx.assignment.findMany({ where: { applicationId: c.id, status: 'active' }, orderBy: [{ scoredAt: 'asc' }, { id: 'asc' }] });
      const scored = assignments.filter((a) => a.scoredAt !== null && a.score !== null && a.opinion !== null);
      if (assignments.length === 0 || scored.length !== assignments.length) {
        throw ExpertManagementErrors.opinionsMissing(scored.length, assignments.length);
      }
      const { to } = domainRule(() => transition(state, ACTION, 'institution_staff', { facts: { allExpertOpinionsRecorded: true } }));
      const score = Math.round(scored.reduce((sum, a) => sum + a.score!, 0) / scored.length);
      const opinion = scored.map((a) => a.opinion!).join('\n');
      const { count } = await tx.reviewCase.updateMany({
        where: { id: c.id, state: c.state, version: c.version },
        data: { state: to, version: { increment: 1 }, score, opinion, reviewedAt: now },
      });
      if (count !== 1) throw ExpertManagementErrors.concurrentChange();
      await this.outbox.append(tx, ApplicationReviewed, { ...summaryOf(c), score, opinion, reviewedAt: now.toISOString() }, meta);
      return { result: { applicationId: c.id, state: to, score, opinion }, detail: { score, experts: scored.length } };
    });
  }
}
