import { IsDateString, IsInt, IsString } from 'class-validator';
import { ApplicationSummaryV1 } from '../../common/application-summary';
import { defineEvent } from '../../contract';

export class ApplicationReviewedV1 extends ApplicationSummaryV1 {
  @IsInt()
  score!: number;

  @IsString()
  opinion!: string;

  @IsDateString()
  reviewedAt!: string;
}
/** The expert opinion on which the Department decides the list (M9.1). */
export const ApplicationReviewed = defineEvent('expert-management.application.reviewed.v1', ApplicationReviewedV1);
