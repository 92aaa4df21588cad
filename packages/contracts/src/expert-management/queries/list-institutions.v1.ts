import { defineQuery } from '../../contract';
import { PoolQueryV1 } from '../dto';

/** Third-party institutions with their participation bans (M10.3): for the Department to commission. */
export const ListInstitutions = defineQuery('expert-management.institution.list.v1', PoolQueryV1, 'InstitutionPageV1');
