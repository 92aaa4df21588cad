import { OptionalBatchDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** Applications in comprehensive review visible to the caller (Department, institution, assigned expert). */
export const ListReviews = defineQuery('expert-management.review.list.v1', OptionalBatchDto, 'ReviewListV1');
