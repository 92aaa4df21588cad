import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The caller's work waiting in expert-management, by role and binding: an expert's assignments to accept and to score, an institution's cases in review (workspace home, ADR 0030). */
export const GetExpertManagementWorkload = defineQuery('expert-management.workload.get.v1', EmptyDto, 'WorkloadV1');
