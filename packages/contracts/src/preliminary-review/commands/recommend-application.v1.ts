import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

export class RecommendApplicationV1 {
  @IsUUID()
  applicationId!: string;

  /** The prefecture's opinion sent with the recommendation (M7.3). */
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  opinion!: string;
}
export const RecommendApplication = defineCommand('preliminary-review.application.recommend.v1', RecommendApplicationV1, 'ReviewCaseViewV1');
