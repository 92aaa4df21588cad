import type { LabelV1 } from '../../common/views/label.v1';
import type { FieldChangeV1 } from '../../intake/events/application-resubmitted.v1';
import type { CorrectionItemV1 } from '../dto';

/** One row of a prefecture's review queue. */
export interface QueueRowV1 {
  applicationId: string;
  applicationNo: string;
  batchId: string;
  prefectureId: string;
  enterprise: { uscc: string; name: string };
  product: { kind: string; name: string; series: string; model: string; catalogueEntryCode: string | null };
  state: string;
  stateLabel: LabelV1;
  receivedAt: string;
  /** Calendar days (China time) from receipt to the decision, or to today while undecided. */
  waitingDays: number;
  /** Came back after a return for correction (M7.3). */
  resubmitted: boolean;
  assigneeId: string | null;
  /** A decision drafted under two-step approval is waiting. */
  draftKind: DecisionKindV1 | null;
  /** How many of intake's flags wait for a human look. */
  flagCount: number;
}

export type DecisionKindV1 = 'RETURN' | 'REJECT' | 'RECOMMEND';

/** The credit source's answer at submission (M5.1, M7.4(2)). */
export interface ReviewCreditV1 {
  source: string;
  seriousDishonesty?: boolean;
  abnormalOperations?: boolean;
  checkedAt: string;
  reference?: string;
  note?: string;
  /** No yes/no from a source: the uploaded special credit report is to be verified. */
  verifyCreditReport: boolean;
}

/** One of intake's findings for a human look (failed USCC check character, possible same series…). */
export interface ReviewFlagV1 {
  code: string;
  measuresId: string;
  field?: string;
  message: string;
  messageEn?: string;
}

/** A decision drafted under two-step approval, as its drafter sent it. */
export interface DraftedDecisionV1 {
  kind: DecisionKindV1;
  items?: CorrectionItemV1[];
  deadline?: string;
  measuresIds?: string[];
  reason?: string;
  opinion?: string;
}

/** The last drafted decision withdrawn by its drafter or sent back by the approver, with the reason. */
export interface DraftDiscardedV1 {
  kind: DecisionKindV1;
  how: 'WITHDRAWN_BY_DRAFTER' | 'SENT_BACK_BY_APPROVER';
  draftedBy: string;
  draftedAt: string | null;
  by: string;
  byName: string | null;
  at: string;
  reason: string;
}

/** One application in preliminary review with everything the officer decides on. */
export interface ReviewCaseViewV1 extends QueueRowV1 {
  enterprise: { uscc: string; name: string; registeredAddress: string };
  product: { kind: string; name: string; series: string; model: string; catalogueEntryCode: string | null; rdCompletedOn: string };
  /** M15: the policy profile of its batch, by which the case is judged. */
  policyProfile: { id: string; version: string };
  credit: ReviewCreditV1 | null;
  flags: ReviewFlagV1[];
  /**
   * M7.4: false when the batch's profile let the application through without every applicable
   * material (a pilot): the reviewer is told so. null for submissions from before it was sent.
   */
  materialsRequiredAtSubmission: boolean | null;
  applicationVersion: number;
  version: number;
  opinion: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  previousVersion: number | null;
  /** What changed between the returned version and the resubmitted one. */
  changes: FieldChangeV1[] | null;
  assignedBy: string | null;
  assignedAt: string | null;
  /** The last return and, once resubmitted, the enterprise's answer to each item (M7.3). */
  correction: { items: CorrectionItemV1[] | null; deadline: string | null; answers: Array<{ item: string; answer: string }> };
  decisionReason: string | null;
  measuresIds: string[];
  withdrawnAt: string | null;
  draft: { kind: DecisionKindV1; payload: DraftedDecisionV1 | null; draftedBy: string | null; draftedAt: string | null } | null;
  approvedBy: string | null;
  draftDiscarded: DraftDiscardedV1 | null;
}

/** One page of a prefecture's queue, searched and sorted. */
export interface QueuePageV1 {
  items: QueueRowV1[];
  total: number;
  page: number;
  pageSize: number;
}

/** A prefecture officer seen by preliminary review, for assigning cases and showing names. */
export interface OfficerViewV1 {
  userId: string;
  displayName: string | null;
  /** Null for an officer who has not acted yet (known from the accounts only). */
  lastSeenAt: string | null;
}

export interface ApprovalSettingV1 {
  prefectureId: string;
  /** Decisions need a drafter and a second officer (two-step approval). */
  twoStepApproval: boolean;
}
