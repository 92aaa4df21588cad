import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

/** An expert's overall recommendation on the application (M8.1). */
export const REVIEW_RECOMMENDATIONS = ['recommend', 'not_recommend', 'on_site_needed'] as const;
export type ReviewRecommendation = (typeof REVIEW_RECOMMENDATIONS)[number];

/** One criterion of the profile's rubric: a whole number on its scale and the reason for it. */
export class CriterionScoreV1 {
  /** The rubric criterion's key (the policy profile's `comprehensiveReview.rubric[].id`). */
  @IsString()
  @Matches(/^[a-z][a-zA-Z0-9]{0,39}$/)
  criterionId!: string;

  /** 0 to the criterion's `max`; the service checks the scale of the case's profile. */
  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  comment!: string;
}

/**
 * The assigned expert scores every criterion of the rubric with a comment each, gives a
 * recommendation and an opinion (M8.1); only after the undertaking (M11.1), once — or again while
 * the institution holds a consensus round on the application.
 */
export class ScoreApplicationV1 {
  @IsUUID()
  applicationId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreV1)
  criteria!: CriterionScoreV1[];

  @IsIn(REVIEW_RECOMMENDATIONS)
  recommendation!: ReviewRecommendation;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(4000)
  opinion!: string;
}
export const ScoreApplication = defineCommand('expert-management.review.score.v1', ScoreApplicationV1, 'AssignmentViewV1');
