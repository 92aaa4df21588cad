import { IsArray, IsDateString, IsNotEmpty, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

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
