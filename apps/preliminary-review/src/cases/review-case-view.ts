import { ApplicationState, daysBetween, STATE_LABELS, toShanghaiDate } from '@firstset/domain';
import { ReviewCase } from '../generated/prisma/client';

export interface QueueRow {
  applicationId: string;
  applicationNo: string;
  batchId: string;
  prefectureId: string;
  enterprise: { uscc: string; name: string };
  product: { kind: string; name: string; series: string; model: string; catalogueEntryCode: string | null };
  state: string;
  stateLabel: { zh: string; en: string };
  receivedAt: string;
  /** Calendar days (China time) from receipt to the decision, or to today while undecided. */
  waitingDays: number;
  /** Came back after a return for correction (M7.3). */
  resubmitted: boolean;
  assigneeId: string | null;
  /** A decision drafted under two-step approval is waiting. */
  draftKind: string | null;
  /** How many of intake's flags wait for a human look. */
  flagCount: number;
}

export interface ReviewCaseView extends QueueRow {
  enterprise: { uscc: string; name: string; registeredAddress: string };
  product: { kind: string; name: string; series: string; model: string; catalogueEntryCode: string | null; rdCompletedOn: string };
  /** The credit source's answer at submission (M5.1, M7.4(2)); without a yes/no the uploaded special credit report is to be verified. */
  credit: {
    source: string;
    seriousDishonesty?: boolean;
    abnormalOperations?: boolean;
    checkedAt: string;
    reference?: string;
    note?: string;
    verifyCreditReport: boolean;
  } | null;
  /** Intake's findings for a human look (failed USCC check character, possible same series…). */
  flags: Array<{ code: string; measuresId: string; field?: string; message: string; messageEn?: string }>;
  applicationVersion: number;
  version: number;
  opinion: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  previousVersion: number | null;
  /** What changed between the returned version and the resubmitted one. */
  changes: unknown;
  assignedBy: string | null;
  assignedAt: string | null;
  correction: { items: unknown; deadline: string | null };
  decisionReason: string | null;
  measuresIds: string[];
  withdrawnAt: string | null;
  draft: { kind: string; payload: unknown; draftedBy: string | null; draftedAt: string | null } | null;
  approvedBy: string | null;
  /** The last drafted decision withdrawn by its drafter or sent back by the approver, with the reason. */
  draftDiscarded: unknown;
}

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
    draftKind: c.draftKind,
    flagCount: Array.isArray(c.flags) ? c.flags.length : 0,
  };
}

export function toReviewCaseView(c: ReviewCase, now: Date): ReviewCaseView {
  const row = toQueueRow(c, now);
  return {
    ...row,
    enterprise: { ...row.enterprise, registeredAddress: c.enterpriseAddress },
    product: { ...row.product, rdCompletedOn: c.rdCompletedOn },
    credit: creditOf(c.credit),
    flags: (Array.isArray(c.flags) ? c.flags : []) as ReviewCaseView['flags'],
    applicationVersion: c.applicationVersion,
    version: c.version,
    opinion: c.opinion,
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    previousVersion: c.previousVersion,
    changes: c.changes,
    assignedBy: c.assignedBy,
    assignedAt: c.assignedAt?.toISOString() ?? null,
    correction: { items: c.correctionItems, deadline: c.correctionDeadline },
    decisionReason: c.decisionReason,
    measuresIds: c.measuresIds,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    draft: c.draftKind
      ? { kind: c.draftKind, payload: c.draft, draftedBy: c.draftedBy, draftedAt: c.draftedAt?.toISOString() ?? null }
      : null,
    approvedBy: c.approvedBy,
    draftDiscarded: c.draftDiscarded ?? null,
  };
}

function creditOf(stored: unknown): ReviewCaseView['credit'] {
  if (!stored || typeof stored !== 'object') return null;
  const c = stored as NonNullable<ReviewCaseView['credit']>;
  // A yes/no from a source is the check; anything else leaves the prefecture to verify the report (M7.4(2)).
  const answered = typeof c.seriousDishonesty === 'boolean' && typeof c.abnormalOperations === 'boolean';
  return { ...c, verifyCreditReport: !answered };
}
