/** The contract's rule (ScoreApplicationV1): a whole number from 0 to 100. */
export const validScore = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100;
