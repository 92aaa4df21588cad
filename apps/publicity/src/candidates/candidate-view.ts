import type { CandidateViewV1 } from '@firstset/contracts';
import { ApplicationState, STATE_LABELS } from '@firstset/domain';
import { Candidate } from '../generated/prisma/client';

export type CandidateView = CandidateViewV1;

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
