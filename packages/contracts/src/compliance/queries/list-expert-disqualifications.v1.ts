import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

export const ListExpertDisqualifications = defineQuery('compliance.expert-disqualification.list.v1', EmptyDto, 'ExpertDisqualificationListV1');
