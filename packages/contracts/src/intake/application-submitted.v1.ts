import { IsDateString, IsInt, Min } from 'class-validator';
import { defineEvent } from '../contract';
import { ApplicationSummaryV1 } from '../common/application-summary';

/** An application left intake: it is now the prefecture's to review (M7.2). */
export class ApplicationSubmittedV1 extends ApplicationSummaryV1 {
  @IsInt()
  @Min(1)
  version!: number;

  @IsDateString()
  submittedAt!: string;
}
export const ApplicationSubmitted = defineEvent('intake.application.submitted.v1', ApplicationSubmittedV1);
