import { IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

/** One tracking evaluation, for the prefecture of its area, its enterprise, the Department and the auditor. */
export class GetTrackingEvaluationV1 {
  @IsUUID()
  evaluationId!: string;
}
export const GetTrackingEvaluation = defineQuery('compliance.tracking.get.v1', GetTrackingEvaluationV1, 'TrackingEvaluationViewV1');
