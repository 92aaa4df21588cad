/**
 * How the comprehensive review (综合评审, M8.1) is run under a policy profile. The Measures leave the
 * rubric, the number of experts and the conflict rules open (see the policy README's last section),
 * so they are profile data, reviewed like the rest of the profile, not constants.
 */
export interface ComprehensiveReviewProfile {
  /** Experts per application. */
  panelSize: number;
  /**
   * How many of the panel must work in the application's field (M4.2 code, or the new-materials
   * catalogue for materials). The rest may come from any field.
   */
  fieldMatchesRequired: number;
  /** Most applications one expert reviews in one batch (load balancing). */
  maxLoadPerExpert: number;
  /** Detected conflict: the expert worked for the enterprise (or its group) within this many years. */
  formerEmployerYears: number;
  /** Detected conflict: the expert lives and works in the applicant's prefecture. */
  samePrefectureConflict: boolean;
  /**
   * Divergence: when the spread (highest minus lowest weighted total, 0–100) of the panel's scores
   * exceeds this, the institution sees the application flagged and may call a consensus round.
   */
  divergenceThreshold: number;
  /** What each expert scores, with its weight; weights add up to 100. */
  rubric: readonly RubricCriterion[];
  /** The confidentiality and recusal undertaking the expert signs before reading (M11.1). */
  undertaking: ExpertUndertaking;
}

export interface RubricCriterion {
  /** Stable key: scores are stored under it. */
  id: string;
  nameZh: string;
  nameEn: string;
  /** What the expert judges, in the profile's words. */
  guidanceZh: string;
  guidanceEn: string;
  /** Share of the total, in percent. */
  weight: number;
  /** The scale: a whole number from 0 to `max`. */
  max: number;
  /** Measures IDs the criterion judges. */
  measuresIds: readonly string[];
}

/** The expert's undertaking: a version and its text, stored with each signature (M11.1). */
export interface ExpertUndertaking {
  version: string;
  textZh: string;
  textEn: string;
}

export const INNER_MONGOLIA_UNDERTAKING: ExpertUndertaking = Object.freeze({
  version: 'nmg-expert-undertaking-2026-1',
  textZh:
    '本人承诺：严格遵守评审工作纪律，对评审中知悉的申报材料、技术秘密和评审情况严格保密，不复制、不外传、不用于评审以外的任何用途；' +
    '不利用评审工作谋取不正当利益，不侵占申报单位的技术成果；与申报单位或申报产品存在任职、合作、投资、亲属等利害关系时，主动申明并回避。' +
    '本人接受主管部门和申报单位的监督；如有泄露技术秘密或不正当占有申报单位成果等行为，自愿接受取消评审资格等处理并承担相应法律责任（《认定管理办法》第十一条）。',
  textEn:
    'I undertake to keep the review discipline; to keep the application materials, technical secrets and deliberations I learn of strictly confidential, ' +
    'not to copy, pass on or use them beyond the review; not to seek improper gain from the review or take any applicant\'s results; and to declare and ' +
    'withdraw from any application with which I have an employment, collaboration, investment, family or other tie. I accept oversight by the ' +
    'departments and the applicants; if I leak technical secrets or improperly take an applicant\'s results, I accept disqualification and the legal ' +
    'consequences (Article 11 of the Measures).',
});

/** The Inner Mongolia rubric: the M2 definition and the M5 conditions, as an expert judges them. */
export const INNER_MONGOLIA_RUBRIC: readonly RubricCriterion[] = Object.freeze([
  {
    id: 'innovation',
    nameZh: '创新性',
    nameEn: 'Innovation',
    guidanceZh: '原理、技术路线、结构或工艺是否有创新突破，是否为区内首次研制（首批为原始创新或重大突破）',
    guidanceEn: 'A breakthrough in principle, technical route, structure or process; first developed in the region',
    weight: 30,
    max: 10,
    measuresIds: ['M2.1', 'M2.2'],
  },
  {
    id: 'performance',
    nameZh: '功能与性能',
    nameEn: 'Function and performance',
    guidanceZh: '功能、性能指标较现有产品的提升程度，试用是否达到设计要求，检测报告是否支持',
    guidanceEn: 'How far function and performance improve on existing products; trial use met the design; the test report supports it',
    weight: 25,
    max: 10,
    measuresIds: ['M2.1', 'M5.5'],
  },
  {
    id: 'ownership',
    nameZh: '自主知识产权与品牌',
    nameEn: 'Own IP and brand',
    guidanceZh: '是否掌握关键核心技术和工艺，知识产权和注册商标权属是否清晰',
    guidanceEn: 'Masters the key technology and process; clear ownership of the IP and the registered trademark',
    weight: 20,
    max: 10,
    measuresIds: ['M5.3'],
  },
  {
    id: 'capability',
    nameZh: '研发与产业化能力',
    nameEn: 'R&D and production capability',
    guidanceZh: '研发、制造和集成能力，技术团队与规模化生产条件',
    guidanceEn: 'Research, manufacturing and integration capability; the team and the conditions for scale production',
    weight: 15,
    max: 10,
    measuresIds: ['M5.2'],
  },
  {
    id: 'market',
    nameZh: '市场前景与应用',
    nameEn: 'Market and application',
    guidanceZh: '是否已对外销售、用户评价，推广应用前景与产业带动作用',
    guidanceEn: 'Sold to outside customers, the users\' reports, the prospects and the pull on the industry',
    weight: 10,
    max: 10,
    measuresIds: ['M5.4', 'M1'],
  },
]);

export const INNER_MONGOLIA_REVIEW: ComprehensiveReviewProfile = Object.freeze({
  panelSize: 3,
  fieldMatchesRequired: 2,
  maxLoadPerExpert: 8,
  formerEmployerYears: 3,
  samePrefectureConflict: false,
  divergenceThreshold: 25,
  rubric: INNER_MONGOLIA_RUBRIC,
  undertaking: INNER_MONGOLIA_UNDERTAKING,
});

/** The weighted total of one expert's scores, 0–100 with one decimal: Σ weight × score / max. */
export function weightedTotal(rubric: readonly RubricCriterion[], scores: Readonly<Record<string, number>>): number {
  const total = rubric.reduce((sum, c) => sum + (c.weight * (scores[c.id] ?? 0)) / c.max, 0);
  return Math.round(total * 10) / 10;
}

/** The problems of a review profile, in words a reviewer of the profile understands; empty when none. */
export function reviewProfileProblems(r: ComprehensiveReviewProfile | undefined): string[] {
  if (!r) return ['comprehensiveReview is missing'];
  const problems: string[] = [];
  const positive = (name: string, v: number) => {
    if (!Number.isInteger(v) || v < 1) problems.push(`comprehensiveReview.${name} must be a positive integer (got ${String(v)})`);
  };
  positive('panelSize', r.panelSize);
  positive('maxLoadPerExpert', r.maxLoadPerExpert);
  positive('formerEmployerYears', r.formerEmployerYears);
  if (!Number.isInteger(r.fieldMatchesRequired) || r.fieldMatchesRequired < 0 || r.fieldMatchesRequired > r.panelSize)
    problems.push('comprehensiveReview.fieldMatchesRequired must be a whole number from 0 to panelSize');
  if (!(r.divergenceThreshold > 0 && r.divergenceThreshold <= 100)) problems.push('comprehensiveReview.divergenceThreshold must be above 0 and at most 100');
  const ids = new Set<string>();
  for (const c of r.rubric ?? []) {
    if (!/^[a-z][a-zA-Z0-9]{0,39}$/.test(c.id)) problems.push(`rubric criterion id "${c.id}" must be a camelCase key`);
    if (ids.has(c.id)) problems.push(`rubric criterion "${c.id}" listed twice`);
    ids.add(c.id);
    if (!c.nameZh?.trim() || !c.nameEn?.trim()) problems.push(`rubric criterion "${c.id}" needs a name in Chinese and English`);
    if (!Number.isInteger(c.max) || c.max < 1 || c.max > 100) problems.push(`rubric criterion "${c.id}" needs a scale max from 1 to 100`);
    if (!(c.weight > 0)) problems.push(`rubric criterion "${c.id}" needs a positive weight`);
  }
  if (!r.rubric?.length) problems.push('comprehensiveReview.rubric has no criterion');
  else {
    const sum = r.rubric.reduce((s, c) => s + c.weight, 0);
    if (Math.abs(sum - 100) > 1e-9) problems.push(`rubric weights add up to ${sum}, not 100`);
  }
  const u = r.undertaking;
  if (!u?.version?.trim() || !u.textZh?.trim() || !u.textEn?.trim()) problems.push('comprehensiveReview.undertaking needs a version and its text in Chinese and English');
  return problems;
}
