import { ApplicationState, STATE_LABELS } from '@firstset/domain';
import { Application, ApplicationHistory } from '../generated/prisma/client';

export interface ApplicationView {
  id: string;
  applicationNo: string;
  batchId: string;
  enterpriseUscc: string;
  prefectureId: string;
  productKind: string;
  productName: string;
  series: string;
  model: string;
  rdCompletedOn: string;
  state: string;
  stateLabel: { zh: string; en: string };
  version: number;
  submittedAt: string | null;
  history?: Array<{
    fromState: string | null;
    toState: string;
    action: string;
    actorRole: string;
    reason: string | null;
    occurredAt: string;
  }>;
}

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
    submittedAt: a.submittedAt?.toISOString() ?? null,
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
