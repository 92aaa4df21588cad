import { OmitType } from '@nestjs/swagger';
import { ConcludeTrackingEvaluationV1, SubmitTrackingReportV1 } from '@firstset/contracts';

// The tracking evaluation's HTTP bodies whose object id travels in the path (see bodies.ts):
// listed in TRACKING_EVALUATION_BODIES so the OpenAPI document carries their rules.

export class SubmitTrackingReportBody extends OmitType(SubmitTrackingReportV1, ['evaluationId'] as const) {}
export class ConcludeTrackingBody extends OmitType(ConcludeTrackingEvaluationV1, ['evaluationId'] as const) {}

export const TRACKING_EVALUATION_BODIES = [SubmitTrackingReportBody, ConcludeTrackingBody];
