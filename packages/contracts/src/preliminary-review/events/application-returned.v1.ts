import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDateString, IsString, IsUUID, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';
import { CorrectionItemV1 } from '../dto';

/** The prefecture returned the application for correction (退回补正, M7.3) with a deadline. */
export class ApplicationReturnedV1 {
  @IsUUID()
  applicationId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => CorrectionItemV1)
  items!: CorrectionItemV1[];

  /** Last day (China date, included) on which the enterprise may resubmit. */
  @IsLocalDate()
  deadline!: string;

  @IsString()
  returnedBy!: string;

  @IsDateString()
  returnedAt!: string;
}
export const ApplicationReturned = defineEvent('preliminary-review.application.returned.v1', ApplicationReturnedV1);
