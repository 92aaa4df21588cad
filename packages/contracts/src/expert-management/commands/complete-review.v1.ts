import { ApplicationRefDto } from '../../common/dto';
import { defineCommand } from '../../contract';

/** The institution closes the comprehensive review once every assigned expert has scored (M8.1). */
export const CompleteReview = defineCommand('expert-management.review.complete.v1', ApplicationRefDto, 'ReviewCompletedV1');
