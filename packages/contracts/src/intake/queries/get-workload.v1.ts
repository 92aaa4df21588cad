import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The caller's work waiting in intake, by role and binding: an enterprise's drafts, returned applications with their correction deadlines and unread notices (workspace home, ADR 0030). */
export const GetIntakeWorkload = defineQuery('intake.workload.get.v1', EmptyDto, 'WorkloadV1');
