import { BREAKTHROUGH_KINDS, EQUIPMENT_FORMS } from '@firstset/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../common/dto';
import { MultilineText } from '../common/edge-rules';
import { Text } from './required-text';

/** First sale of the product to a customer outside the enterprise (M5.4). */
export class FirstSaleV1 {
  @IsLocalDate()
  date!: string;

  @Text(200)
  customer!: string;

  @IsOptional()
  @Text(100)
  contractNo?: string;
}

/** One performance indicator against the best domestic and foreign products (M2.1, M2.2). */
export class PerformanceIndicatorV1 {
  @Text(200)
  name!: string;

  @Text(100)
  value!: string;

  @IsOptional()
  @MaxLength(100)
  @IsString()
  domestic?: string;

  @IsOptional()
  @MaxLength(100)
  @IsString()
  foreign?: string;
}

export const IP_KINDS = ['invention_patent', 'utility_model', 'design_patent', 'software_copyright', 'trademark', 'other'] as const;
export const IP_BASES = ['owned', 'assigned_ownership', 'assigned_use_right', 'none'] as const;
/** The bases of a right held from someone else (M5.3: assigned ownership or a licensed right of use): it names its counterparty. */
export const IP_BASES_WITH_COUNTERPARTY: readonly (typeof IP_BASES)[number][] = ['assigned_ownership', 'assigned_use_right'];

/**
 * Who assigned or licensed the right to the enterprise (转让方、许可方): one of the enterprise's
 * partners and licensors, against whom the comprehensive review checks its experts (M11.1).
 */
export class IpCounterpartyV1 {
  @Text(200)
  name!: string;

  /** Optional: a foreign or individual licensor has none. Intake also applies GB 32100's checks. */
  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'counterparty.uscc must be an 18-character USCC' })
  uscc?: string;
}

/** One IP right behind the product (M5.3). */
export class IpRightV1 {
  @IsIn(IP_KINDS)
  kind!: (typeof IP_KINDS)[number];

  @Text(100)
  number!: string;

  @Text(200)
  title!: string;

  @IsIn(IP_BASES)
  basis!: (typeof IP_BASES)[number];

  /**
   * For an assigned or licensed right only (refused on an owned one); missing on such a right, the
   * pre-submission check blocks (a draft may lack it). Absent from applications saved before it was asked.
   */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IpCounterpartyV1)
  counterparty?: IpCounterpartyV1;
}

/** Sales of one year (M5.4, M7.4(6)). */
export class SalesYearV1 {
  @IsInt()
  @Min(2000)
  year!: number;

  @IsInt()
  @Min(0)
  units!: number;

  /** Revenue in ten-thousand yuan (万元). */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  revenueWanYuan!: number;
}

export { BREAKTHROUGH_KINDS, EQUIPMENT_FORMS };

/** One innovative breakthrough of the product (M2.1): where, and what. */
export class BreakthroughV1 {
  @IsIn(BREAKTHROUGH_KINDS)
  kind!: (typeof BREAKTHROUGH_KINDS)[number];

  @Text(2000)
  @MultilineText()
  description!: string;
}

/**
 * The applicant's declarations for the facts of M2 and the conditions of M5 and exclusions of M6;
 * unset = not yet declared (a blank answer blocks the submission).
 */
export class DeclarationsV1 {
  @IsOptional() @IsIn(['legal_person_enterprise', 'branch', 'sole_trader', 'farmer_cooperative', 'other']) legalForm?: string;
  @IsOptional() @IsBoolean() operatingNormally?: boolean;
  @IsOptional() @IsBoolean() wellManaged?: boolean;
  @IsOptional() @IsBoolean() taxCompliant?: boolean;
  @IsOptional() @IsBoolean() goodCredit?: boolean;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsLocalDate({ each: true }) safetyAccidentDates?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsLocalDate({ each: true }) environmentalAccidentDates?: string[];
  @IsOptional() @IsBoolean() ownRd?: boolean;
  @IsOptional() @IsBoolean() ownManufacturing?: boolean;
  @IsOptional() @IsBoolean() ownIntegration?: boolean;
  @IsOptional() @IsBoolean() technicalTeam?: boolean;
  @IsOptional() @IsBoolean() scaleProduction?: boolean;
  @IsOptional() @IsBoolean() mastersKeyTechnologyAndProcess?: boolean;
  @IsOptional() @IsBoolean() ownsOwnBrand?: boolean;
  @IsOptional() @IsBoolean() ownsRegisteredTrademark?: boolean;
  /** Superseded by the facts of M2 below, which decide the definition when given. */
  @IsOptional() @IsBoolean() meetsDefinition?: boolean;
  /** M2.1 区内首次研制 / M2.2 区内原始创新或重大突破. */
  @IsOptional() @IsBoolean() firstDevelopedInRegion?: boolean;
  /** M2.1 试用达到设计要求 (equipment and components). */
  @IsOptional() @IsBoolean() trialUseMetDesignRequirements?: boolean;
  /** M2.1 尚未取得市场业绩 / M2.2 市场化初期、尚未形成规模和竞争优势. */
  @IsOptional() @IsBoolean() noMarketRecordYet?: boolean;
  /** M2.1 the breakthrough in principle, technical route, structure or process, each described. */
  @IsOptional() @IsArray() @ArrayMaxSize(8) @ValidateNested({ each: true }) @Type(() => BreakthroughV1)
  breakthroughs?: BreakthroughV1[];
  /** M2.1 成套装备 / 单机装备 / 关键零部件 (equipment and components). */
  @IsOptional() @IsIn(EQUIPMENT_FORMS) equipmentForm?: (typeof EQUIPMENT_FORMS)[number];
  @IsOptional() @IsBoolean() fitsIndustrialPolicy?: boolean;
  @IsOptional() @IsBoolean() developedInRegion?: boolean;
  @IsOptional() @IsBoolean() manufacturedInRegion?: boolean;
  @IsOptional() @IsBoolean() productionLicenceApplies?: boolean;
  @IsOptional() @IsBoolean() hasProductionLicence?: boolean;
  @IsOptional() @IsBoolean() cccApplies?: boolean;
  @IsOptional() @IsBoolean() hasCccCertificate?: boolean;
  @IsOptional() @IsBoolean() ipSharedBySeveralParties?: boolean;
  /** M6.1–M6.3, stated as the fact (true = excluded). */
  @IsOptional() @IsBoolean() developedOnlyForOwnUse?: boolean;
  @IsOptional() @IsBoolean() customOrderedFromOutside?: boolean;
  @IsOptional() @IsBoolean() madeWithIntroducedTechnology?: boolean;
}

/** The form beyond the product's identity: catalogue entry, first sale, innovation, IP, sales, declarations. */
export class ApplicationFormFieldsV1 {
  /** Entry code of the field (M4.2) or new-materials catalogue category (M4.3). */
  @IsOptional() @Text(50) catalogueEntryCode?: string;
  /** Version of the catalogue the entry was chosen in (M4.3); defaults to the batch profile's. */
  @IsOptional() @Text(50) catalogueVersion?: string;

  @IsOptional() @IsObject() @ValidateNested() @Type(() => FirstSaleV1) firstSale?: FirstSaleV1;

  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MultilineText() @MaxLength(2000, { each: true })
  innovationPoints?: string[];

  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PerformanceIndicatorV1)
  performanceIndicators?: PerformanceIndicatorV1[];

  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => IpRightV1)
  ipList?: IpRightV1[];

  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => SalesYearV1)
  sales?: SalesYearV1[];

  @IsOptional() @IsObject() @ValidateNested() @Type(() => DeclarationsV1) declarations?: DeclarationsV1;
}

/** The enterprise's answer to one item of a return for correction: what it changed, or why not (M7.3). */
export class CorrectionAnswerV1 {
  /** The item as the prefecture named it (a material slot id or a form field path). */
  @IsString() @IsNotEmpty() @MaxLength(200) item!: string;

  /** Empty clears the answer; the check requires a non-empty one for every item before resubmitting. */
  @IsString() @MultilineText() @MaxLength(2000) answer!: string;
}

/** The credit source's answer at submission (M5.1, M7.4(2)), for the prefecture's formal review. */
export class SubmittedCreditCheckV1 {
  /** `simulator`, `credit-platform`, or `special_credit_report` (the prefecture verifies the uploaded report). */
  @IsString() @MaxLength(50) source!: string;
  /** Absent: the source could not tell, and the uploaded special credit report is the evidence. */
  @IsOptional() @IsBoolean() seriousDishonesty?: boolean;
  @IsOptional() @IsBoolean() abnormalOperations?: boolean;
  @IsDateString() checkedAt!: string;
  /** The platform's record id, when it gave one. */
  @IsOptional() @IsString() @MaxLength(200) reference?: string;
  /** Why the source could not tell (platform down, no interface…). */
  @IsOptional() @IsString() @MaxLength(300) note?: string;
}

/** Something intake's check wants a human to look at: not a refusal (a failed USCC check character, a possible same series…). */
export class SubmissionFlagV1 {
  @IsString() @MaxLength(80) code!: string;
  @IsString() @MaxLength(20) measuresId!: string;
  @IsOptional() @IsString() @MaxLength(80) field?: string;
  @IsString() @MaxLength(500) message!: string;
  @IsOptional() @IsString() @MaxLength(500) messageEn?: string;
}

/** The truthfulness pledge the enterprise signed with this version (M10.1). */
export class SignedPledgeV1 {
  @IsString() @MaxLength(50) version!: string;
  @IsString() @MaxLength(2000) textZh!: string;
  @IsString() @MaxLength(2000) textEn!: string;
  @IsDateString() signedAt!: string;
}

export class MaterialRefV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  materialId!: string;
}

/** The truthfulness pledge's version as the enterprise accepted it at submission (M10.1). */
export const PLEDGE_VERSION = /^[A-Za-z0-9._-]{1,50}$/;
