import { Injectable } from '@nestjs/common';
import type { ReviewReportViewV1, SignOffReviewReportV1 } from '@firstset/contracts';
import { ApplicationReviewed, ReviewRecommendation } from '@firstset/contracts';
import {
  ApplicationAction,
  ApplicationState,
  PolicyProfileRegistry,
  recommendationAllowedAfterVisits,
  ReportRecommendation,
  SiteVisitConclusion,
  toShanghaiDate,
  transition,
} from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Prisma } from '../generated/prisma/client';
import { Tx } from '../prisma';
import { caseOfInstitution, institutionOf } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';
import { counted } from '../reviews/review-rules';
import { summaryOf } from '../reviews/review-view';
import { reportContent, reportFacts, toReportView } from './report-content';
import { requireDraftAt, requireUnderReview } from './save-review-report';

const ACTION = ApplicationAction.completeComprehensiveReview;

/** How an expert's recommendation reads in the case's opinion. */
const RECOMMENDATION_LABEL: Record<ReviewRecommendation, string> = {
  recommend: '建议认定',
  not_recommend: '不建议认定',
  on_site_needed: '建议现场核查',
};

/**
 * The commissioned institution signs off its comprehensive review report, which concludes the
 * review (M8.1) and delivers the report to the Department (M9.1). Only active assignments count:
 * recused and excluded experts' scores never do (M11.1, M11.2); every active assignment must have
 * scored, and at least one must exist. Refused while a consensus round is open or a site visit is
 * still scheduled (M8.2), without a saved recommendation and its reasons, from a stale read, and
 * when recommending after a visit that did not confirm the claims. The case score is the mean of
 * the counted weighted totals, one decimal; the opinion lists each expert's recommendation and
 * opinion in the order the scores came in; the report's content is frozen as signed. The
 * `application.reviewed` event (score rounded for its older consumers, the exact mean, each expert's
 * recommendation, and the report) is what the Department decides the list on.
 */
@Injectable()
export class SignOffReviewReport {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: SignOffReviewReportV1, meta: MessageMeta): Promise<ReviewReportViewV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'report.sign-off', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await lockCase(tx, input.applicationId);
      const { reviewCase: c, commission, institution } = await caseOfInstitution(tx, input.applicationId, institutionId, toShanghaiDate(now));
      // A case not under review is refused by the lifecycle itself, before its facts are gathered.
      requireUnderReview(c.state);
      if (await tx.consensusRound.findFirst({ where: { applicationId: c.id, concludedAt: null } })) throw ExpertManagementErrors.consensusRoundOpen();
      const { assignments: active, visits } = await reportFacts(tx, c.id);
      const scored = counted(active).filter((a) => a.opinion !== null);
      if (active.length === 0 || scored.length !== active.length) throw ExpertManagementErrors.opinionsMissing(scored.length, active.length);
      if (visits.some((v) => v.status === 'scheduled')) throw ExpertManagementErrors.siteVisitPending();
      const key = { applicationId_commissionId: { applicationId: c.id, commissionId: commission.id } };
      const report = await tx.reviewReport.findUnique({ where: key });
      if (!report?.recommendation || !report.reasons?.trim()) throw ExpertManagementErrors.reasonsRequired();
      requireDraftAt(report, input.expectedVersion);
      const conclusions = visits.filter((v) => v.status === 'concluded' && v.conclusion).map((v) => v.conclusion as SiteVisitConclusion);
      if (!recommendationAllowedAfterVisits(report.recommendation as ReportRecommendation, conclusions)) throw ExpertManagementErrors.recommendationContradictsVisit();

      const { to } = domainRule(() => transition(c.state as ApplicationState, ACTION, 'institution_staff', { facts: { allExpertOpinionsRecorded: true } }));
      const content = reportContent(this.profiles, c, active, visits);
      const score = content.weightedScore!;
      const opinion = scored
        .map((a) => (a.recommendation ? `【${RECOMMENDATION_LABEL[a.recommendation as ReviewRecommendation] ?? a.recommendation}】${a.opinion!}` : a.opinion!))
        .join('\n');
      const { count } = await tx.reviewCase.updateMany({
        where: { id: c.id, state: c.state, version: c.version },
        data: { state: to, version: { increment: 1 }, score, opinion, reviewedAt: now },
      });
      if (count !== 1) throw ExpertManagementErrors.concurrentChange();
      const signedByName = actor.displayName ?? null;
      const signed = await tx.reviewReport.updateMany({
        where: { id: report.id, version: report.version, status: 'draft' },
        data: { status: 'signed_off', content: content as unknown as Prisma.InputJsonValue, signedBy: actor.userId, signedByName, signedAt: now, version: { increment: 1 } },
      });
      if (signed.count !== 1) throw ExpertManagementErrors.reportStale(report.version);
      await this.outbox.append(
        tx,
        ApplicationReviewed,
        {
          ...summaryOf(c),
          score: Math.round(score),
          opinion,
          reviewedAt: now.toISOString(),
          weightedScore: score,
          // Legacy single scores (before the rubric) carry no recommendation: they are left out here.
          experts: scored
            .filter((a) => a.recommendation !== null)
            .map((a) => ({ expertId: a.expertId, weightedTotal: a.score!, recommendation: a.recommendation as ReviewRecommendation })),
          report: {
            recommendation: report.recommendation as ReportRecommendation,
            reasons: report.reasons.trim(),
            criterionMeans: content.criterionMeans.map(({ criterionId, nameZh, mean }) => ({ criterionId, nameZh, mean })),
            siteConclusions: content.siteConclusions.map(({ visitOn, conclusion, note }) => ({ visitOn, conclusion: conclusion as SiteVisitConclusion, note })),
            signedAt: now.toISOString(),
            signedByName,
          },
        },
        meta,
      );
      const after = await tx.reviewReport.findUniqueOrThrow({ where: key });
      const view = toReportView({ ...c, state: to, score, opinion }, { ...commission, institution }, after, content);
      return { result: view, detail: { score, experts: scored.length, recommendation: report.recommendation } };
    });
  }
}
