import { defineQuery } from '../contract';
import { OptionalBatchDto } from '../common/dto';

/** Applications in comprehensive review visible to the caller (Department, institution, assigned expert). */
export const ListReviews = defineQuery('expert-management.review.list.v1', OptionalBatchDto, 'ReviewListV1');
