import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

export const ListInstitutionBans = defineQuery('compliance.institution-ban.list.v1', EmptyDto, 'InstitutionBanListV1');
