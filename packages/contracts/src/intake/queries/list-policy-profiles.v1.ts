import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The profiles the Department may open a batch under, oldest effective date first. */
export const ListPolicyProfiles = defineQuery('intake.policy-profile.list.v1', EmptyDto, 'PolicyProfileListV1');
