import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, Matches, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineCommand } from '../../contract';
import { CorrectionItemV1, MEASURES_ID } from '../dto';

export class ReturnForCorrectionV1 {
  @IsUUID()
  applicationId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CorrectionItemV1)
  items!: CorrectionItemV1[];

  /** Last day (China date, included) for the enterprise to resubmit. */
  @IsLocalDate()
  deadline!: string;

  @IsArray()
  @ArrayMinSize(1)
  @Matches(MEASURES_ID, { each: true })
  measuresIds!: string[];
}
/** Return for correction (退回补正, M7.3): items with reasons, a deadline, the articles. */
export const ReturnForCorrection = defineCommand('preliminary-review.application.return.v1', ReturnForCorrectionV1, 'ReviewCaseViewV1');
