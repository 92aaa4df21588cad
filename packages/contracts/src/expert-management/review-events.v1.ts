import { IsDateString, IsInt, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../contract';
import { ApplicationSummaryV1 } from '../common/application-summary';

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

export class AssignmentAcceptedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  expertId!: string;

  @IsUUID()
  institutionId!: string;

  @IsDateString()
  acceptedAt!: string;
}
/**
 * The assigned expert accepted and signed the confidentiality undertaking (M11.1): from now the
 * expert may read the application's materials (intake authorizes the downloads).
 */
export const AssignmentAccepted = defineEvent('expert-management.assignment.accepted.v1', AssignmentAcceptedV1);
