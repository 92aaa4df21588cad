/**
 * M10.1: the applicant answers for the truth of its materials. The enterprise signs this pledge
 * (诚信承诺) when it submits; the version it accepted is kept with the submitted version and printed
 * on the receipt. A new wording gets a new version: a submission naming an older one is refused.
 */
export interface TruthfulnessPledge {
  version: string;
  textZh: string;
  textEn: string;
}

export const INNER_MONGOLIA_PLEDGE: TruthfulnessPledge = Object.freeze({
  version: 'nmg-pledge-2026-1',
  textZh:
    '本单位郑重承诺：所提交的申报材料和申报声明均真实、准确、完整，不存在弄虚作假、隐瞒事实等情况，产品知识产权清晰、无纠纷。' +
    '本单位对申报材料的真实性负责；如有不实，自愿接受撤销认定、三年内不得再次申请等处理，并承担相应法律责任（《认定管理办法》第十条）。',
  textEn:
    'We solemnly pledge that the materials and declarations we submit are true, accurate and complete, with nothing falsified or concealed, ' +
    "and that the product's intellectual property is clear and undisputed. We answer for the truth of our materials; if any is untrue we accept " +
    'revocation of the recognition, a three-year ban on applying again and the legal consequences (Article 10 of the Measures).',
});
