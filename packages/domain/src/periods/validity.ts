import { PolicyProfile } from '../policy/policy-profile';
import { LocalDate, addYearsClamped, parseLocalDate } from '../shared/local-date';

/**
 * M13.2 “自认定文件发布之日起三年内有效”. Semantics (docs/domain.md): valid from the document
 * date, included, to the corresponding day N years later, included (Civil Code Art. 201–202: the
 * first day is not counted in the period, and the corresponding day of the last year is its last
 * day; a 29 February document ends on 28 February). Expired from the day after validUntil.
 */
export interface RecognitionValidity {
  documentDate: LocalDate;
  validFrom: LocalDate;
  /** Last day of validity, included. */
  validUntil: LocalDate;
  years: number;
}

export type RecognitionStatus = 'not_yet_valid' | 'valid' | 'expired' | 'revoked';

export function recognitionValidity(
  documentDate: LocalDate,
  profile: Pick<PolicyProfile, 'validityYears'>,
): RecognitionValidity {
  const d = parseLocalDate(documentDate, 'documentDate');
  return {
    documentDate: d,
    validFrom: d,
    validUntil: addYearsClamped(d, profile.validityYears),
    years: profile.validityYears,
  };
}

/** M13.2 status on `date`; a revocation (M10.2) takes effect on its decision date. */
export function recognitionStatusAt(
  validity: RecognitionValidity,
  date: LocalDate,
  options: { revokedOn?: LocalDate | null } = {},
): RecognitionStatus {
  const on = parseLocalDate(date);
  if (options.revokedOn && on >= parseLocalDate(options.revokedOn, 'revokedOn')) return 'revoked';
  if (on < validity.validFrom) return 'not_yet_valid';
  return on <= validity.validUntil ? 'valid' : 'expired';
}
