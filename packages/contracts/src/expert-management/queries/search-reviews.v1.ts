import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryV1 } from '../../common/paging';
import { defineQuery } from '../../contract';

/** States a case can have in comprehensive review (the lifecycle's names). */
export const REVIEW_CASE_STATES = ['RECOMMENDED', 'UNDER_COMPREHENSIVE_REVIEW', 'REVIEWED'] as const;

/**
 * Where an expert's assignment stands: assigned, accepted with the undertaking (M11.1), scored, or
 * ended unscored (recused, or excluded).
 */
export const ASSIGNMENT_STAGES = ['ASSIGNED', 'ACCEPTED', 'SCORED', 'ENDED'] as const;

/**
 * Applications in comprehensive review visible to the caller, paged on the server: the Department
 * and auditors all, an institution its commissioned batches, an expert their own assignments.
 * `stage` narrows an expert's list to the assignments at that stage (experts only).
 */
export class SearchReviewsV1 extends PageQueryV1 {
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @IsOptional()
  @IsIn(REVIEW_CASE_STATES)
  state?: (typeof REVIEW_CASE_STATES)[number];

  @IsOptional()
  @IsIn(ASSIGNMENT_STAGES)
  stage?: (typeof ASSIGNMENT_STAGES)[number];
}
export const SearchReviews = defineQuery('expert-management.review.search.v1', SearchReviewsV1, 'ReviewPageV1');
