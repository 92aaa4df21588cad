import type { Label } from '../lifecycle/vocabulary';
import type { PolicyProfile } from '../policy/policy-profile';
import { banPeriod } from '../periods/bans';
import { LocalDate, parseLocalDate } from '../shared/local-date';

/**
 * The four measures the Measures provide (M10.2, M10.3, M11.2), as one vocabulary: every sanction
 * of the registry is one of them, against one subject of the matching kind.
 */
export const SANCTION_MEASURES = ['recognition_revocation', 'applicant_ban', 'institution_ban', 'expert_disqualification'] as const;
export type SanctionMeasure = (typeof SANCTION_MEASURES)[number];

/** The measures a case is opened for: the applicant ban comes with a revocation (M10.2), never alone. */
export const CASE_MEASURES = ['recognition_revocation', 'institution_ban', 'expert_disqualification'] as const satisfies readonly SanctionMeasure[];
export type CaseMeasure = (typeof CASE_MEASURES)[number];

export const SANCTION_SUBJECT_KINDS = ['recognition', 'enterprise', 'institution', 'expert'] as const;
export type SanctionSubjectKind = (typeof SANCTION_SUBJECT_KINDS)[number];

/** Whom each measure is taken against (checked to exist by the service before a case opens). */
export const MEASURE_SUBJECT: Readonly<Record<SanctionMeasure, SanctionSubjectKind>> = {
  recognition_revocation: 'recognition',
  applicant_ban: 'enterprise',
  institution_ban: 'institution',
  expert_disqualification: 'expert',
};

/** The article each measure rests on; a sanction's grounds always include it. */
export const MEASURE_GROUNDS: Readonly<Record<SanctionMeasure, string>> = {
  recognition_revocation: 'M10.2',
  applicant_ban: 'M10.2',
  institution_ban: 'M10.3',
  expert_disqualification: 'M11.2',
};

export const SANCTION_MEASURE_LABELS: Readonly<Record<SanctionMeasure, Label>> = {
  recognition_revocation: { zh: '撤销认定', en: 'Revocation of the recognition' },
  applicant_ban: { zh: '三年内不得申报', en: 'Barred from applying' },
  institution_ban: { zh: '三年内不得参与认定工作', en: 'Barred from recognition work' },
  expert_disqualification: { zh: '取消评审专家资格', en: 'Disqualified as an expert' },
};

/**
 * What the measure means for the party, said in every notice of it (the "each notice says
 * the measure, its reason, its period and its end date", and what follows from it at the gates).
 */
export const SANCTION_EFFECTS: Readonly<Record<SanctionMeasure, Label>> = {
  recognition_revocation: {
    zh: '该产品的认定自撤销之日起失效，认定名录中显示为“已撤销”，不得再以首台（套）/首批（次）名义宣传或享受相关支持政策',
    en: 'the recognition is void from the revocation date, the registry shows it as revoked, and the product may no longer be presented as recognized or benefit from support policies',
  },
  applicant_ban: {
    zh: '限制期内不得新建或提交认定申报，正在办理中的申报终止办理',
    en: 'no application may be created or submitted during the period, and applications in progress are stopped',
  },
  institution_ban: {
    zh: '限制期内不得接受认定工作委托，正在进行的评审工作终止，已受托的评审资料不再可查阅',
    en: 'the institution may not be commissioned during the period; its reviews in progress stop and it may no longer read their files',
  },
  expert_disqualification: {
    zh: '不得再被选派参加评审，不得查阅申报资料或评分，其在未完成评审中给出的评分不予采用',
    en: 'the expert may no longer be assigned, read applications or score, and the scores they gave in open reviews are not counted',
  },
};

/** A sanction's period: from the decision date included; `until` the last day included, null for none. */
export interface SanctionPeriod {
  from: LocalDate;
  until: LocalDate | null;
}

/**
 * The period of a measure decided on `decisionDate`, from the batch's profile (M10.2, M10.3: three
 * years in the Inner Mongolia profile). A revocation and a disqualification have no term: the
 * Measures give none, so they last until set aside or lifted.
 */
export function sanctionPeriod(measure: SanctionMeasure, decisionDate: LocalDate, profile: Pick<PolicyProfile, 'applicantBanYears' | 'institutionBanYears'>): SanctionPeriod {
  const from = parseLocalDate(decisionDate, 'decisionDate');
  switch (measure) {
    case 'applicant_ban':
      return banPeriod(from, profile.applicantBanYears);
    case 'institution_ban':
      return banPeriod(from, profile.institutionBanYears);
    case 'recognition_revocation':
    case 'expert_disqualification':
      return { from, until: null };
  }
}

/**
 * A revocation for improper means carries the applicant ban (M10.2: "revoked, and may not apply
 * again for three years"): deciding one decides both, against the recognition and its enterprise.
 */
export const measuresDecidedTogether = (measure: SanctionMeasure): readonly SanctionMeasure[] =>
  measure === 'recognition_revocation' ? ['recognition_revocation', 'applicant_ban'] : [measure];

/** Interim measures that may be taken at once while a case is heard (recorded as interim, never as the sanction). */
export const INTERIM_MEASURES = ['institution_work_suspended', 'expert_work_suspended'] as const;
export type InterimMeasure = (typeof INTERIM_MEASURES)[number];

export const INTERIM_MEASURE_LABELS: Readonly<Record<InterimMeasure, Label>> = {
  institution_work_suspended: { zh: '暂停评审机构承担的认定工作', en: "The institution's recognition work suspended" },
  expert_work_suspended: { zh: '暂停专家评审工作', en: "The expert's review work suspended" },
};

/** Which interim measure fits a subject: only those who do work for the Department can be suspended from it. */
export const interimMeasureFor = (subject: SanctionSubjectKind): InterimMeasure | null =>
  subject === 'institution' ? 'institution_work_suspended' : subject === 'expert' ? 'expert_work_suspended' : null;
