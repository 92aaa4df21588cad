import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ReviewReportViewV1, SaveReviewReportV1 } from '@firstset/contracts';
import { allowedActions, ApplicationAction, ApplicationState, PolicyProfileRegistry, toShanghaiDate, transition } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { ReviewReport } from '../generated/prisma/client';
import { Tx } from '../prisma';
import { caseOfInstitution, institutionOf } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';
import { reportContent, reportFacts, toReportView } from './report-content';

/** A case the institution can still report on: one under comprehensive review (the lifecycle says). */
export function requireUnderReview(state: string): void {
  const s = state as ApplicationState;
  if (!allowedActions(s, 'institution_staff').includes(ApplicationAction.completeComprehensiveReview)) {
    domainRule(() => transition(s, ApplicationAction.completeComprehensiveReview, 'institution_staff'));
  }
}

/** The draft's version check: 0 for the first save; a signed-off report never changes (M9.1). */
export function requireDraftAt(report: Pick<ReviewReport, 'status' | 'version'> | null, expectedVersion: number): void {
  if (report?.status === 'signed_off') throw ExpertManagementErrors.reportSignedOff();
  const current = report?.version ?? 0;
  if (current !== expectedVersion) throw ExpertManagementErrors.reportStale(current);
}

/**
 * The institution drafts its comprehensive review report on a case it holds (M8.1, M9.1): a
 * recommendation (recommend or not) and its reasons, saved at the version it read (0 the first
 * time). The rest of the report is prefilled from the experts' scores and the site visits.
 */
@Injectable()
export class SaveReviewReport {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly profiles: PolicyProfileRegistry,
    private readonly clock: Clock,
  ) {}

  execute(input: SaveReviewReportV1, meta: MessageMeta): Promise<ReviewReportViewV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'report.save', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      await lockCase(tx, input.applicationId);
      const { reviewCase: c, commission, institution } = await caseOfInstitution(tx, input.applicationId, institutionId, toShanghaiDate(this.clock.now()));
      const key = { applicationId_commissionId: { applicationId: c.id, commissionId: commission.id } };
      const existing = await tx.reviewReport.findUnique({ where: key });
      requireDraftAt(existing, input.expectedVersion);
      requireUnderReview(c.state);
      const data = { recommendation: input.recommendation, reasons: input.reasons.trim() };
      if (existing) {
        const { count } = await tx.reviewReport.updateMany({ where: { id: existing.id, version: existing.version }, data: { ...data, version: { increment: 1 } } });
        if (count !== 1) throw ExpertManagementErrors.reportStale(existing.version);
      } else {
        await tx.reviewReport.create({ data: { id: randomUUID(), applicationId: c.id, commissionId: commission.id, batchId: c.batchId, ...data } });
      }
      const report = await tx.reviewReport.findUniqueOrThrow({ where: key });
      const { assignments, visits } = await reportFacts(tx, c.id);
      const view = toReportView(c, { ...commission, institution }, report, reportContent(this.profiles, c, assignments, visits));
      return { result: view, detail: { recommendation: input.recommendation, version: report.version } };
    });
  }
}
