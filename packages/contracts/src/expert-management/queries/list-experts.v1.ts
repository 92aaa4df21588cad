import { defineQuery } from '../../contract';
import { PoolQueryV1 } from '../dto';

/** The caller's institution's expert pool, each with its qualification (M11.2): to assign from. */
export const ListExperts = defineQuery('expert-management.expert.list.v1', PoolQueryV1, 'ExpertPageV1');
