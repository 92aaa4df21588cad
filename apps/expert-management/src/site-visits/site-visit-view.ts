import type { SiteEvidenceViewV1, SiteFindingViewV1, SiteVisitViewV1 } from '@firstset/contracts';
import { SiteFinding, SiteVisit } from '../generated/prisma/client';

export type SiteVisitView = SiteVisitViewV1;

/** One stored piece of evidence (the `evidence` and `answerEvidence` JSON of a finding). */
export interface StoredEvidence {
  id: string;
  objectKey: string;
  sha256: string;
  sm3?: string;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export const evidenceOf = (json: unknown): StoredEvidence[] => (Array.isArray(json) ? (json as StoredEvidence[]) : []);

const toEvidenceView = (e: StoredEvidence): SiteEvidenceViewV1 => ({
  id: e.id,
  fileName: e.fileName,
  mediaType: e.mediaType,
  size: e.size,
  sha256: e.sha256,
  uploadedAt: e.uploadedAt,
});

const toFindingView = (f: SiteFinding): SiteFindingViewV1 => ({
  id: f.id,
  itemNo: f.itemNo,
  item: f.item,
  result: f.result,
  description: f.description,
  evidence: evidenceOf(f.evidence).map(toEvidenceView),
  recordedAt: f.recordedAt.toISOString(),
  answer: f.answer,
  answerEvidence: evidenceOf(f.answerEvidence).map(toEvidenceView),
  answeredAt: f.answeredAt?.toISOString() ?? null,
});

/**
 * A visit as its reader may see it: with the members' names for the institution, the Department,
 * auditors and the panel (`names` given); for the applicant (`names` absent) only how many come,
 * and the findings only once the visit is concluded (M8.2, M11.1).
 */
export function toSiteVisitView(v: SiteVisit & { findings: SiteFinding[] }, names?: Map<string, string>): SiteVisitView {
  const applicant = names === undefined;
  const findings = applicant && v.status !== 'concluded' ? [] : [...v.findings].sort((a, b) => a.itemNo - b.itemNo).map(toFindingView);
  return {
    id: v.id,
    applicationId: v.applicationId,
    status: v.status,
    visitOn: v.visitOn,
    address: v.address,
    notice: v.notice,
    ...(applicant ? {} : { members: v.memberExpertIds.map((expertId) => ({ expertId, name: names.get(expertId) ?? '' })) }),
    memberCount: v.memberExpertIds.length,
    scheduledAt: v.scheduledAt.toISOString(),
    conclusion: v.conclusion,
    conclusionNote: v.conclusionNote,
    concludedAt: v.concludedAt?.toISOString() ?? null,
    cancelReason: v.cancelReason,
    cancelledAt: v.cancelledAt?.toISOString() ?? null,
    version: v.version,
    findings,
  };
}
