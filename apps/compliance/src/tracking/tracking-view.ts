import type { TrackingEvaluationViewV1 } from '@firstset/contracts';
import type { ActorContext } from '@firstset/messaging';
import type { Recognition, TrackingAttachment, TrackingEvaluation } from '../generated/prisma/client';

export type TrackingRow = TrackingEvaluation & {
  recognition: Pick<Recognition, 'enterpriseName' | 'productName' | 'model' | 'documentNo'>;
  attachments: TrackingAttachment[];
};

/** Includes what an evaluation's view needs of its recognition, and the report's files in upload order. */
export const TRACKING_INCLUDE = {
  recognition: { select: { enterpriseName: true, productName: true, model: true, documentNo: true } },
  attachments: { orderBy: [{ uploadedAt: 'asc' as const }, { id: 'asc' as const }] },
};

/** Readers who see every prefecture's evaluations (M12.2: the Department reads the results across prefectures). */
export const TRACKING_READERS = ['department_officer', 'auditor'] as const;

/**
 * Whether the actor may see the evaluation: the Department and the auditor, the prefecture of its
 * area, the enterprise it is addressed to. Anyone else reads 404.
 */
export function maySeeEvaluation(actor: ActorContext, e: Pick<TrackingEvaluation, 'prefectureId' | 'uscc'>): boolean {
  if ((TRACKING_READERS as readonly string[]).includes(actor.role)) return true;
  if (actor.role === 'prefecture_officer') return !!actor.prefectureId && actor.prefectureId === e.prefectureId;
  if (actor.role === 'enterprise') return !!actor.enterpriseUscc && actor.enterpriseUscc === e.uscc;
  return false;
}

/** The view of an evaluation; the enterprise reads it without the prefecture's conclusion and findings. */
export function toTrackingView(e: TrackingRow, actor: ActorContext): TrackingEvaluationViewV1 {
  const party = actor.role === 'enterprise';
  return {
    id: e.id,
    recognitionId: e.recognitionId,
    year: e.year,
    prefectureId: e.prefectureId,
    uscc: e.uscc,
    enterpriseName: e.recognition.enterpriseName,
    productName: e.recognition.productName,
    model: e.recognition.model,
    documentNo: e.recognition.documentNo,
    status: e.status as TrackingEvaluationViewV1['status'],
    dueOn: e.dueOn,
    note: e.requestNote,
    requestedAt: e.requestedAt.toISOString(),
    report:
      e.reportedAt && e.unitsSold !== null && e.salesRevenueYuan !== null
        ? {
            unitsSold: e.unitsSold,
            salesRevenueYuan: e.salesRevenueYuan.toNumber(),
            customers: e.customers,
            performance: e.performance ?? '',
            problems: e.problems ?? '',
            reportedAt: e.reportedAt.toISOString(),
          }
        : null,
    // The object key stays inside: files are fetched through the audited download route.
    attachments: e.attachments.map((a) => ({ fileName: a.fileName, mediaType: a.mediaType, size: a.size, sha256: a.sha256, uploadedAt: a.uploadedAt.toISOString() })),
    conclusion: party ? null : (e.conclusion as TrackingEvaluationViewV1['conclusion']),
    findings: party ? null : e.findings,
    withoutReport: e.withoutReport,
    concludedOn: e.concludedOn,
    version: e.version,
  };
}
