import { OptionalBatchDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** Reviewed applications the Department can put on a list. */
export const ListCandidates = defineQuery('publicity.candidate.list.v1', OptionalBatchDto, 'CandidateListV1');
