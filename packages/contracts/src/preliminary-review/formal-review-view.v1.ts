import type { ChecklistSlotV1 } from '../intake/application-view.v1';
import type { ReviewCaseViewV1 } from './review-case-view.v1';

/** The officer's verdict on one slot's files (M7.4). */
export interface MaterialVerdictV1 {
  slotId: string;
  present: boolean;
  legible: boolean;
  valid: boolean;
  /** Only where M5.5 / M7.4(5) require a qualified institution; null elsewhere. */
  qualifiedInstitution: boolean | null;
  consistent: boolean;
  comment: string | null;
  reviewedBy: string;
  reviewedAt: string;
  /** The slot's files changed in a resubmission after this verdict: it no longer counts until reviewed again. */
  staleSince: string | null;
}

/** One slot of the case's checklist with the officer's verdict. */
export interface CaseChecklistItemV1 extends ChecklistSlotV1 {
  /** false: the enterprise declared the condition does not hold — 不适用（依申报声明）; no verdict is taken. */
  applies: boolean;
  /** always, optional, declared_applies, declared_not_applicable, not_declared. */
  basis: string;
  /** Why the slot applies or not, in words. */
  reasonZh: string;
  reasonEn: string;
  /** The condition was not declared (a submission from before declarations were sent): the slot is listed, to be confirmed. */
  conditionUnknown: boolean;
  qualifiedInstitutionRequired: boolean;
  verdict: MaterialVerdictV1 | null;
  passed: boolean | null;
}

/** Originals checked or a site visit, recorded by the officer. */
export interface VerificationActionV1 {
  id: string;
  kind: string;
  note: string;
  performedOn: string;
  recordedBy: string;
  recordedAt: string;
}

/** The formal review sheet: the case, its checklist with verdicts, and the verifications. */
export interface FormalReviewSheetV1 {
  case: ReviewCaseViewV1;
  items: CaseChecklistItemV1[];
  verifications: VerificationActionV1[];
}
