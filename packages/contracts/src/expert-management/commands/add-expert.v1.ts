import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { EXPERT_FIELD_CODES, EXPERT_REGION_CODES, IDENTITY_TYPES, TIE_KINDS } from '@firstset/domain';
import { IsLocalDate, MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** A tie the expert declares with an organization (M11.1): employer history, co-authorship, projects, equity, family. */
export class ExpertTieInputV1 {
  @IsIn(TIE_KINDS)
  kind!: (typeof TIE_KINDS)[number];

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  counterpartyName!: string;

  @IsOptional()
  @Matches(USCC, { message: 'counterpartyUscc must be an 18-character USCC' })
  counterpartyUscc?: string;

  /** For employment: the first day there. */
  @IsOptional()
  @IsLocalDate()
  from?: string;

  /** For employment: the last day there; absent = still there. */
  @IsOptional()
  @IsLocalDate()
  until?: string;

  @IsOptional()
  @IsString()
  @MultilineText()
  @MaxLength(500)
  note?: string;
}

/** What the institution keeps about an expert of its pool, beyond the identity document. */
export class ExpertFieldsV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  /** A mainland mobile number. */
  @IsOptional()
  @Matches(/^1[3-9]\d{9}$/, { message: 'mobile must be an 11-digit mobile number' })
  mobile?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  employerName!: string;

  @IsOptional()
  @Matches(USCC, { message: 'employerUscc must be an 18-character USCC' })
  employerUscc?: string;

  /** Professional title (职称). */
  @IsString()
  @MaxLength(50)
  title!: string;

  /** M4.2 field codes EF01–EF18 and "NM" for new materials; at least one. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(19)
  @IsIn(EXPERT_FIELD_CODES, { each: true })
  fieldCodes!: string[];

  /** Free-text specialty (专业方向). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  field!: string;

  /** A prefecture of Inner Mongolia (6-digit code); absent = outside the region. */
  @IsOptional()
  @IsIn(EXPERT_REGION_CODES)
  regionCode?: string;

  @IsBoolean()
  available!: boolean;

  /** Unavailable up to and including this day (an absence); absent = no end given. */
  @IsOptional()
  @IsLocalDate()
  unavailableUntil?: string;
}

/** The institution adds an expert to its pool (M8.1): identity kept only as a keyed hash and its last 4 characters. */
export class AddExpertV1 extends ExpertFieldsV1 {
  @IsIn(IDENTITY_TYPES)
  identityType!: (typeof IDENTITY_TYPES)[number];

  /** Never stored or returned in full. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  identityNumber!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ExpertTieInputV1)
  ties?: ExpertTieInputV1[];
}
export const AddExpert = defineCommand('expert-management.expert.add.v1', AddExpertV1, 'ExpertDetailV1');
