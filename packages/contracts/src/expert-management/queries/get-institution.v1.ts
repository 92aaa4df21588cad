import { IdDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** One institution's record with its commissions, open and ended (Department, auditors; M8.1, M10.3). */
export const GetInstitution = defineQuery('expert-management.institution.get.v1', IdDto, 'InstitutionDetailV1');
