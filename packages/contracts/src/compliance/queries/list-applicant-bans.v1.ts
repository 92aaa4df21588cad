import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

export const ListApplicantBans = defineQuery('compliance.applicant-ban.list.v1', EmptyDto, 'ApplicantBanListV1');
