import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The caller's work waiting in compliance: the Department's cases to notify and cases heard, ready to decide (workspace home, ADR 0030). */
export const GetComplianceWorkload = defineQuery('compliance.workload.get.v1', EmptyDto, 'WorkloadV1');
