import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PRODUCT_KINDS, ProductKind } from '../../common/dto';
import { PageQueryV1 } from '../../common/paging';
import { defineQuery } from '../../contract';

/** States a case can have in preliminary review (the lifecycle's names). */
export const REVIEW_QUEUE_STATES = [
  'SUBMITTED',
  'RESUBMITTED',
  'RETURNED_FOR_CORRECTION',
  'REJECTED_AT_PRELIMINARY_REVIEW',
  'RECOMMENDED',
  'WITHDRAWN',
] as const;

/**
 * What needs the prefecture's hand: `unclaimed`, submitted or resubmitted cases no officer holds;
 * `overdue`, cases returned for correction whose deadline has passed (M7.3: to be rejected).
 */
export const QUEUE_ATTENTIONS = ['unclaimed', 'overdue'] as const;

/**
 * The prefecture queue, searched and paged on the server (M7.2, M7.3). By default the active
 * queue (withdrawn cases left out); `state` narrows to one state. Sorted by waiting time.
 */
export class SearchReviewQueueV1 extends PageQueryV1 {
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @IsOptional()
  @IsIn(REVIEW_QUEUE_STATES)
  state?: (typeof REVIEW_QUEUE_STATES)[number];

  @IsOptional()
  @IsIn(PRODUCT_KINDS)
  productKind?: ProductKind;

  /** The field (M4.2, e.g. `EF04`) or new-materials category (M4.3) the applicant chose. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,50}$/)
  catalogueEntryCode?: string;

  /** Part of the enterprise name, the credit code, the product name or the model. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  /** Only the cases waiting for the prefecture in this way (the workspace home's counts link here). */
  @IsOptional()
  @IsIn(QUEUE_ATTENTIONS)
  attention?: (typeof QUEUE_ATTENTIONS)[number];

  /** `longest` (default): what has waited longest first; `shortest`: newest first. */
  @IsOptional()
  @IsIn(['longest', 'shortest'])
  sort?: 'longest' | 'shortest';
}
export const SearchReviewQueue = defineQuery('preliminary-review.queue.search.v1', SearchReviewQueueV1, 'QueuePageV1');
