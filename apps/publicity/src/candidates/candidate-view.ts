import { ApplicationState, STATE_LABELS } from '@firstset/domain';
import { Candidate } from '../generated/prisma/client';

export interface CandidateView {
  applicationId: string;
  batchId: string;
  applicationNo: string;
  prefectureId: string;
  enterprise: { uscc: string; name: string };
  product: { kind: string; name: string; series: string; model: string };
  score: number;
  opinion: string;
  reviewedAt: string;
  state: string;
  stateLabel: { zh: string; en: string };
}

export function toCandidateView(c: Candidate): CandidateView {
  return {
    applicationId: c.applicationId,
    batchId: c.batchId,
    applicationNo: c.applicationNo,
    prefectureId: c.prefectureId,
    enterprise: { uscc: c.uscc, name: c.enterpriseName },
    product: { kind: c.productKind, name: c.productName, series: c.series, model: c.model },
    score: c.score,
    opinion: c.opinion,
    reviewedAt: c.reviewedAt.toISOString(),
    state: c.state,
    stateLabel: STATE_LABELS[c.state as ApplicationState] ?? { zh: c.state, en: c.state },
  };
}
