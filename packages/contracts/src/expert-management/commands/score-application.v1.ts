import { IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

export class ScoreApplicationV1 {
  @IsUUID()
  applicationId!: string;

  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(4000)
  opinion!: string;
}
export const ScoreApplication = defineCommand('expert-management.review.score.v1', ScoreApplicationV1, 'AssignmentViewV1');
