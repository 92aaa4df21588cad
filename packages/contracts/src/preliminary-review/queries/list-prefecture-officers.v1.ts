import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The officers of the own prefecture the service knows (for assigning, and names behind user ids). */
export const ListPrefectureOfficers = defineQuery('preliminary-review.officers.list.v1', EmptyDto, 'OfficerListV1');
