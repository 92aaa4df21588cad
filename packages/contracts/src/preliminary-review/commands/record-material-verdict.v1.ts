import { MATERIAL_SLOT_IDS, MaterialSlotId } from '@firstset/domain';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

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
