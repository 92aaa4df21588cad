import { CatalogueRef } from '../model/product';
import { DomainError } from '../shared/errors';
import { LocalDate, parseLocalDate } from '../shared/local-date';
import { MATERIAL_SLOT_IDS, MaterialRequirement } from './material-requirement';
import { TruthfulnessPledge } from './truthfulness-pledge';
import { ComprehensiveReviewProfile, reviewProfileProblems } from '../review/review-profile';
import { RecognitionProfile, recognitionProfileProblems } from '../recognition/recognition-profile';

/**
 * The numbers of the Measures are a versioned profile, not constants: another province or the next
 * revision changes them (M15: a version has an effective date; an application is judged by the
 * profile in force for its annual batch).
 */
export interface PolicyProfile {
  id: string;
  version: string;
  nameZh: string;
  nameEn: string;
  /** First day the profile applies (Asia/Shanghai). */
  effectiveFrom: LocalDate;
  /** The document this profile encodes. */
  measuresReference: string;
  /** M9.2: publicity length in working days. */
  publicityWorkingDays: number;
  /**
   * M9.2: whether the publication day is working day 1 when it is itself a working day. The
   * Measures are silent; see docs/domain.md for the choice per profile.
   */
  publicityCountsPublicationDay: boolean;
  /** M13.2: validity in years from the recognition document's date. */
  validityYears: number;
  /** M10.2: years an applicant may not apply after a revocation for improper means. */
  applicantBanYears: number;
  /** M10.3: years an institution may not take part after a major error. */
  institutionBanYears: number;
  /** M6.5: maximum years between R&D completion and the application date. */
  maxRdAgeYears: number;
  /** M5.1: years without a safety or environmental-pollution accident. */
  accidentLookbackYears: number;
  /** M7.1: annual batches per calendar year. */
  batchesPerYear: number;
  /** M7.4: materials with their conditions. */
  materials: readonly MaterialRequirement[];
  /**
   * M7.4: every applicable slot must hold a file before the application can be submitted. Only a
   * pilot turns it off, and reviewers then see that the materials were not required.
   */
  materialsRequiredAtSubmission: boolean;
  /** M10.1: the truthfulness pledge the enterprise signs at submission. */
  truthfulnessPledge: TruthfulnessPledge;
  /** M4.2: the equipment-fields catalogue version this profile judges by. */
  equipmentFieldsCatalogue: CatalogueRef;
  /** M4.3: the new-materials catalogue version this profile judges by. */
  materialsCatalogue: CatalogueRef;
  /** M8.1, M11.1: panel size, conflict rules, rubric and the experts' undertaking. */
  comprehensiveReview: ComprehensiveReviewProfile;
  /** M9.2, M9.3, M13.2: the issuer, document and certificate numbering, the notice's contact. */
  recognition: RecognitionProfile;
}

export class PolicyProfileInvalidError extends DomainError {
  readonly code = 'POLICY_PROFILE_INVALID';
  constructor(profileId: string, problems: string[]) {
    super(
      `政策配置「${profileId}」无效：${problems.join('；')}。`,
      `Policy profile "${profileId}" is invalid: ${problems.join('; ')}.`,
      { profileId, problems },
    );
  }
}

export class NoProfileInForceError extends DomainError {
  readonly code = 'POLICY_PROFILE_NOT_IN_FORCE';
  constructor(date: string) {
    super(
      `${date} 没有生效的认定管理办法政策配置，请自治区工业和信息化厅先配置该日期适用的版本。`,
      `No policy profile is in force on ${date}; the Department must configure the version that applies.`,
      { date },
    );
  }
}

export class AmbiguousProfileError extends DomainError {
  readonly code = 'POLICY_PROFILE_AMBIGUOUS';
  constructor(date: string, ids: string[]) {
    super(
      `多个政策配置（${ids.join('、')}）自同一日期 ${date} 起生效，无法确定适用版本。`,
      `Several policy profiles (${ids.join(', ')}) take effect on the same date ${date}; which applies is ambiguous.`,
      { date, ids },
    );
  }
}

const POSITIVE_INTEGER_FIELDS = [
  'publicityWorkingDays',
  'validityYears',
  'applicantBanYears',
  'institutionBanYears',
  'maxRdAgeYears',
  'accidentLookbackYears',
  'batchesPerYear',
] as const;

/** Returns the profile when every number and material makes sense; names each problem otherwise. */
export function validatePolicyProfile(profile: PolicyProfile): PolicyProfile {
  const problems: string[] = [];
  for (const f of POSITIVE_INTEGER_FIELDS) {
    const v = profile[f];
    if (!Number.isInteger(v) || v < 1) problems.push(`${f} must be a positive integer (got ${String(v)})`);
  }
  try {
    parseLocalDate(profile.effectiveFrom, 'effectiveFrom');
  } catch {
    problems.push(`effectiveFrom "${String(profile.effectiveFrom)}" is not a valid date`);
  }
  const seen = new Set<string>();
  for (const m of profile.materials) {
    if (!MATERIAL_SLOT_IDS.includes(m.slotId)) problems.push(`unknown material slot "${m.slotId}"`);
    if (seen.has(m.slotId)) problems.push(`material slot "${m.slotId}" listed twice`);
    seen.add(m.slotId);
  }
  if (typeof profile.materialsRequiredAtSubmission !== 'boolean')
    problems.push('materialsRequiredAtSubmission must be true or false');
  const pledge = profile.truthfulnessPledge;
  if (!pledge?.version?.trim() || !pledge.textZh?.trim() || !pledge.textEn?.trim())
    problems.push('truthfulnessPledge needs a version and its text in Chinese and English');
  problems.push(...reviewProfileProblems(profile.comprehensiveReview));
  problems.push(...recognitionProfileProblems(profile.recognition));
  if (!profile.materials.some((m) => m.condition === 'always'))
    problems.push('no material is always required');
  if (problems.length > 0) throw new PolicyProfileInvalidError(profile.id, problems);
  return profile;
}

/** The profile in force on `date`: the latest effectiveFrom on or before it. */
export function profileInForce(profiles: readonly PolicyProfile[], date: LocalDate): PolicyProfile {
  const on = parseLocalDate(date, 'date');
  const candidates = profiles.filter((p) => p.effectiveFrom <= on);
  if (candidates.length === 0) throw new NoProfileInForceError(on);
  const latest = candidates.reduce((a, b) => (b.effectiveFrom > a.effectiveFrom ? b : a)).effectiveFrom;
  const tied = candidates.filter((p) => p.effectiveFrom === latest);
  if (tied.length > 1)
    throw new AmbiguousProfileError(
      latest,
      tied.map((p) => `${p.id}@${p.version}`),
    );
  return tied[0];
}
