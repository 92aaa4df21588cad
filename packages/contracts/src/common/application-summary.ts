import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { IsLocalDate, PRODUCT_KINDS, ProductKind } from './dto';

export class SubmittedEnterpriseV1 {
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  uscc!: string;

  @IsString()
  name!: string;

  @IsString()
  registeredAddress!: string;
}

export class SubmittedProductV1 {
  @IsIn(PRODUCT_KINDS)
  kind!: ProductKind;

  @IsString()
  name!: string;

  @IsString()
  series!: string;

  @IsString()
  model!: string;

  @IsLocalDate()
  rdCompletedOn!: string;
}

/** What each stage carries forward about an application: references, never files. */
export class ApplicationSummaryV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  batchId!: string;

  @IsString()
  applicationNo!: string;

  /** Recommending body (prefecture) that reviews it, derived from the registered address. */
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
