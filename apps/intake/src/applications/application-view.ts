import type { ApplicationCorrectionV1, ApplicationRejectionV1, ApplicationViewV1 } from '@firstset/contracts';
import { ApplicationState, STATE_LABELS } from '@firstset/domain';
import { Application, ApplicationHistory } from '../generated/prisma/client';
import { draftOf } from './application-snapshot';

/** The reply type lives in the contract, so the compiler holds this mapping to it. */
export type ApplicationView = ApplicationViewV1;

export function toApplicationView(a: Application, history?: ApplicationHistory[]): ApplicationView {
  return {
    id: a.id,
    applicationNo: a.applicationNo,
    batchId: a.batchId,
    enterpriseUscc: a.enterpriseUscc,
    prefectureId: a.prefectureId,
    productKind: a.productKind,
    productName: a.productName,
    series: a.series,
    model: a.model,
    rdCompletedOn: a.rdCompletedOn,
    state: a.state,
    stateLabel: STATE_LABELS[a.state as ApplicationState] ?? { zh: a.state, en: a.state },
    version: a.version,
    revision: a.revision,
    draft: draftOf(a),
    correction: (a.correction ?? null) as ApplicationCorrectionV1 | null,
    rejection: (a.rejection ?? null) as ApplicationRejectionV1 | null,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    policyProfile: { id: a.policyProfileId, version: a.policyProfileVersion },
    history: history?.map((h) => ({
      fromState: h.fromState,
      toState: h.toState,
      action: h.action,
      actorRole: h.actorRole,
      reason: h.reason,
      occurredAt: h.occurredAt.toISOString(),
    })),
  };
}
