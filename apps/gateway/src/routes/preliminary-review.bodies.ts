import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CONDITION_IDS, CONDITION_VERDICTS, CorrectionItemV1, IsLocalDate, MEASURES_ID, MultilineText, toInt, VERIFICATION_KINDS } from '@firstset/contracts';
import { MATERIAL_SLOT_IDS } from '@firstset/domain';

// Plain classes (not OmitType) so that their OpenAPI schemas come straight from their own rules;
// the service validates the whole message again against its contract.

export class DiscardDraftBody {
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(2000) reason!: string;
}

export class AssignBody {
  @IsString() @MaxLength(100) assigneeId!: string;
}

export class VerdictBody {
  @IsIn(MATERIAL_SLOT_IDS) slotId!: (typeof MATERIAL_SLOT_IDS)[number];
  @IsBoolean() present!: boolean;
  @IsBoolean() legible!: boolean;
  @IsBoolean() valid!: boolean;
  @IsOptional() @IsBoolean() qualifiedInstitution?: boolean;
  @IsBoolean() consistent!: boolean;
  @IsOptional() @IsString() @MultilineText() @MaxLength(2000) comment?: string;
}

export class ConditionVerdictBody {
  @IsIn(CONDITION_IDS) conditionId!: (typeof CONDITION_IDS)[number];
  @IsIn(CONDITION_VERDICTS) verdict!: (typeof CONDITION_VERDICTS)[number];
  @IsOptional() @IsString() @MultilineText() @MaxLength(2000) note?: string;
}

export class VerificationBody {
  @IsIn(VERIFICATION_KINDS) kind!: (typeof VERIFICATION_KINDS)[number];
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(2000) note!: string;
  @IsLocalDate() performedOn!: string;
}

export class ReturnBody {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CorrectionItemV1) items!: CorrectionItemV1[];
  @IsLocalDate() deadline!: string;
  @IsArray() @ArrayMinSize(1) @Matches(MEASURES_ID, { each: true }) measuresIds!: string[];
}

export class RejectBody {
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(2000) reason!: string;
  @IsArray() @ArrayMinSize(1) @Matches(MEASURES_ID, { each: true }) measuresIds!: string[];
}

export class ApprovalSettingBody {
  @IsBoolean() twoStepApproval!: boolean;
  @IsOptional() @Matches(/^\d{6}$/) prefectureId?: string;
}

export class SummaryBody {
  @IsUUID() batchId!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) order?: string[];
  @IsOptional() @IsString() @MaxLength(100) signerName?: string;
}

export class SummaryQuery {
  @IsOptional() @Matches(/^\d{6}$/) prefectureId?: string;
  /** 0 (default) the summary, 1, 2… its supplements (补报). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(99) sequence?: number;
}
