import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { REPORT_RECOMMENDATIONS, type ReportRecommendation, SITE_VISIT_CONCLUSIONS, type SiteVisitConclusion } from '@firstset/domain';
import { ApplicationSummaryV1 } from '../../common/application-summary';
import { defineEvent } from '../../contract';
import { REVIEW_RECOMMENDATIONS, ReviewRecommendation } from '../commands/score-application.v1';

/** One expert's conclusion as it counted in the review (M8.1). */
export class ReviewedExpertV1 {
  @IsUUID()
  expertId!: string;

  /** Weighted total of the rubric, 0–100 with one decimal. */
  @IsNumber()
  @Min(0)
  @Max(100)
  weightedTotal!: number;

  @IsIn(REVIEW_RECOMMENDATIONS)
  recommendation!: ReviewRecommendation;
}

/** One rubric criterion's mean over the counted experts. */
export class ReviewedCriterionMeanV1 {
  @IsString()
  @MaxLength(100)
  criterionId!: string;

  @IsString()
  nameZh!: string;

  @IsNumber()
  @Min(0)
  @Max(100)
  mean!: number;
}

/** An on-site verification's conclusion (M8.2). */
export class ReviewedSiteConclusionV1 {
  @IsString()
  visitOn!: string;

  @IsIn(SITE_VISIT_CONCLUSIONS)
  conclusion!: SiteVisitConclusion;

  @IsOptional()
  @IsString()
  note?: string | null;
}

/** The institution's signed comprehensive review report as delivered to the Department (M8.1, M9.1). */
export class ReviewedReportV1 {
  @IsIn(REPORT_RECOMMENDATIONS)
  recommendation!: ReportRecommendation;

  @IsString()
  reasons!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ReviewedCriterionMeanV1)
  criterionMeans!: ReviewedCriterionMeanV1[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ReviewedSiteConclusionV1)
  siteConclusions!: ReviewedSiteConclusionV1[];

  @IsDateString()
  signedAt!: string;

  @IsOptional()
  @IsString()
  signedByName?: string | null;
}

export class ApplicationReviewedV1 extends ApplicationSummaryV1 {
  /** The case score rounded to a whole number (consumers before issue 17 read this). */
  @IsInt()
  score!: number;

  @IsString()
  opinion!: string;

  @IsDateString()
  reviewedAt!: string;

  /** Issue 17: the mean of the counted experts' weighted totals, one decimal. Absent in older events. */
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  weightedScore?: number;

  /** Issue 17: each counted expert's weighted total and recommendation. Absent in older events. */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ReviewedExpertV1)
  experts?: ReviewedExpertV1[];

  /** Issue 17: the institution's signed report. Absent in older events. */
  @IsOptional()
  @ValidateNested()
  @Type(() => ReviewedReportV1)
  report?: ReviewedReportV1;
}
/** The expert opinion on which the Department decides the list (M9.1). */
export const ApplicationReviewed = defineEvent('expert-management.application.reviewed.v1', ApplicationReviewedV1);
