import { ApplicationRefDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/**
 * One application in comprehensive review as the caller may see it: the Department, auditors and
 * the commissioned institution everything (every expert's scores, the divergence, the consensus
 * rounds); an assigned expert their own assignment, the application after the undertaking, and the
 * other experts' scores only once their own are in (M11.1).
 */
export const GetComprehensiveReview = defineQuery('expert-management.review.get.v1', ApplicationRefDto, 'ReviewListEntryV1');
