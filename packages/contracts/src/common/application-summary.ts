import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
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

/** The policy profile a batch and its applications are judged by (M15): id and version. */
export class PolicyProfileRefV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  version!: string;
}

/** An organization the application names as a partner: a licensor, co-owner or contract party of its IP (M11.1 conflicts). */
export class ApplicationPartnerV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  uscc?: string;
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

  /** M15: the batch's policy profile; absent in events sent before it was carried (the draft). */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PolicyProfileRefV1)
  policyProfile?: PolicyProfileRefV1;

  /** M4.2 field code of the product (EF01–EF18), or "NM" for new materials; absent when not chosen or from older producers. */
  @IsOptional()
  @Matches(/^(EF(0[1-9]|1[0-8])|NM)$/)
  fieldCode?: string;

  /** The application's partners and licensors, for the comprehensive review's conflict check (M11.1); absent from older producers. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ApplicationPartnerV1)
  partners?: ApplicationPartnerV1[];
}
