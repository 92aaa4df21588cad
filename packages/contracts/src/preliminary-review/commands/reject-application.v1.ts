import { ArrayMinSize, IsArray, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';
import { MEASURES_ID } from '../dto';

export class RejectApplicationV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;

  @IsArray()
  @ArrayMinSize(1)
  @Matches(MEASURES_ID, { each: true })
  measuresIds!: string[];
}
/** Reject at preliminary review: final for this batch, citing the articles (M7.3, M12.1). */
export const RejectApplication = defineCommand('preliminary-review.application.reject.v1', RejectApplicationV1, 'ReviewCaseViewV1');
