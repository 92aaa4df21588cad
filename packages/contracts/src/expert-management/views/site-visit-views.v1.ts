/** A photo or document kept with a finding or its answer (M8.2). */
export interface SiteEvidenceViewV1 {
  id: string;
  fileName: string;
  /** jpg, png or pdf (by content). */
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

/** One item checked on site, its result and evidence, and the applicant's answer. */
export interface SiteFindingViewV1 {
  id: string;
  itemNo: number;
  item: string;
  /** conforms | nonconforming | observation */
  result: string;
  description: string;
  evidence: SiteEvidenceViewV1[];
  recordedAt: string;
  answer: string | null;
  answerEvidence: SiteEvidenceViewV1[];
  answeredAt: string | null;
}

/** An on-site verification as the caller may see it. */
export interface SiteVisitViewV1 {
  id: string;
  applicationId: string;
  /** scheduled | concluded | cancelled */
  status: string;
  visitOn: string;
  address: string;
  notice: string;
  /** The visiting experts (institution, Department, auditors, assigned experts; never the applicant). */
  members?: Array<{ expertId: string; name: string }>;
  memberCount: number;
  scheduledAt: string;
  conclusion: string | null;
  conclusionNote: string | null;
  concludedAt: string | null;
  cancelReason: string | null;
  cancelledAt: string | null;
  version: number;
  /** The findings (to the applicant only once the visit is concluded). */
  findings: SiteFindingViewV1[];
}
