import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { IsLocalDate, PRODUCT_KINDS, ProductKind } from '../../common/dto';
import { defineCommand } from '../../contract';
import { ApplicationFormFieldsV1, CorrectionAnswerV1 } from '../dto';
import { Text } from '../required-text';

/**
 * An autosave of the draft (or of a returned application under correction): only the fields
 * sent change. `expectedRevision` is the revision the client last read; a stale one is refused.
 */
export class UpdateApplicationDraftV1 extends ApplicationFormFieldsV1 {
  @IsUUID()
  applicationId!: string;

  @IsInt()
  @Min(0)
  expectedRevision!: number;

  @IsOptional() @IsIn(PRODUCT_KINDS) productKind?: ProductKind;
  @IsOptional() @Text(200) productName?: string;
  @IsOptional() @Text(100) series?: string;
  @IsOptional() @Text(100) model?: string;
  @IsOptional() @IsLocalDate() rdCompletedOn?: string;

  /** Under correction only: the enterprise's answer to each item the prefecture asked about (M7.3). */
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CorrectionAnswerV1)
  correctionAnswers?: CorrectionAnswerV1[];
}
/** v2: answers the saved revision (`DraftSavedV1`); v1 answered the whole application view. */
export const UpdateApplicationDraft = defineCommand('intake.application.update-draft.v2', UpdateApplicationDraftV1, 'DraftSavedV1');
