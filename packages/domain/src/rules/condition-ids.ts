import type { EligibilityId } from './eligibility';
import type { ExclusionId } from './exclusions';

/** The conditions of M5 and the exclusions of M6 a prefecture judges one by one (M12.1). */
export const CONDITION_IDS = ['M5.1', 'M5.2', 'M5.3', 'M5.4', 'M5.5', 'M5.6', 'M6.1', 'M6.2', 'M6.3', 'M6.4', 'M6.5'] as const satisfies ReadonlyArray<EligibilityId | ExclusionId>;
export type ConditionId = (typeof CONDITION_IDS)[number];

/** A condition id read from a view (typed as a string there) as the id a command takes. */
export const isConditionId = (id: string): id is ConditionId => (CONDITION_IDS as readonly string[]).includes(id);
