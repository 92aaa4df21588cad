import { PolicyProfile } from '../policy/policy-profile';
import { LocalDate, addYearsClamped, parseLocalDate, yearsArgument } from '../shared/local-date';

export type SanctionKind = 'applicant_ban' | 'institution_ban' | 'expert_disqualification';

/**
 * A sanction in force over a period of days. Same date semantics as validity (docs/domain.md):
 * from the decision date included to the corresponding day N years later included; the party may
 * apply (or take part) again from the next day. An expert disqualification has no end (until null).
 */
export interface Ban {
  kind: SanctionKind;
  /** USCC of the applicant or institution; the expert's id. */
  subjectId: string;
  decisionDate: LocalDate;
  from: LocalDate;
  /** Last banned day, included; null = indefinite. */
  until: LocalDate | null;
  measuresIds: readonly string[];
  /** Set when the decision is set aside (administrative reconsideration, court): not banned from that day. */
  liftedOn?: LocalDate | null;
}

export interface BanPeriod {
  from: LocalDate;
  until: LocalDate;
}

export function banPeriod(decisionDate: LocalDate, years: number): BanPeriod {
  const d = parseLocalDate(decisionDate, 'decisionDate');
  return { from: d, until: addYearsClamped(d, yearsArgument('years', years)) };
}

/** M10.2: revocation for improper means bars the applicant from applying for N years. */
export function applicantBan(
  subjectUscc: string,
  decisionDate: LocalDate,
  profile: Pick<PolicyProfile, 'applicantBanYears'>,
): Ban {
  return {
    kind: 'applicant_ban',
    subjectId: subjectUscc,
    decisionDate: parseLocalDate(decisionDate, 'decisionDate'),
    ...banPeriod(decisionDate, profile.applicantBanYears),
    measuresIds: ['M10.2'],
  };
}

/** M10.3: a major error bars the third-party institution from recognition work for N years. */
export function institutionBan(
  institutionUscc: string,
  decisionDate: LocalDate,
  profile: Pick<PolicyProfile, 'institutionBanYears'>,
): Ban {
  return {
    kind: 'institution_ban',
    subjectId: institutionUscc,
    decisionDate: parseLocalDate(decisionDate, 'decisionDate'),
    ...banPeriod(decisionDate, profile.institutionBanYears),
    measuresIds: ['M10.3'],
  };
}

/** M11.2: disqualification has no term in the Measures, so it lasts until lifted. */
export function expertDisqualification(expertId: string, decisionDate: LocalDate): Ban {
  const d = parseLocalDate(decisionDate, 'decisionDate');
  return {
    kind: 'expert_disqualification',
    subjectId: expertId,
    decisionDate: d,
    from: d,
    until: null,
    measuresIds: ['M11.2'],
  };
}

function activeOn(ban: Ban, date: LocalDate): boolean {
  if (date < ban.from) return false;
  if (ban.until !== null && date > ban.until) return false;
  return !(ban.liftedOn && date >= ban.liftedOn);
}

/**
 * The ban in force on `date` (of `subjectId` when given), or null. With several, the one that ends
 * last, so the caller can say until when the party is barred.
 */
export function isBannedAt(bans: readonly Ban[], date: LocalDate, subjectId?: string): Ban | null {
  const on = parseLocalDate(date);
  const active = bans.filter(
    (b) => (subjectId === undefined || b.subjectId === subjectId) && activeOn(b, on),
  );
  if (active.length === 0) return null;
  return active.reduce((a, b) => (a.until === null ? a : b.until === null || b.until > a.until ? b : a));
}
