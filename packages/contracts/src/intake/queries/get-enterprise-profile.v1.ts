import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The caller's own enterprise profile. */
export const GetEnterpriseProfile = defineQuery('intake.enterprise.get-profile.v1', EmptyDto, 'EnterpriseProfileViewV1');
