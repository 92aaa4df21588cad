import type { components } from '../../shared/api/generated/schema';

type S = components['schemas'];

/** An on-site verification as the gateway answers it (M8.2); `members` absent for the applicant. */
export type SiteVisit = S['SiteVisitViewV1'];
export type SiteFinding = S['SiteFindingViewV1'];
export type SiteEvidence = S['SiteEvidenceViewV1'];

export const STATUS_COLOR: Record<string, string> = { scheduled: 'blue', concluded: 'green', cancelled: 'default' };
export const CONCLUSION_COLOR: Record<string, string> = { confirmed: 'green', confirmed_with_reservations: 'orange', not_confirmed: 'red' };
export const RESULT_COLOR: Record<string, string> = { conforms: 'green', nonconforming: 'red', observation: 'orange' };
