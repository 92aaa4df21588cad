import type { ApplicationCorrectionV1, ApplicationRejectionV1, ApplicationViewV1 } from '@firstset/contracts';
import { ApplicationState, STATE_LABELS } from '@firstset/domain';
import { Application, ApplicationHistory } from '../generated/prisma/client';
import { draftOf } from './application-snapshot';

/** The reply type lives in the contract, so the compiler holds this mapping to it. */
export type ApplicationView = ApplicationViewV1;

/**
 * Whose names a reader sees on the timeline (issue 20 item 5): officials and reviewers see every
 * person; the enterprise sees its own staff and, for everyone else, the body that acted, unless
 * the policy setting shows it the names too.
 */
export interface TimelineReader {
  role: string;
  namesToEnterprise?: boolean;
}

const nameFor = (h: ApplicationHistory, reader?: TimelineReader) =>
  !reader || reader.role !== 'enterprise' || reader.namesToEnterprise || h.actorRole === 'enterprise' ? h.actorName : null;

export function toApplicationView(a: Application, history?: ApplicationHistory[], reader?: TimelineReader): ApplicationView {
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
      actorName: nameFor(h, reader),
      actorOrg: h.actorOrg,
      reason: h.reason,
      occurredAt: h.occurredAt.toISOString(),
    })),
  };
}
