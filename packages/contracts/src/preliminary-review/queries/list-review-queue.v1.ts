import { OptionalBatchDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The prefecture queue: applications of the officer's own prefecture only (M7.2, M7.3). */
export const ListReviewQueue = defineQuery('preliminary-review.queue.list.v1', OptionalBatchDto, 'QueueRowListV1');
