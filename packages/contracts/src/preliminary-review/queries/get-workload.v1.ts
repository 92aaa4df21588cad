import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The caller's work waiting in preliminary-review, by role and binding: a prefecture's unclaimed cases, returned cases past their correction deadline and its next summary deadline (workspace home, ADR 0030). */
export const GetPreliminaryReviewWorkload = defineQuery('preliminary-review.workload.get.v1', EmptyDto, 'WorkloadV1');
