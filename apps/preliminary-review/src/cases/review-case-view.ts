import type { DecisionKindV1, QueueRowV1, ReviewCaseViewV1 } from '@firstset/contracts';
import { ApplicationState, daysBetween, STATE_LABELS, toShanghaiDate } from '@firstset/domain';
import { ReviewCase } from '../generated/prisma/client';

// The reply types live in the contract, so the compiler holds these mappings to it.
export type QueueRow = QueueRowV1;
export type ReviewCaseView = ReviewCaseViewV1;

export function toQueueRow(c: ReviewCase, now: Date): QueueRow {
  return {
    applicationId: c.id,
    applicationNo: c.applicationNo,
    batchId: c.batchId,
    prefectureId: c.prefectureId,
    enterprise: { uscc: c.enterpriseUscc, name: c.enterpriseName },
    product: { kind: c.productKind, name: c.productName, series: c.series, model: c.model, catalogueEntryCode: c.catalogueEntryCode },
    state: c.state,
    stateLabel: STATE_LABELS[c.state as ApplicationState] ?? { zh: c.state, en: c.state },
    receivedAt: c.receivedAt.toISOString(),
    waitingDays: Math.max(0, daysBetween(toShanghaiDate(c.receivedAt), toShanghaiDate(c.decidedAt ?? c.withdrawnAt ?? now))),
    resubmitted: c.resubmitted,
    assigneeId: c.assigneeId,
    draftKind: c.draftKind as DecisionKindV1 | null,
    flagCount: Array.isArray(c.flags) ? c.flags.length : 0,
  };
}

export function toReviewCaseView(c: ReviewCase, now: Date): ReviewCaseView {
  const row = toQueueRow(c, now);
  return {
    ...row,
    enterprise: { ...row.enterprise, registeredAddress: c.enterpriseAddress },
    product: { ...row.product, rdCompletedOn: c.rdCompletedOn },
    policyProfile: { id: c.policyProfileId, version: c.policyProfileVersion },
    credit: creditOf(c.credit),
    flags: (Array.isArray(c.flags) ? c.flags : []) as unknown as ReviewCaseView['flags'],
    materialsRequiredAtSubmission: c.materialsRequiredAtSubmission,
    applicationVersion: c.applicationVersion,
    version: c.version,
    opinion: c.opinion,
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    previousVersion: c.previousVersion,
    changes: c.changes as ReviewCaseView['changes'],
    assignedBy: c.assignedBy,
    assignedAt: c.assignedAt?.toISOString() ?? null,
    correction: {
      items: c.correctionItems as ReviewCaseView['correction']['items'],
      deadline: c.correctionDeadline,
      answers: c.correctionAnswers as ReviewCaseView['correction']['answers'],
    },
    decisionReason: c.decisionReason,
    measuresIds: c.measuresIds,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    draft: c.draftKind
      ? { kind: c.draftKind as DecisionKindV1, payload: c.draft as NonNullable<ReviewCaseView['draft']>['payload'], draftedBy: c.draftedBy, draftedAt: c.draftedAt?.toISOString() ?? null }
      : null,
    approvedBy: c.approvedBy,
    draftDiscarded: (c.draftDiscarded ?? null) as ReviewCaseView['draftDiscarded'],
  };
}

function creditOf(stored: unknown): ReviewCaseView['credit'] {
  if (!stored || typeof stored !== 'object') return null;
  const c = stored as NonNullable<ReviewCaseView['credit']>;
  // A yes/no from a source is the check; anything else leaves the prefecture to verify the report (M7.4(2)).
  const answered = typeof c.seriousDishonesty === 'boolean' && typeof c.abnormalOperations === 'boolean';
  return { ...c, verifyCreditReport: !answered };
}
