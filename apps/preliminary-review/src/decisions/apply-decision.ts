import { ActorContext, MessageMeta, Outbox } from '@firstset/messaging';
import { ApplicationAction, ApplicationState, compareDates, LocalDate, PolicyProfileRegistry, toShanghaiDate, transition } from '@firstset/domain';
import { ApplicationRecommended, ApplicationRejected, ApplicationReturned } from '@firstset/contracts';
import { domainRule } from '@firstset/service-kit';
import { Prisma, ReviewCase } from '../generated/prisma/client';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Tx } from '../prisma';
import { openItemsOf, REVIEWABLE } from '../review/formal-review';
import { partnersOf } from '../summary/summary-entries';
import { supplementable } from '../summary/supplement';

export type Decision =
  | { kind: 'RETURN'; items: Array<{ item: string; reason: string }>; deadline: string; measuresIds: string[] }
  | { kind: 'REJECT'; reason: string; measuresIds: string[] }
  | { kind: 'RECOMMEND'; opinion: string };

/** Serialises a prefecture's summary with its recommendations in the batch (no recommendation slips past a sent summary). */
export const lockSummary = (tx: Tx, batchId: string, prefectureId: string) =>
  tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `preliminary-review|summary|${batchId}|${prefectureId}`);

/**
 * What the lifecycle says about the decision on this case now: the target state, or a refusal.
 * The facts are established here: the correction deadline (M7.3), the recorded verdicts (M7.3,
 * M12.1: every applicable material and every condition of M5 and M6 judged, currently and
 * positively, before a recommendation) and the summary not yet sent, or the case fit for a
 * supplementary summary (补报).
 */
export async function checkDecision(
  tx: Tx,
  found: ReviewCase,
  d: Decision,
  now: Date,
  profiles: PolicyProfileRegistry,
): Promise<ApplicationState> {
  const today = toShanghaiDate(now);
  const from = found.state as ApplicationState;
  if (d.kind === 'RETURN') {
    if (compareDates(d.deadline as LocalDate, today) <= 0) throw PreliminaryReviewErrors.deadlineNotAfterToday(today);
    const reason = d.items.map((i) => `${i.item}: ${i.reason}`).join('；');
    return domainRule(() => transition(from, ApplicationAction.returnForCorrection, 'prefecture_officer', { reason })).to;
  }
  if (d.kind === 'REJECT') {
    const deadline = found.correctionDeadline as LocalDate | null;
    const correctionDeadlinePassed = deadline !== null && compareDates(today, deadline) > 0;
    return domainRule(() =>
      transition(from, ApplicationAction.rejectAtPreliminaryReview, 'prefecture_officer', { reason: d.reason, facts: { correctionDeadlinePassed } }),
    ).to;
  }
  await lockSummary(tx, found.batchId, found.prefectureId);
  const sent = await tx.summary.findFirst({ where: { batchId: found.batchId, prefectureId: found.prefectureId, sequence: 0 } });
  if (sent && !supplementable(found, sent)) throw PreliminaryReviewErrors.summaryAlreadySubmitted();
  const withVerdicts = await tx.reviewCase.findUniqueOrThrow({ where: { id: found.id }, include: { verdicts: true, conditionVerdicts: true } });
  const open = openItemsOf(withVerdicts, profiles);
  if (open.length > 0 && REVIEWABLE.includes(from)) throw PreliminaryReviewErrors.reviewIncomplete(open);
  const preliminaryChecksPassed = open.length === 0;
  return domainRule(() =>
    transition(from, ApplicationAction.recommend, 'prefecture_officer', { reason: d.opinion, facts: { preliminaryChecksPassed } }),
  ).to;
}

/** Applies a checked decision: compare-and-set on the case and its event in the same transaction. */
export async function applyDecision(
  tx: Tx,
  outbox: Outbox,
  meta: MessageMeta,
  found: ReviewCase,
  d: Decision,
  to: ApplicationState,
  decidedBy: string,
  approver: ActorContext | null,
  now: Date,
): Promise<ReviewCase> {
  const at = now.toISOString();
  const data: Prisma.ReviewCaseUpdateManyMutationInput = {
    state: to,
    version: { increment: 1 },
    decidedBy,
    decidedAt: now,
    approvedBy: approver?.userId ?? null,
    draftKind: null,
    draft: Prisma.DbNull,
    draftedBy: null,
    draftedAt: null,
    // A note about an earlier draft sent back no longer concerns the case once a decision stands.
    draftDiscarded: Prisma.DbNull,
  };
  if (d.kind === 'RETURN') Object.assign(data, { correctionItems: d.items, correctionDeadline: d.deadline, correctionAnswers: [], measuresIds: d.measuresIds, resubmitted: false });
  if (d.kind === 'REJECT') Object.assign(data, { decisionReason: d.reason, measuresIds: d.measuresIds });
  if (d.kind === 'RECOMMEND') Object.assign(data, { opinion: d.opinion });
  const { count } = await tx.reviewCase.updateMany({ where: { id: found.id, state: found.state, version: found.version }, data });
  if (count !== 1) throw PreliminaryReviewErrors.concurrentChange();
  if (d.kind === 'RETURN') {
    await outbox.append(tx, ApplicationReturned, { applicationId: found.id, items: d.items, deadline: d.deadline, returnedBy: decidedBy, returnedAt: at }, meta);
  } else if (d.kind === 'REJECT') {
    await outbox.append(tx, ApplicationRejected, { applicationId: found.id, reason: d.reason, measuresIds: d.measuresIds, rejectedBy: decidedBy, rejectedAt: at }, meta);
  } else {
    await outbox.append(
      tx,
      ApplicationRecommended,
      {
        applicationId: found.id,
        batchId: found.batchId,
        applicationNo: found.applicationNo,
        prefectureId: found.prefectureId,
        enterprise: { uscc: found.enterpriseUscc, name: found.enterpriseName, registeredAddress: found.enterpriseAddress },
        product: { kind: found.productKind as never, name: found.productName, series: found.series, model: found.model, rdCompletedOn: found.rdCompletedOn },
        policyProfile: { id: found.policyProfileId, version: found.policyProfileVersion },
        // M11.1: the assignors and licensors, for the comprehensive review's conflict check.
        ...partnersOf(found),
        opinion: d.opinion,
        recommendedBy: decidedBy,
        recommendedAt: at,
      },
      meta,
    );
  }
  return tx.reviewCase.findUniqueOrThrow({ where: { id: found.id } });
}
