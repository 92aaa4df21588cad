import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CorrectionItemV1, IsLocalDate, MEASURES_ID, VERIFICATION_KINDS, MultilineText } from '@firstset/contracts';
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
}
