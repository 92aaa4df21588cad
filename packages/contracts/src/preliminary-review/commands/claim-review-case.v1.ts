import { ApplicationRefDto } from '../../common/dto';
import { defineCommand } from '../../contract';

/** The officer takes the case into their own hands. */
export const ClaimReviewCase = defineCommand('preliminary-review.application.claim.v1', ApplicationRefDto, 'ReviewCaseViewV1');
