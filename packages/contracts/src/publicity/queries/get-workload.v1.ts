import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The caller's work waiting in publicity, by role and binding: the objections waiting for the Department (to admit, to conclude) (workspace home, ADR 0030). */
export const GetPublicityWorkload = defineQuery('publicity.workload.get.v1', EmptyDto, 'WorkloadV1');
