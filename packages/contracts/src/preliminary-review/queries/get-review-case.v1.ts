import { ApplicationRefDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/**
 * One application in preliminary review, for the officers of its prefecture (M7.2), the Department
 * and auditors. Another prefecture's application is "not found", like a missing one.
 */
export const GetReviewCase = defineQuery('preliminary-review.application.get.v1', ApplicationRefDto, 'ReviewCaseViewV1');
