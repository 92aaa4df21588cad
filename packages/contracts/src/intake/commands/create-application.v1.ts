import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsLocalDate, PRODUCT_KINDS, ProductKind } from '../../common/dto';
import { defineCommand } from '../../contract';

export class CreateApplicationV1 {
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
}
export const CreateApplication = defineCommand('intake.application.create.v1', CreateApplicationV1, 'ApplicationViewV1');
