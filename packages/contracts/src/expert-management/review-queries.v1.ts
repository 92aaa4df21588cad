import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineQuery } from '../contract';
import { PageQueryV1 } from '../common/paging';

export { PageQueryV1 };

/** States a case can have in comprehensive review (the lifecycle's names). */
export const REVIEW_CASE_STATES = ['RECOMMENDED', 'UNDER_COMPREHENSIVE_REVIEW', 'REVIEWED'] as const;

/** Where an expert's assignment stands: assigned, accepted with the undertaking (M11.1), scored. */
export const ASSIGNMENT_STAGES = ['ASSIGNED', 'ACCEPTED', 'SCORED'] as const;

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

/** Part of a name (or an expert's field) to look for in reference data, paged. */
export class PoolQueryV1 extends PageQueryV1 {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

/** The caller's institution's expert pool, each with its qualification (M11.2): to assign from. */
export const ListExperts = defineQuery('expert-management.expert.list.v1', PoolQueryV1, 'ExpertPageV1');

/** Third-party institutions with their participation bans (M10.3): for the Department to commission. */
export const ListInstitutions = defineQuery('expert-management.institution.list.v1', PoolQueryV1, 'InstitutionPageV1');

/** The Department's commissions (M8.1), newest first, optionally of one batch. */
export class ListCommissionsV1 extends PageQueryV1 {
  @IsOptional()
  @IsUUID()
  batchId?: string;
}
export const ListCommissions = defineQuery('expert-management.commission.list.v1', ListCommissionsV1, 'CommissionPageV1');
