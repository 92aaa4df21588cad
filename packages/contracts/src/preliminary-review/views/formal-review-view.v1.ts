import type { ChecklistSlotV1 } from '../../intake/views/application-view.v1';
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

/** The officer's verdict on one condition of M5 or exclusion of M6 (M12.1). */
export interface ConditionVerdictV1 {
  conditionId: string;
  verdict: 'MET' | 'NOT_MET' | 'NEEDS_CORRECTION';
  note: string | null;
  reviewedBy: string;
  reviewedAt: string;
  /** Recorded before the latest resubmission: it no longer counts until judged again. */
  staleSince: string | null;
}

/** One of the enterprise's answers bearing on a condition, as declared at submission. */
export interface DeclaredAnswerV1 {
  /** The declaration field (declarations.x). */
  field: string;
  labelZh: string;
  labelEn: string;
  /** What the enterprise answered; null = not declared (or sent by an older producer). */
  value: boolean | string | string[] | null;
}

/** One condition of M5 or exclusion of M6 on the case: the answers, evidence, the domain's finding and the verdict. */
export interface CaseConditionV1 {
  conditionId: string;
  /** M5 (eligibility condition) or M6 (exclusion: met = not excluded). */
  part: 'M5' | 'M6';
  titleZh: string;
  titleEn: string;
  answers: DeclaredAnswerV1[];
  /** Slots of the M7.4 checklist that evidence it. */
  evidence: Array<{ slotId?: string; descriptionZh: string; descriptionEn: string }>;
  /** The domain's finding on the facts the prefecture received: met, not_met or needs_review, with reasons. */
  finding: { result: 'met' | 'not_met' | 'needs_review'; reasons: Array<{ code: string; message: string; messageEn: string }> };
  verdict: ConditionVerdictV1 | null;
  /** The verdict is MET and current. */
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
  /** Every condition of M5 and exclusion of M6, judged by the officer like the materials. */
  conditions: CaseConditionV1[];
  /** What still stands between the case and a recommendation (M7.3, M12.1), in words, at its place. */
  openItems: OpenReviewItemV1[];
  verifications: VerificationActionV1[];
}

/** An item of the formal review not yet judged, judged negatively, or judged before the latest resubmission. */
export interface OpenReviewItemV1 {
  /** `materials.<slotId>` or `conditions.<conditionId>`: where it sits on the review screen. */
  field: string;
  reason: 'NO_VERDICT' | 'FAILED' | 'STALE';
  message: string;
  messageEn: string;
}
