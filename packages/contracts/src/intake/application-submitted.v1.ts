import { Type } from 'class-transformer';
import { IsObject, IsDateString, IsIn, IsInt, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../contract';
import { LOCAL_DATE, PRODUCT_KINDS, ProductKind } from '../common/dto';

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

  @Matches(LOCAL_DATE)
  rdCompletedOn!: string;
}

/** An application left intake: it is now the prefecture's to review (M7.2). */
export class ApplicationSubmittedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  batchId!: string;

  @IsString()
  applicationNo!: string;

  @IsInt()
  @Min(1)
  version!: number;

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

  @IsDateString()
  submittedAt!: string;
}
export const ApplicationSubmitted = defineEvent('intake.application.submitted.v1', ApplicationSubmittedV1);
