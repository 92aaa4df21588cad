import type { RedactedReviewViewV1, ReviewRulesViewV1, ReviewViewV1 } from '@firstset/contracts';
import { ApplicationSummaryV1 } from '@firstset/contracts';
import { ApplicationState, STATE_LABELS } from '@firstset/domain';
import { Assignment, ConsensusRound, Expert, ReviewCase } from '../generated/prisma/client';
import { peerScoresFor, toAssignmentView } from '../assignments/assignment-view';
import { toConsensusRoundView } from '../consensus/consensus-view';
import { divergenceOf } from './review-rules';

export type RedactedReviewView = RedactedReviewViewV1;

export type ReviewView = ReviewViewV1;

type AssignmentWithExpert = Assignment & { expert: Pick<Expert, 'name'> };

export function summaryOf(c: ReviewCase): ApplicationSummaryV1 {
  return {
    applicationId: c.id,
    batchId: c.batchId,
    applicationNo: c.applicationNo,
    prefectureId: c.prefectureId,
    enterprise: { uscc: c.enterpriseUscc, name: c.enterpriseName, registeredAddress: c.enterpriseAddress },
    product: { kind: c.productKind as never, name: c.productName, series: c.series, model: c.model, rdCompletedOn: c.rdCompletedOn },
    policyProfile: { id: c.policyProfileId, version: c.policyProfileVersion },
  };
}

function details(c: ReviewCase): ReviewView {
  const { applicationId, applicationNo, batchId, prefectureId, enterprise, product } = summaryOf(c);
  return {
    applicationId,
    applicationNo,
    batchId,
    prefectureId,
    enterprise,
    product,
    recommendationOpinion: c.recommendationOpinion,
    recommendedAt: c.recommendedAt.toISOString(),
    state: c.state,
    stateLabel: STATE_LABELS[c.state as ApplicationState] ?? { zh: c.state, en: c.state },
    reviewStartedAt: c.reviewStartedAt?.toISOString() ?? null,
    ...(c.withdrawnAt ? { withdrawal: { reason: c.withdrawalReason, withdrawnAt: c.withdrawnAt.toISOString() } } : {}),
  };
}

/**
 * A case under review whose current panel lost an expert (disqualified M11.2, recused) and is short
 * of the profile's panel size needs a replacement; the institution assigns one.
 */
export function panelState(c: ReviewCase & { assignments: Assignment[] }, panelSize: number): { activeExperts: number; needsReplacement: boolean } {
  const current = c.assignments.filter((a) => a.commissionId === c.commissionId || a.commissionId === null);
  const activeExperts = current.filter((a) => a.status === 'active').length;
  const lost = current.some((a) => a.status !== 'active');
  const needsReplacement =
    c.state === ApplicationState.UNDER_COMPREHENSIVE_REVIEW && c.commissionId !== null && lost && activeExperts < panelSize;
  return { activeExperts, needsReplacement };
}

/** What a view of one case adds: the profile's rules, and (oversight) the consensus rounds. */
export interface CaseExtras {
  rules?: ReviewRulesViewV1;
  rounds?: ConsensusRound[];
  /** An expert's case view: whether a consensus round is open (their scores may then be revised). */
  roundOpen?: boolean;
}

/**
 * The Department's, an auditor's or the commissioned institution's view: everything, every
 * expert's scores by criterion, and the divergence when the profile's threshold is known.
 */
export function toOversightView(c: ReviewCase & { assignments: AssignmentWithExpert[] }, extras: CaseExtras & { rules: ReviewRulesViewV1 }): ReviewView {
  return {
    ...details(c),
    result: { score: c.score, opinion: c.opinion, reviewedAt: c.reviewedAt?.toISOString() ?? null },
    assignments: c.assignments.map((a) => toAssignmentView(a, a.expert)),
    commissionId: c.commissionId,
    // Judged by the case's own profile: the panel size of the batch it was filed in (M15).
    ...panelState(c, extras.rules.panelSize),
    rules: extras.rules,
    divergence: divergenceOf(c.assignments, extras.rules.divergenceThreshold),
    ...(extras.rounds ? { consensusRounds: extras.rounds.map(toConsensusRoundView) } : {}),
  };
}

/**
 * An assigned expert's view: the application once the undertaking is signed, else its number and
 * kind; the other panel members' scores (anonymous) only once the expert's own are in (M11.1).
 * Never the institution's conclusion, never another expert's identity.
 */
export function toExpertView(
  a: AssignmentWithExpert & { reviewCase: ReviewCase & { assignments?: Assignment[] } },
  extras: CaseExtras = {},
): ReviewView | RedactedReviewView {
  const myAssignment = toAssignmentView(a, a.expert);
  const rules = extras.rules ? { rules: extras.rules } : {};
  if (!a.acceptedAt || a.status !== 'active') {
    return {
      applicationId: a.reviewCase.id,
      applicationNo: a.reviewCase.applicationNo,
      product: { kind: a.reviewCase.productKind },
      undertakingAccepted: false,
      myAssignment,
      ...rules,
    };
  }
  return {
    ...details(a.reviewCase),
    myAssignment,
    undertakingAccepted: true,
    peerScores: peerScoresFor(a, a.reviewCase.assignments ?? []),
    ...rules,
    ...(extras.roundOpen !== undefined ? { consensusRoundOpen: extras.roundOpen } : {}),
  };
}
