import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { ApplicationRefDto, IsLocalDate } from '../common/dto';
import { MATERIAL_SLOT_IDS, MaterialSlotId } from '@firstset/domain';
import { MultilineText } from '../common/edge-rules';

/** The reviewer's verdict on one material of the M7.4 checklist, with a comment. */
export class RecordMaterialVerdictV1 {
  @IsUUID()
  applicationId!: string;

  @IsIn(MATERIAL_SLOT_IDS)
  slotId!: MaterialSlotId;

  @IsBoolean()
  present!: boolean;

  @IsBoolean()
  legible!: boolean;

  /** Within its validity period. */
  @IsBoolean()
  valid!: boolean;

  /** Issued by a qualified institution: required where M5.5 / M7.4(5) ask for one, else omitted. */
  @IsOptional()
  @IsBoolean()
  qualifiedInstitution?: boolean;

  /** Consistent with the application form. */
  @IsBoolean()
  consistent!: boolean;

  @IsOptional()
  @IsString()
  @MultilineText()
  @MaxLength(2000)
  comment?: string;
}
export const RecordMaterialVerdict = defineCommand('preliminary-review.material.verdict.v1', RecordMaterialVerdictV1, 'FormalReviewSheetV1');

export const CONDITION_IDS = ['M5.1', 'M5.2', 'M5.3', 'M5.4', 'M5.5', 'M5.6', 'M6.1', 'M6.2', 'M6.3', 'M6.4', 'M6.5'] as const;
export type ConditionId = (typeof CONDITION_IDS)[number];
/** met; not met (the application fails the condition, or is excluded); needs correction by the enterprise. */
export const CONDITION_VERDICTS = ['MET', 'NOT_MET', 'NEEDS_CORRECTION'] as const;
export type ConditionVerdictKind = (typeof CONDITION_VERDICTS)[number];

/**
 * The reviewer's verdict on one condition of M5 or exclusion of M6 (M12.1), recorded on the same
 * formal review sheet as the material verdicts. A verdict other than MET needs a note saying why.
 */
export class RecordConditionVerdictV1 {
  @IsUUID()
  applicationId!: string;

  @IsIn(CONDITION_IDS)
  conditionId!: ConditionId;

  @IsIn(CONDITION_VERDICTS)
  verdict!: ConditionVerdictKind;

  @IsOptional()
  @IsString()
  @MultilineText()
  @MaxLength(2000)
  note?: string;
}
export const RecordConditionVerdict = defineCommand('preliminary-review.condition.verdict.v1', RecordConditionVerdictV1, 'FormalReviewSheetV1');

export const VERIFICATION_KINDS = ['ORIGINALS_CHECKED', 'SITE_VISIT'] as const;

/** A verification action of M12.1, recorded with who (the actor) and when (the date performed). */
export class RecordVerificationV1 {
  @IsUUID()
  applicationId!: string;

  @IsIn(VERIFICATION_KINDS)
  kind!: (typeof VERIFICATION_KINDS)[number];

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  note!: string;

  /** China date on which it was done (not in the future). */
  @IsLocalDate()
  performedOn!: string;
}
export const RecordVerification = defineCommand('preliminary-review.verification.record.v1', RecordVerificationV1, 'FormalReviewSheetV1');

/**
 * The formal review sheet: the M7.4 checklist for the application with the verdicts, the
 * verification actions, and the changes of a resubmission.
 */
export const GetFormalReview = defineQuery('preliminary-review.formal-review.get.v1', ApplicationRefDto, 'FormalReviewSheetV1');
