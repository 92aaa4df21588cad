import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsLocalDate, PRODUCT_KINDS, ProductKind } from '../../common/dto';
import { defineCommand } from '../../contract';
import { ApplicationFormFieldsV1, PLEDGE_VERSION } from '../dto';

/** A file the enterprise uploaded before (to any of its applications), placed in a slot of this one. */
export class SlotMaterialRefV1 {
  /** Slot of the materials checklist (M7.4), e.g. `testReport`. */
  @IsString()
  @Matches(/^[a-zA-Z]{1,60}$/)
  slotId!: string;

  @IsUUID()
  materialId!: string;
}

/**
 * The whole application in one request, submitted at once (M7.1, M7.2): what an enterprise's own
 * system or the form's last step sends. It passes every check a draft submission passes and leaves
 * the same traces (version 1, timeline, audit, the `application.submitted` event).
 */
export class SubmitCompleteApplicationV1 extends ApplicationFormFieldsV1 {
  @IsUUID()
  batchId!: string;

  @IsIn(PRODUCT_KINDS)
  productKind!: ProductKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  productName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  series!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  model!: string;

  /** R&D completion date (M6.5). */
  @IsLocalDate()
  rdCompletedOn!: string;

  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SlotMaterialRefV1)
  materials!: SlotMaterialRefV1[];

  /** M10.1: the version of the truthfulness pledge the enterprise accepted. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  @Matches(PLEDGE_VERSION)
  pledgeVersion!: string;
}
export const SubmitCompleteApplication = defineCommand('intake.application.submit-complete.v1', SubmitCompleteApplicationV1, 'SubmissionReceiptV1');
