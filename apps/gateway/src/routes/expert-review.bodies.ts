import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { CONFLICT_ANSWERS, CriterionScoreV1, MultilineText, REVIEW_RECOMMENDATIONS } from '@firstset/contracts';
import type { ConflictAnswer, ReviewRecommendation } from '@firstset/contracts';

// Plain classes (not OmitType) so that their OpenAPI schemas come straight from their own rules;
// the service validates the whole message again against its contract (issue 17, the expert's review).

export class AcceptAssignmentBody {
  @IsString() @IsNotEmpty() @MaxLength(100) undertakingVersion!: string;
  @IsIn(CONFLICT_ANSWERS) conflict!: ConflictAnswer;
  @ValidateIf((o: AcceptAssignmentBody) => o.conflict === 'declared' || o.conflictReason !== undefined)
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(1000) conflictReason?: string;
}

export class RubricScoreBody {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => CriterionScoreV1) criteria!: CriterionScoreV1[];
  @IsIn(REVIEW_RECOMMENDATIONS) recommendation!: ReviewRecommendation;
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(4000) opinion!: string;
}

export class RecusalBody {
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(1000) reason!: string;
}

export class ConsensusCallBody {
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(2000) reason!: string;
}

export class ConsensusOutcomeBody {
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(4000) outcome!: string;
}
