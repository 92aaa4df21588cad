import { ApplicationState, STATE_LABELS } from '@firstset/domain';
import { Application, ApplicationHistory } from '../generated/prisma/client';
import { DraftFields, draftOf } from './application-snapshot';

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
  /** The draft's revision: send it back as `expectedRevision` with the next change (409 when stale). */
  revision: number;
  /** The rest of the form (catalogue entry, first sale, innovation points, IP, sales, declarations). */
  draft: DraftFields;
  /** The prefecture's request for correction (items and deadline), kept once resubmitted. */
  correction: unknown;
  /** Why the prefecture rejected it, with the articles. */
  rejection: unknown;
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
    revision: a.revision,
    draft: draftOf(a),
    correction: a.correction ?? null,
    rejection: a.rejection ?? null,
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
