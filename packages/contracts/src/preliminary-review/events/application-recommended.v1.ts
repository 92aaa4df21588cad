import { IsDateString, IsString } from 'class-validator';
import { ApplicationSummaryV1 } from '../../common/application-summary';
import { defineEvent } from '../../contract';

export class ApplicationRecommendedV1 extends ApplicationSummaryV1 {
  @IsString()
  opinion!: string;

  @IsString()
  recommendedBy!: string;

  @IsDateString()
  recommendedAt!: string;
}
export const ApplicationRecommended = defineEvent(
  'preliminary-review.application.recommended.v1',
  ApplicationRecommendedV1,
);
