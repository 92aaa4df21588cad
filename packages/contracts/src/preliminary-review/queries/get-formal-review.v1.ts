import { ApplicationRefDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/**
 * The formal review sheet: the M7.4 checklist for the application with the verdicts, the
 * verification actions, and the changes of a resubmission.
 */
export const GetFormalReview = defineQuery('preliminary-review.formal-review.get.v1', ApplicationRefDto, 'FormalReviewSheetV1');
