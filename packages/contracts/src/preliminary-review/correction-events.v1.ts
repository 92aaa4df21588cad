import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDateString, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { defineEvent } from '../contract';
import { IsLocalDate } from '../common/dto';
import { MultilineText } from '../common/edge-rules';

/** One thing the enterprise must correct: a material slot or a form field, and why. */
export class CorrectionItemV1 {
  /** Material slot id (from the domain's materials checklist) or form field path. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  item!: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}

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

/** The prefecture rejected the application: final for this batch, with the articles (M7.3, M12.1). */
export class ApplicationRejectedV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @IsNotEmpty()
  reason!: string;

  @IsArray()
  @IsString({ each: true })
  measuresIds!: string[];

  @IsString()
  rejectedBy!: string;

  @IsDateString()
  rejectedAt!: string;
}
export const ApplicationRejected = defineEvent('preliminary-review.application.rejected.v1', ApplicationRejectedV1);
