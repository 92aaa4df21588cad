/** The contract's rule for a criterion's score (CriterionScoreV1, checked on the profile's scale): a whole number from 0 to `max`. */
export const onScale = (v: unknown, max: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
