import { ProductKind } from '../model/product';

/**
 * M6.4 “已有同系列型号通过首台（套）认定的产品” — the matching rule (docs/domain.md):
 * names are normalized (full-width → half-width, upper case, spaces and the separators - _ . / ·
 * removed, so “XG-3000 型” and “xg3000型” agree); then, against each prior recognition that
 * passed (recognized or expired; a revoked one never passed):
 *  1. same applicant and same series, or same applicant and same model → excluded;
 *  2. same applicant and the model's stem (letters before the first digit, at least 2) agrees →
 *     needs review (a likely sibling in the same series under another series name);
 *  3. another applicant with the same series and model → needs review (transferred or licensed
 *     technology);
 *  otherwise no match.
 */
export interface PriorRecognition {
  recognitionId: string;
  applicantUscc: string;
  /** Absent for a recognition imported from a list that does not say (M6.4 matches by series and model). */
  productKind?: ProductKind;
  series: string;
  model: string;
  status: 'RECOGNIZED' | 'EXPIRED' | 'REVOKED';
}

export type SeriesMatch = {
  level: 'same_series' | 'same_model' | 'same_stem' | 'other_applicant_same_model';
  prior: PriorRecognition;
};

export function normalizeDesignation(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .toUpperCase()
    .replace(/[\s\-_./·\u3000]/g, '');
}

export function modelStem(model: string): string {
  return /^[A-Z]*/.exec(normalizeDesignation(model))![0];
}

/** The strongest match of the product against prior recognitions, or null. */
export function matchSeriesModel(
  product: { applicantUscc: string; series: string; model: string },
  priors: readonly PriorRecognition[],
): SeriesMatch | null {
  const series = normalizeDesignation(product.series);
  const model = normalizeDesignation(product.model);
  const stem = modelStem(product.model);
  const matches: SeriesMatch[] = [];
  for (const prior of priors) {
    if (prior.status === 'REVOKED') continue;
    const sameApplicant =
      prior.applicantUscc.trim().toUpperCase() === product.applicantUscc.trim().toUpperCase();
    const pSeries = normalizeDesignation(prior.series);
    const pModel = normalizeDesignation(prior.model);
    if (sameApplicant && series !== '' && pSeries === series) matches.push({ level: 'same_series', prior });
    else if (sameApplicant && model !== '' && pModel === model) matches.push({ level: 'same_model', prior });
    else if (sameApplicant && stem.length >= 2 && modelStem(prior.model) === stem)
      matches.push({ level: 'same_stem', prior });
    else if (!sameApplicant && pSeries === series && pModel === model)
      matches.push({ level: 'other_applicant_same_model', prior });
  }
  const order = ['same_series', 'same_model', 'same_stem', 'other_applicant_same_model'];
  matches.sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
  return matches[0] ?? null;
}
