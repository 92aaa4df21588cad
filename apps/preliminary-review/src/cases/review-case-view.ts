import { ApplicationState, daysBetween, STATE_LABELS, toShanghaiDate } from '@firstset/domain';
import { ReviewCase } from '../generated/prisma/client';

export interface QueueRow {
  applicationId: string;
  applicationNo: string;
  batchId: string;
  prefectureId: string;
  enterprise: { uscc: string; name: string };
  product: { kind: string; name: string; series: string; model: string };
  state: string;
  stateLabel: { zh: string; en: string };
  receivedAt: string;
  /** Calendar days (China time) from receipt to the decision, or to today while undecided. */
  waitingDays: number;
}

export interface ReviewCaseView extends QueueRow {
  enterprise: { uscc: string; name: string; registeredAddress: string };
  product: { kind: string; name: string; series: string; model: string; rdCompletedOn: string };
  applicationVersion: number;
  version: number;
  opinion: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export function toQueueRow(c: ReviewCase, now: Date): QueueRow {
  return {
    applicationId: c.id,
    applicationNo: c.applicationNo,
    batchId: c.batchId,
    prefectureId: c.prefectureId,
    enterprise: { uscc: c.enterpriseUscc, name: c.enterpriseName },
    product: { kind: c.productKind, name: c.productName, series: c.series, model: c.model },
    state: c.state,
    stateLabel: STATE_LABELS[c.state as ApplicationState] ?? { zh: c.state, en: c.state },
    receivedAt: c.receivedAt.toISOString(),
    waitingDays: Math.max(0, daysBetween(toShanghaiDate(c.receivedAt), toShanghaiDate(c.decidedAt ?? now))),
  };
}

export function toReviewCaseView(c: ReviewCase, now: Date): ReviewCaseView {
  const row = toQueueRow(c, now);
  return {
    ...row,
    enterprise: { ...row.enterprise, registeredAddress: c.enterpriseAddress },
    product: { ...row.product, rdCompletedOn: c.rdCompletedOn },
    applicationVersion: c.applicationVersion,
    version: c.version,
    opinion: c.opinion,
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt?.toISOString() ?? null,
  };
}
