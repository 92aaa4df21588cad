import { IsDateString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

export class ReviewStartedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  institutionId!: string;

  @IsDateString()
  startedAt!: string;
}
/** The application entered comprehensive review under a commissioned institution (M8.1). */
export const ReviewStarted = defineEvent('expert-management.review.started.v1', ReviewStartedV1);
