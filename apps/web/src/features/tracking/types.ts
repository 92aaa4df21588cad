// Response shapes of tracking evaluation (M12.2; ADR 0026): aliases of the reply schemas the
// gateway's OpenAPI document carries.
import type { components } from '../../shared/api/generated/schema';
import type { GetPath } from '../../shared/api/query';
import { beijingToday } from '../../shared/ui/beijing-time';

type S = components['schemas'];

export type TrackingEvaluation = S['TrackingEvaluationViewV1'];
export type TrackableRecognition = S['TrackableRecognitionV1'];

export const TRACKING_STATUSES = ['requested', 'reported', 'concluded'] as const satisfies readonly TrackingEvaluation['status'][];
export const TRACKING_CONCLUSIONS = ['good', 'issues_found', 'serious_problem'] as const satisfies readonly NonNullable<TrackingEvaluation['conclusion']>[];

export const TRACKING_STATUS_COLOR: Record<TrackingEvaluation['status'], string> = { requested: 'warning', reported: 'processing', concluded: 'default' };
export const CONCLUSION_COLOR: Record<NonNullable<TrackingEvaluation['conclusion']>, string> = { good: 'success', issues_found: 'warning', serious_problem: 'error' };

/** What a tracking command changes: every list and detail of evaluations. */
export const TRACKING_READS: GetPath[] = ['/api/tracking-evaluations', '/api/tracking-evaluations/{id}', '/api/tracking-evaluations/recognitions'];

/** The years an evaluation may cover: this one and the four before (a recognition lasts three). */
export const trackingYears = () => Array.from({ length: 5 }, (_, i) => beijingToday().year() - i);
