import { Type } from 'class-transformer';
import { IsObject, IsString, IsUUID, ValidateNested } from 'class-validator';
import { SubmittedEnterpriseV1, SubmittedProductV1 } from '../intake/application-submitted.v1';

/** What each later stage carries forward about an application: references, never files. */
export class ApplicationSummaryV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  batchId!: string;

  @IsString()
  applicationNo!: string;

  @IsString()
  prefectureId!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => SubmittedEnterpriseV1)
  enterprise!: SubmittedEnterpriseV1;

  @IsObject()
  @ValidateNested()
  @Type(() => SubmittedProductV1)
  product!: SubmittedProductV1;
}
