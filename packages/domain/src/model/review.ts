import { ChecklistItem, ChecklistResult } from '../rules/checklist';
import { MaterialSlotId } from '../policy/material-requirement';
import { LocalDate } from '../shared/local-date';

/** Preliminary review by the prefecture (M7.3, M12.1). */
export interface PreliminaryReview {
  applicationId: string;
  applicationVersion: number;
  recommendingBodyId: string;
  officerId: string;
  eligibility: ChecklistItem[];
  exclusions: ChecklistItem[];
  materialsVerified: boolean;
  outcome: 'recommended' | 'returned_for_correction' | 'rejected';
  /** Slots and remarks when returned for correction. */
  corrections?: Array<{ slotId?: MaterialSlotId; remark: string }>;
  correctionDeadline?: Date;
  reason?: string;
  decidedAt: Date;
}

/** The Department's summary submission list from one prefecture (汇总报送, M7.3). */
export interface SummarySubmission {
  batchId: string;
  recommendingBodyId: string;
  applicationIds: string[];
  submittedAt: Date;
}

/** The Department commissions a third-party institution (M8.1). */
export interface InstitutionCommission {
  id: string;
  batchId: string;
  institutionUscc: string;
  institutionName: string;
  commissionedOn: LocalDate;
}

export interface ConflictDeclaration {
  expertId: string;
  applicationId: string;
  source: 'declared' | 'detected';
  kind: 'same_employer' | 'former_employer' | 'collaboration' | 'family' | 'competitor' | 'other';
  detail: string;
  /** Pinned decision by the Department or institution, as in HotCRP. */
  decision: 'recused' | 'cleared' | 'pending';
}

/** An expert's opinion in the comprehensive review (M8.1, M11.1). */
export interface ExpertReview {
  applicationId: string;
  expertId: string;
  confidentialityUndertakingAcceptedAt: Date;
  scores: Record<string, number>;
  opinion: string;
  recommendation: 'recognize' | 'do_not_recognize' | 'on_site_verification_needed';
  submittedAt: Date;
}

/** On-site verification by experts when needed (M8.2). */
export interface OnSiteVerification {
  applicationId: string;
  expertIds: string[];
  reason: string;
  visitedOn: LocalDate;
  result: ChecklistResult;
  findings: string;
}
